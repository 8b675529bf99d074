/**
 * The catalog's schema for concurrency: standard-library (and async framework) constructs that run
 * code concurrently or bound it (executors, fan-outs, task groups, limiters) and how their size is
 * given. Types only; the facts are in concurrency.ts.
 */
import type { Source } from './schema';

/** How many workers a construct runs when its size is left out or None. */
export type DefaultWorkers =
  /** `min(cap, cpu + add)`: ThreadPoolExecutor's default. */
  | { readonly kind: 'cpu-bounded'; readonly cap: number; readonly add: number; readonly text: string; readonly source: Source }
  /** One per CPU, no cap: multiprocessing's ThreadPool. */
  | { readonly kind: 'cpu'; readonly text: string; readonly source: Source }
  /** A fixed number (a Semaphore's 1). */
  | { readonly kind: 'fixed'; readonly value: number; readonly source: Source };

/** Where a construct's size is given: a keyword, and the position it may take instead. */
export type SizeParam = { readonly name: string; readonly position: number; readonly default: DefaultWorkers };

/**
 * A standard-library (or async framework) construct that runs code concurrently or bounds it. The
 * concurrency analysis reads only these fields; no construct name appears in the analysis.
 */
export type ConcurrencyConstruct =
  /** A pool of threads whose methods run a function on many items (`ThreadPoolExecutor(8).map(fn, items)`). */
  | {
      readonly kind: 'executor';
      readonly names: readonly string[];
      readonly size: SizeParam;
      /** Methods that run their first argument on the items of the rest (`map`), in the pool. */
      readonly mapMethods: readonly string[];
      /** Methods that run their first argument once per call (`submit`), in the pool. */
      readonly submitMethods: readonly string[];
      readonly source: Source;
    }
  /** A function that runs its awaitables at once: `spread` takes them as `*args`, `iterable` as its first argument. */
  | { readonly kind: 'fan-out'; readonly names: readonly string[]; readonly takes: 'spread' | 'iterable'; readonly source: Source }
  /** A task group whose method starts one task per call (`tg.create_task(coro)`, `tg.start_soon(fn, *args)`). */
  | { readonly kind: 'task-group'; readonly names: readonly string[]; readonly startMethods: readonly { readonly name: string; readonly takes: 'coroutine' | 'function' }[]; readonly source: Source }
  /** A method on the event loop that runs a function in an executor; with `None` in `executorPosition`, the default one. */
  | { readonly kind: 'loop-executor'; readonly method: string; readonly executorPosition: number; readonly functionPosition: number; readonly defaultExecutor: string; readonly source: Source }
  /** A function that wraps a coroutine into a task that starts at once (`asyncio.create_task(coro)`). */
  | { readonly kind: 'task-wrapper'; readonly names: readonly string[]; readonly source: Source }
  /** A function that runs its first argument in the default executor (`asyncio.to_thread`). */
  | { readonly kind: 'to-thread'; readonly names: readonly string[]; readonly defaultExecutor: string; readonly source: Source }
  /** A bound held with `with`/`async with` around code: at most `size` holders at once. */
  | { readonly kind: 'limiter'; readonly names: readonly string[]; readonly size: SizeParam; readonly source: Source };
