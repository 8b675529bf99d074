/**
 * What the concurrency analysis finds: places that run work concurrently (a thread pool's `map`,
 * `asyncio.gather`, a task group), how many run at once, the limiters held around the requests,
 * and which shared clients those requests go through. Plain data, read by checks and hovers.
 */
import type { ConcurrencyConstruct } from '../../../catalog/concurrencySchema';
import type { BoundCall, TextSpan } from '../../types';

/** How many tasks or threads run at once. */
export type Concurrency =
  /** A number the code fixes: `max_workers=8`, `Semaphore(5)`, 20 tasks from `range(20)`. */
  | { readonly kind: 'known'; readonly value: number; readonly text: string }
  /** Decided by the CPU count at run time: `min(cap, CPUs + add)`, or one per CPU when `cap` is undefined. */
  | { readonly kind: 'cpu'; readonly cap: number | undefined; readonly add: number; readonly text: string }
  /** One task per item of an iterable of unknown size, with nothing bounding them. */
  | { readonly kind: 'unbounded'; readonly text: string }
  /** Bounded, but by a number this file does not tell. */
  | { readonly kind: 'unknown'; readonly reason: string };

/** A limiter (`async with sem:`) held around requests. */
export type Limiter = {
  readonly construct: ConcurrencyConstruct;
  /** Where the limiter is built (`asyncio.Semaphore(5)`), when found. */
  readonly span?: TextSpan;
  readonly size: Concurrency;
  /** The `with` statement that holds it. */
  readonly heldAt: TextSpan;
};

/** A place that starts work concurrently. */
export type FanOutSite = {
  readonly construct: ConcurrencyConstruct;
  /** The whole call that fans out (`executor.map(fetch, urls)`, `asyncio.gather(...)`). */
  readonly span: TextSpan;
  /** Its callee (`executor.map`, `asyncio.gather`): where a finding and a hover sit. */
  readonly calleeSpan: TextSpan;
  /** For a thread pool: the construction that sizes it (`ThreadPoolExecutor(max_workers=8)`). */
  readonly poolSpan?: TextSpan;
  /** How many run at once before any limiter inside the tasks. */
  readonly width: Concurrency;
  /** The functions the tasks run, as written (`fetch`). */
  readonly workers: readonly string[];
};

/** A client shared by the tasks of one fan-out. */
export type ConcurrentUse = {
  readonly site: FanOutSite;
  /** The construction of the shared client. */
  readonly client: BoundCall;
  /** The requests the tasks send through it. */
  readonly requests: readonly TextSpan[];
  /** The limiters held around every one of those requests. */
  readonly limiters: readonly Limiter[];
  /** How many of those requests can be in flight at once: the site's width, bounded by the limiters. */
  readonly concurrency: Concurrency;
};
