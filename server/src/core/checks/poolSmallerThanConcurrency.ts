/**
 * PG601: more threads or tasks share one client than its pool serves for one host. A queueing pool
 * makes the extra requests wait and then time out; a soft cap opens and discards extra connections.
 * The fix raises the pool to the concurrency: it changes behaviour, so it never runs in bulk.
 */
import type { ConcurrentUse } from '../analysis/concurrency/types';
import { capacityPathsOfUse, type PoolCapacity } from '../config/poolCapacity';
import { findRule } from '../rules';
import { poolWaitSentence } from '../hover/format';
import type { Finding, Fix } from '../types';
import type { Check, CheckContext } from './context';
import { onEveryPath } from './everyPath';
import { clientWords, concurrencyWords, excess, poolWords, unitWord } from './concurrencyWords';

export const poolSmallerThanConcurrency: Check = (ctx) =>
  ctx.concurrentUses.flatMap((use) => {
    // A pool cap that is "one of" several values: only when every one is too small.
    const found = onEveryPath(capacityPathsOfUse(use, ctx.calls, ctx.configs), (capacity) => tooSmall(ctx, use, capacity));
    return found ? [found] : [];
  });

function tooSmall(ctx: CheckContext, use: ConcurrentUse, capacity: PoolCapacity): Finding | undefined {
  if (capacity.kind !== 'queue' && capacity.kind !== 'soft') return undefined;
  const over = excess(use.concurrency, capacity.cap);
  if (!over) return undefined;
  const unit = unitWord(use);
  const cpus = over.fromCpus === undefined || over.fromCpus <= 1 ? '' : ` on a machine with ${over.fromCpus} or more CPUs`;
  const shared = `${capitalize(concurrencyWords(use.concurrency, unit))} share ${clientWords(ctx.text, use)}, whose pool allows ${poolWords(capacity)}${cpus}`;
  const outcome =
    capacity.kind === 'queue'
      ? poolWaitSentence(capacity.poolWait, capacity.configs)
      : `The ${unit} beyond ${capacity.cap} ${capacity.whenFull}.`;
  const finding: Finding = {
    code: 'PG601',
    span: use.site.calleeSpan,
    callSpan: use.site.span,
    severity: findRule('PG601')!.severity,
    message: `${shared}. ${outcome}`,
    fixes: raiseFix(capacity, over.top),
  };
  return finding;
}

function raiseFix(capacity: Extract<PoolCapacity, { kind: 'queue' | 'soft' }>, to: number): Fix[] {
  const edit = capacity.edit;
  if (!edit) return [];
  const title = `Raise \`${capacity.capName}\` to ${to} (changes behaviour: up to ${to} connections are kept open)`;
  const change =
    edit.kind === 'replace'
      ? { span: edit.span, newText: `${to}` }
      : { span: { start: edit.offset, end: edit.offset }, newText: `${edit.first ? '' : ', '}${edit.keyword}=${to}` };
  return [{ title, edits: [change], safe: false, preferred: false }];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
