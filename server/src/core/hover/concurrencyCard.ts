/**
 * Hovers about concurrency: on a fan-out (`executor.map`, `asyncio.gather`, `tg.create_task`), on
 * the thread pool that sizes it and on a semaphore held around requests, which shared clients the
 * tasks use, the pool each has and whether it is enough; on a client, the concurrency it is used
 * under. Needs the whole analysis, so it runs only where the text can name a construct.
 */
import { CONCURRENCY_CONSTRUCTS } from '../../catalog/concurrency';
import type { Analysis } from '../analysis/analyze';
import type { ConcurrentUse } from '../analysis/concurrency/types';
import { clientWords, concurrencyWords, excess, lineOf, poolWords, unitWord } from '../checks/concurrencyWords';
import { capacityOfUse, type PoolCapacity } from '../config/poolCapacity';
import type { BoundCall, TextSpan } from '../types';
import type { ConcurrencyRow } from './cardData';
import { cell, poolWaitSentence } from './format';

/** Every name a construct or its methods are called by (`gather`, `map`, `Semaphore`): a hover elsewhere needs no concurrency card. */
const CONSTRUCT_WORDS = new Set(
  CONCURRENCY_CONSTRUCTS.flatMap((construct) => [
    ...('names' in construct ? construct.names.map((name) => name.slice(name.lastIndexOf('.') + 1)) : []),
    ...(construct.kind === 'executor' ? [...construct.mapMethods, ...construct.submitMethods] : []),
    ...(construct.kind === 'task-group' ? construct.startMethods.map((method) => method.name) : []),
    ...(construct.kind === 'loop-executor' ? [construct.method] : []),
  ]),
);

/** Whether the word at `offset` names a construct (cheap: decides whether the whole analysis is needed). */
export function mayNameConstruct(text: string, offset: number): boolean {
  const before = /[A-Za-z_0-9]*$/.exec(text.slice(Math.max(0, offset - 64), offset))?.[0] ?? '';
  const after = /^[A-Za-z_0-9]*/.exec(text.slice(offset, offset + 64))?.[0] ?? '';
  return CONSTRUCT_WORDS.has(before + after);
}

/** The card on a fan-out, a thread pool or a limiter at `offset`, with the span it covers. */
export function concurrencyHover(analysis: Analysis, offset: number): { span: TextSpan; markdown: string } | undefined {
  const inside = (span: TextSpan | undefined) => span !== undefined && span.start <= offset && offset <= span.end;
  for (const [span, uses] of groups(analysis.concurrentUses, inside)) {
    const [first] = uses;
    const title = `**${analysis.text.slice(span.start, span.end).replace(/\s+/g, ' ')}** · concurrency`;
    const width = concurrencyWords(first.concurrency, unitWord(first));
    const lines = [title, '', `Runs ${width} at once, sharing:`, '', '| client | pool | enough? |', '|---|---|---|'];
    for (const use of uses) lines.push(useRow(analysis, use));
    return { span, markdown: lines.join('\n') };
  }
  return undefined;
}

/** The uses whose fan-out callee, thread pool or limiter is at the offset, grouped under that span. */
function groups(uses: readonly ConcurrentUse[], inside: (span: TextSpan | undefined) => boolean): Map<TextSpan, ConcurrentUse[]> {
  const found = new Map<string, { span: TextSpan; uses: ConcurrentUse[] }>();
  for (const use of uses) {
    const spans = [use.site.calleeSpan, use.site.poolSpan, ...use.limiters.map((limiter) => limiter.span)].filter(inside) as TextSpan[];
    const span = spans.reduce<TextSpan | undefined>((best, candidate) => (!best || candidate.end - candidate.start < best.end - best.start ? candidate : best), undefined);
    if (!span) continue;
    const key = `${span.start}:${span.end}`;
    const entry = found.get(key) ?? { span, uses: [] };
    entry.uses.push(use);
    found.set(key, entry);
  }
  return new Map([...found.values()].map((entry) => [entry.span, entry.uses]));
}

function useRow(analysis: Analysis, use: ConcurrentUse): string {
  const capacity = capacityOfUse(use, analysis.calls, analysis.configs);
  return `| ${cell(clientWords(analysis.text, use))} | ${cell(capacityWords(capacity))} | ${cell(verdict(use, capacity))} |`;
}

function capacityWords(capacity: PoolCapacity): string {
  if (capacity.kind === 'queue' || capacity.kind === 'soft') return poolWords(capacity);
  return capacity.kind === 'unlimited' ? `no limit: ${capacity.why}` : `unknown: ${capacity.reason}`;
}

/** Whether a pool serves the concurrency it is used under, and what happens if not. */
function verdict(use: ConcurrentUse, capacity: PoolCapacity): string {
  if (capacity.kind === 'unlimited') return 'yes: the pool has no limit';
  if (capacity.kind === 'unknown') return 'unknown';
  if (use.concurrency.kind === 'unknown') return `unknown: ${use.concurrency.reason}`;
  if (use.concurrency.kind === 'unbounded') {
    return capacity.kind === 'queue' ? `not for more than ${capacity.cap} at once: ${poolWaitSentence(capacity.poolWait, capacity.configs)}` : `not for more than ${capacity.cap} at once`;
  }
  const over = excess(use.concurrency, capacity.cap);
  if (!over) return 'yes';
  const outcome = capacity.kind === 'queue' ? poolWaitSentence(capacity.poolWait, capacity.configs) : capacity.whenFull;
  return `no (PG601): ${outcome}`;
}

/** On a client's card: the fan-outs its requests run under, with the concurrency of each. */
export function clientConcurrencyRows(call: BoundCall, analysis: Analysis): ConcurrencyRow[] {
  return analysis.concurrentUses
    .filter((use) => use.client === call)
    .map((use) => ({
      where: `\`${analysis.text.slice(use.site.calleeSpan.start, use.site.calleeSpan.end)}\` (line ${lineOf(analysis.text, use.site.span.start)})`,
      atOnce: concurrencyWords(use.concurrency, unitWord(use)),
      enough: verdict(use, capacityOfUse(use, analysis.calls, analysis.configs)),
    }));
}
