/**
 * The standard library's (and anyio's and trio's) ways of running code concurrently, as data: the
 * thread pools and their default sizes, the functions and task groups that fan out coroutines,
 * and the semaphores and capacity limiters that bound them. Every fact cites the source it was
 * read from; the concurrency analysis reads only this table.
 */
import type { ConcurrencyConstruct, DefaultWorkers } from './concurrencySchema';
import type { Source } from './schema';

const cpython = (path: string, line: number): Source => ({ repo: 'python/cpython', tag: 'v3.11.2', path, line });
const ANYIO_SYNC: Source = { repo: 'agronholm/anyio', tag: '4.4.0', path: 'src/anyio/_core/_synchronization.py' };
const ANYIO_TASKS: Source = { repo: 'agronholm/anyio', tag: '4.4.0', path: 'src/anyio/abc/_tasks.py' };
const TRIO_SYNC: Source = { repo: 'python-trio/trio', tag: 'v0.26.0', path: 'src/trio/_sync.py' };
const TRIO_RUN: Source = { repo: 'python-trio/trio', tag: 'v0.26.0', path: 'src/trio/_core/_run.py' };

/** `max_workers = min(32, (os.cpu_count() or 1) + 4)` (Python 3.8 to 3.12; 3.13 counts the CPUs the process may use). */
const THREAD_POOL_EXECUTOR_DEFAULT: DefaultWorkers = {
  kind: 'cpu-bounded',
  cap: 32,
  add: 4,
  text: 'by CPU count: min(32, CPUs + 4)',
  source: cpython('Lib/concurrent/futures/thread.py', 142),
};

const THREAD_POOL_EXECUTOR = 'concurrent.futures.ThreadPoolExecutor';

const oneHolder = (source: Source): DefaultWorkers => ({ kind: 'fixed', value: 1, source });

export const CONCURRENCY_CONSTRUCTS: readonly ConcurrencyConstruct[] = [
  {
    kind: 'executor',
    names: [THREAD_POOL_EXECUTOR, 'concurrent.futures.thread.ThreadPoolExecutor'],
    size: { name: 'max_workers', position: 0, default: THREAD_POOL_EXECUTOR_DEFAULT },
    mapMethods: ['map'],
    submitMethods: ['submit'],
    source: cpython('Lib/concurrent/futures/thread.py', 123),
  },
  {
    kind: 'executor',
    names: ['multiprocessing.pool.ThreadPool', 'multiprocessing.dummy.Pool'],
    size: { name: 'processes', position: 0, default: { kind: 'cpu', text: 'one per CPU: os.cpu_count()', source: cpython('Lib/multiprocessing/pool.py', 203) } },
    mapMethods: ['map', 'imap', 'imap_unordered', 'starmap', 'map_async', 'starmap_async'],
    submitMethods: ['apply_async', 'apply'],
    source: cpython('Lib/multiprocessing/pool.py', 929),
  },
  { kind: 'fan-out', names: ['asyncio.gather'], takes: 'spread', source: cpython('Lib/asyncio/tasks.py', 718) },
  { kind: 'fan-out', names: ['asyncio.wait'], takes: 'iterable', source: cpython('Lib/asyncio/tasks.py', 389) },
  { kind: 'fan-out', names: ['asyncio.as_completed'], takes: 'iterable', source: cpython('Lib/asyncio/tasks.py', 558) },
  { kind: 'task-group', names: ['asyncio.TaskGroup'], startMethods: [{ name: 'create_task', takes: 'coroutine' }], source: cpython('Lib/asyncio/taskgroups.py', 137) },
  { kind: 'task-group', names: ['anyio.create_task_group'], startMethods: [{ name: 'start_soon', takes: 'function' }], source: ANYIO_TASKS },
  { kind: 'task-group', names: ['trio.open_nursery'], startMethods: [{ name: 'start_soon', takes: 'function' }], source: TRIO_RUN },
  { kind: 'task-wrapper', names: ['asyncio.create_task', 'asyncio.ensure_future'], source: cpython('Lib/asyncio/tasks.py', 366) },
  { kind: 'loop-executor', method: 'run_in_executor', executorPosition: 0, functionPosition: 1, defaultExecutor: THREAD_POOL_EXECUTOR, source: cpython('Lib/asyncio/base_events.py', 815) },
  { kind: 'to-thread', names: ['asyncio.to_thread'], defaultExecutor: THREAD_POOL_EXECUTOR, source: cpython('Lib/asyncio/threads.py', 12) },
  { kind: 'limiter', names: ['asyncio.Semaphore'], size: { name: 'value', position: 0, default: oneHolder(cpython('Lib/asyncio/locks.py', 346)) }, source: cpython('Lib/asyncio/locks.py', 331) },
  { kind: 'limiter', names: ['asyncio.BoundedSemaphore'], size: { name: 'value', position: 0, default: oneHolder(cpython('Lib/asyncio/locks.py', 428)) }, source: cpython('Lib/asyncio/locks.py', 421) },
  { kind: 'limiter', names: ['threading.Semaphore', 'threading.BoundedSemaphore'], size: { name: 'value', position: 0, default: oneHolder(cpython('Lib/threading.py', 422)) }, source: cpython('Lib/threading.py', 410) },
  { kind: 'limiter', names: ['anyio.Semaphore'], size: { name: 'initial_value', position: 0, default: oneHolder(ANYIO_SYNC) }, source: ANYIO_SYNC },
  { kind: 'limiter', names: ['anyio.CapacityLimiter'], size: { name: 'total_tokens', position: 0, default: oneHolder(ANYIO_SYNC) }, source: ANYIO_SYNC },
  { kind: 'limiter', names: ['trio.Semaphore'], size: { name: 'initial_value', position: 0, default: oneHolder(TRIO_SYNC) }, source: TRIO_SYNC },
  { kind: 'limiter', names: ['trio.CapacityLimiter'], size: { name: 'total_tokens', position: 0, default: oneHolder(TRIO_SYNC) }, source: TRIO_SYNC },
];

/** The top-level modules that hold a construct (`asyncio`, `concurrent`): a module that imports none runs nothing concurrently. */
export const CONCURRENCY_MODULES: ReadonlySet<string> = new Set(CONCURRENCY_CONSTRUCTS.flatMap((construct) => ('names' in construct ? construct.names.map((name) => name.split('.')[0]) : [])));

/** The construct a qualified name (`asyncio.gather`) stands for. */
export function concurrencyConstruct(qualifiedName: string): ConcurrencyConstruct | undefined {
  return CONCURRENCY_CONSTRUCTS.find((construct) => 'names' in construct && construct.names.includes(qualifiedName));
}

/** The executor construct a qualified name stands for (the default executor of `run_in_executor(None, …)`). */
export function executorConstruct(qualifiedName: string): Extract<ConcurrencyConstruct, { kind: 'executor' }> | undefined {
  const construct = concurrencyConstruct(qualifiedName);
  return construct?.kind === 'executor' ? construct : undefined;
}
