/**
 * Finds the places that run work concurrently: a thread pool's `map`/`submit`, `asyncio.gather`,
 * `wait` and `as_completed`, a task group's `create_task`/`start_soon` (in a loop), and the default
 * executor's `run_in_executor(None, …)`/`to_thread` in a loop; each with its tasks and width.
 */
import { CONCURRENCY_CONSTRUCTS } from '../../../catalog/concurrency';
import type { ConcurrencyConstruct } from '../../../catalog/concurrencySchema';
import { NodeKind } from '../../syntax/nodeKinds';
import type { SyntaxNode } from '../../syntax/parser';
import { constructionOf, constructOfCallee, type ConcurrencyContext } from './context';
import { functionCall, loopLength, positionalArgs, sum, tasksOfContainer, workerCalls, type Tasks, type WorkerCall } from './tasks';
import type { FanOutSite } from './types';
import { lengthOf, sizeOf, tighter } from './width';

/** The methods that start work on a thread pool or task group (`map`, `submit`, `create_task`). */
const METHOD_WORDS = new Set(
  CONCURRENCY_CONSTRUCTS.flatMap((construct) =>
    construct.kind === 'executor' ? [...construct.mapMethods, ...construct.submitMethods] : construct.kind === 'task-group' ? construct.startMethods.map((method) => method.name) : [],
  ),
);

export type SiteWithTasks = { readonly site: FanOutSite; readonly workers: readonly WorkerCall[] };

/** Every fan-out of the module whose tasks run a function of the module. */
export function collectSites(ctx: ConcurrencyContext): SiteWithTasks[] {
  const sites: SiteWithTasks[] = [];
  for (const call of ctx.callNodes) {
    const found = siteOf(call, ctx);
    if (found && found.workers.length > 0) sites.push(found);
  }
  // `gather(*[to_thread(fetch, u) for u in urls])` is one fan-out, not two.
  const isDefaultExecutor = (site: FanOutSite) => site.construct.kind === 'to-thread' || site.construct.kind === 'loop-executor';
  return sites.filter(({ site }) => !isDefaultExecutor(site) || !sites.some((other) => other.site !== site && !isDefaultExecutor(other.site) && contains(other.site.span, site.span)));
}

function siteOf(call: SyntaxNode, ctx: ConcurrencyContext): SiteWithTasks | undefined {
  const { callee, calleeType, object, name: method } = ctx.shapes(call);
  if (!callee) return undefined;
  const construct = constructOfCallee(call, ctx);
  const span = { start: call.startIndex, end: call.endIndex };
  const calleeSpan = { start: callee.startIndex, end: callee.endIndex };
  if (construct?.kind === 'fan-out') {
    const tasks = construct.takes === 'spread' ? spreadTasks(call, ctx) : firstArgumentTasks(call, ctx);
    return withTasks({ construct, span, calleeSpan, width: tasks.width, workers: [] }, tasks);
  }
  // A default-executor call repeated by a loop is a fan-out of its own; inside gather it is one task.
  const executorCall = construct?.kind === 'to-thread' ? construct : construct === undefined && calleeType === NodeKind.attribute ? loopExecutorOf(method) : undefined;
  if (executorCall) return loopedExecutorSite(call, executorCall, ctx, span, calleeSpan);
  if (calleeType !== NodeKind.attribute) return undefined;
  // Only a method a construct has can start tasks: other method calls need no lookup.
  const owner = object && method && METHOD_WORDS.has(method) ? constructionOf(object, ctx) : undefined;
  if (!owner || !method) return undefined;
  const ownerConstruct = owner.construct;
  const args = positionalArgs(call);
  if (ownerConstruct.kind === 'executor') {
    const size = sizeOf(owner.call, ownerConstruct.size, ctx.evaluation);
    const poolSpan = { start: owner.call.startIndex, end: owner.call.endIndex };
    if (ownerConstruct.mapMethods.includes(method) && args[0] && args[1]) {
      const worker = functionCall(args[0], method.startsWith('starmap') ? [] : [args[1]], ctx);
      const width = tighter(size, lengthOf(args[1], ctx.evaluation));
      return withTasks({ construct: ownerConstruct, span, calleeSpan, poolSpan, width, workers: [] }, { workers: worker ? [worker] : [], width });
    }
    if (ownerConstruct.submitMethods.includes(method) && args[0]) {
      const worker = functionCall(args[0], args.slice(1), ctx);
      const width = tighter(size, loopLength(call, ctx));
      return withTasks({ construct: ownerConstruct, span, calleeSpan, poolSpan, width, workers: [] }, { workers: worker ? [worker] : [], width });
    }
  }
  if (ownerConstruct.kind === 'task-group') {
    const start = ownerConstruct.startMethods.find((candidate) => candidate.name === method);
    if (!start || !args[0]) return undefined;
    const workers = start.takes === 'coroutine' ? workerCalls(args[0], ctx) : [functionCall(args[0], args.slice(1), ctx)].filter((worker): worker is WorkerCall => worker !== undefined);
    const width = loopLength(call, ctx);
    return withTasks({ construct: ownerConstruct, span, calleeSpan, width, workers: [] }, { workers, width });
  }
  return undefined;
}

