/**
 * PG602: a fan-out over an iterable of unknown size, with no limiter around the requests, against a
 * client whose pool queues the requests beyond its size under a finite timeout: past that size the
 * requests wait for the pool, and the timeout that bounds the wait decides whether they fail.
 */
import { poolWaitSentence } from '../hover/format';
import { findRule } from '../rules';
import type { Finding } from '../types';
import type { Check } from './context';
import { clientWords, concurrencyWords, unitWord } from './concurrencyWords';
import { capacityOfUse } from '../config/poolCapacity';

export const unboundedFanOut: Check = (ctx) => ctx.concurrentUses.flatMap((use): Finding[] => {
  if (use.concurrency.kind !== 'unbounded') return [];
  const capacity = capacityOfUse(use, ctx.calls, ctx.configs);
  if (capacity.kind !== 'queue') return [];
  const { poolWait, configs } = capacity;
  const bounds = [poolWait.waitField, poolWait.overallField].flatMap((name) => configs.flatMap((config) => config.fields).filter((field) => field.field.name === name));
  if (!bounds.some((field) => typeof field.value === 'number')) return [];
  const callee = ctx.text.slice(use.site.calleeSpan.start, use.site.calleeSpan.end);
  const message =
    `\`${callee}\` starts ${concurrencyWords(use.concurrency, unitWord(use))} with no semaphore around their requests, all through ${clientWords(ctx.text, use)}: ` +
    `more than ${capacity.cap} pending requests wait for its pool (\`${capacity.capName}\`). ${poolWaitSentence(poolWait, configs)} Bound them with a semaphore no larger than the pool, or raise the pool.`;
  return [{ code: 'PG602', span: use.site.calleeSpan, callSpan: use.site.span, severity: findRule('PG602')!.severity, message, fixes: [] }];
});
