/**
 * PG602: a fan-out over an iterable of unknown size, with no limiter around the requests, against a
 * client whose pool queues the requests beyond its size under a finite timeout: past that size the
 * requests wait for the pool, and the timeout that bounds the wait decides whether they fail. A
 * client that is "one of" several: only when every one of them queues under a finite timeout.
 */
import { poolWaitSentence } from '../hover/format';
import { findRule } from '../rules';
import type { ConcurrentUse } from '../analysis/concurrency/types';
import type { Finding } from '../types';
import type { Check, CheckContext } from './context';
import { clientWords, concurrencyWords, unitWord } from './concurrencyWords';
import { capacityPathsOfUse, type PoolCapacity } from '../config/poolCapacity';
import { onEveryPath } from './everyPath';

export const unboundedFanOut: Check = (ctx) =>
  ctx.concurrentUses.flatMap((use) => {
    if (use.concurrency.kind !== 'unbounded') return [];
    const found = onEveryPath(capacityPathsOfUse(use, ctx.calls, ctx.configs), (capacity) => queuesUnderTimeout(ctx, use, capacity));
    return found ? [found] : [];
  });

/** The finding when this path's pool queues the requests beyond its size and a finite timeout bounds the wait. */
function queuesUnderTimeout(ctx: CheckContext, use: ConcurrentUse, capacity: PoolCapacity): Finding | undefined {
  if (capacity.kind !== 'queue') return undefined;
  const { poolWait, configs } = capacity;
  const bounds = [poolWait.waitField, poolWait.overallField].flatMap((name) => configs.flatMap((config) => config.fields).filter((field) => field.field.name === name));
  if (!bounds.some((field) => typeof field.value === 'number')) return undefined;
  const callee = ctx.text.slice(use.site.calleeSpan.start, use.site.calleeSpan.end);
  const message =
    `\`${callee}\` starts ${concurrencyWords(use.concurrency, unitWord(use))} with no semaphore around their requests, all through ${clientWords(ctx.text, use)}: ` +
    `more than ${capacity.cap} pending requests wait for its pool (\`${capacity.capName}\`). ${poolWaitSentence(poolWait, configs)} Bound them with a semaphore no larger than the pool, or raise the pool.`;
  return { code: 'PG602', span: use.site.calleeSpan, callSpan: use.site.span, severity: findRule('PG602')!.severity, message, fixes: [] };
}