/** `run_in_executor(None, fn, …)` or `to_thread(fn, …)` in a loop: as many at once as the loop runs, up to the executor's size. */
function loopedExecutorSite(call: SyntaxNode, construct: ConcurrencyConstruct, ctx: ConcurrencyContext, span: FanOutSite['span'], calleeSpan: FanOutSite['calleeSpan']): SiteWithTasks | undefined {
  const repeats = loopLength(call, ctx);
  if (repeats.kind === 'known' && repeats.value <= 1) return undefined;
  const workers = workerCalls(call, ctx);
  const bound = workers[0]?.bound;
  if (!bound) return undefined;
  const width = tighter(repeats, bound);
  return withTasks({ construct, span, calleeSpan, width, workers: [] }, { workers, width });
}

/** The loop-executor construct a method (`run_in_executor` in `loop.run_in_executor`) stands for. */
function loopExecutorOf(method: string | undefined): ConcurrencyConstruct | undefined {
  return CONCURRENCY_CONSTRUCTS.find((construct) => construct.kind === 'loop-executor' && construct.method === method);
}

function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** `gather(*[f(u) for u in urls], g())`: each `*` part holds tasks, each other argument is one. */
function spreadTasks(call: SyntaxNode, ctx: ConcurrencyContext): Tasks {
  const parts = positionalArgs(call).map((arg): Tasks => {
    if (arg.type === NodeKind.listSplat) {
      const inner = arg.namedChildren.find((child) => child !== null && child.type !== NodeKind.comment);
      return inner ? tasksOfContainer(inner, ctx) : { workers: [], width: { kind: 'unknown', reason: arg.text } };
    }
    return { workers: workerCalls(arg, ctx), width: { kind: 'known', value: 1, text: 'one per argument' } };
  });
  if (parts.length === 0) return { workers: [], width: { kind: 'known', value: 0, text: 'no tasks' } };
  const width = parts.map((part) => part.width).reduce(sum);
  return { workers: parts.flatMap((part) => part.workers), width };
}

function firstArgumentTasks(call: SyntaxNode, ctx: ConcurrencyContext): Tasks {
  const first = positionalArgs(call)[0];
  return first && first.type !== NodeKind.listSplat ? tasksOfContainer(first, ctx) : { workers: [], width: { kind: 'unknown', reason: call.text } };
}

function withTasks(site: FanOutSite, tasks: Tasks): SiteWithTasks {
  const workers = [...new Set(tasks.workers.map((worker) => worker.written))];
  return { site: { ...site, workers }, workers: tasks.workers };
}
