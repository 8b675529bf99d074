/**
 * The tasks of a fan-out: from what `gather`, `wait` or a thread pool receives (a comprehension, a
 * literal, a list built by `append` in a loop, `map(fn, items)`) to the functions the tasks run,
 * with the arguments they pass and how many tasks there are.
 */
import { CONCURRENCY_CONSTRUCTS, executorConstruct } from '../../../catalog/concurrency';
import type { ConcurrencyConstruct } from '../../../catalog/concurrencySchema';
import { FieldName, NodeKind } from '../../syntax/nodeKinds';
import type { SyntaxNode } from '../../syntax/parser';
import { constructionOf, constructOfCallee, functionOf, parameterNames, type ConcurrencyContext } from './context';
import type { Concurrency } from './types';
import { argumentFor, defaultSize, lengthOf, sizeOf } from './width';
import { assignedValue } from '../names';

/** A call of a module function as one task: the function, the arguments it gets, and a bound of its own (the executor of `to_thread`). */
export type WorkerCall = {
  readonly fn: SyntaxNode;
  /** Arguments by parameter name; a method's `self` is left out. */
  readonly args: ReadonlyMap<string, SyntaxNode>;
  readonly written: string;
  readonly bound?: Concurrency;
};

export type Tasks = { readonly workers: readonly WorkerCall[]; readonly width: Concurrency };

const NO_TASKS: Tasks = { workers: [], width: { kind: 'known', value: 0, text: 'no tasks' } };
const MAX_DEPTH = 4;

/** The tasks held by an expression that yields awaitables (`[fetch(u) for u in urls]`, `tasks`). */
export function tasksOfContainer(node: SyntaxNode, ctx: ConcurrencyContext, depth = 0): Tasks {
  if (depth > MAX_DEPTH) return NO_TASKS;
  if (node.type === NodeKind.listComprehension || node.type === NodeKind.generatorExpression) {
    const body = node.childForFieldName(FieldName.body);
    const clauses = node.namedChildren.filter((child): child is SyntaxNode => child?.type === NodeKind.forInClause);
    const width = clauses.map((clause) => iterableLength(clause, ctx)).reduce(product, { kind: 'known', value: 1, text: '' });
    return { workers: body ? workerCalls(body, ctx) : [], width };
  }
  if (node.type === NodeKind.list || node.type === NodeKind.tuple) {
    const items = node.namedChildren.filter((child): child is SyntaxNode => child !== null && child.type !== NodeKind.comment);
    if (items.length === 0) return NO_TASKS;
    return { workers: items.flatMap((item) => workerCalls(item, ctx)), width: lengthOf(node, ctx.evaluation) };
  }
  if (node.type === NodeKind.call && node.childForFieldName(FieldName.function)?.text === 'map') {
    const [fn, items] = [argumentFor(node, 'func', 0), argumentFor(node, 'iterable', 1)];
    if (!fn || fn === 'splat' || !items || items === 'splat') return NO_TASKS;
    const worker = functionCall(fn, [], ctx);
    return { workers: worker ? [worker] : [], width: lengthOf(items, ctx.evaluation) };
  }
  if (node.type !== NodeKind.identifier) return NO_TASKS;
  const resolution = ctx.evaluation.resolveName.name(node);
  const value = assignedValue(resolution);
  if (!value) return NO_TASKS;
  const isEmptyList = value.type === NodeKind.list && value.namedChildren.every((child) => child?.type === NodeKind.comment);
  return isEmptyList ? appendedTasks(node, ctx) : tasksOfContainer(value, ctx, depth + 1);
}

/** The tasks of `tasks = []` filled by `tasks.append(fetch(u))` (in a loop) in the same scope. */
function appendedTasks(name: SyntaxNode, ctx: ConcurrencyContext): Tasks {
  const scope = ctx.enclosing.scopeOf(name)?.id;
  const appends = ctx.callNodes.filter((call) => ctx.shapes(call).dotted === `${name.text}.append` && ctx.enclosing.scopeOf(call)?.id === scope);
  if (appends.length === 0) return NO_TASKS;
  const workers = appends.flatMap((call) => {
    const task = argumentFor(call, 'object', 0);
    return task && task !== 'splat' ? workerCalls(task, ctx) : [];
  });
  const width = appends.map((call) => loopLength(call, ctx)).reduce(sum);
  return { workers, width };
}

/** How many times the loop or comprehension around `node` (in its own function) runs it: 1 outside any loop. */
export function loopLength(node: SyntaxNode, ctx: ConcurrencyContext): Concurrency {
  let width: Concurrency = { kind: 'known', value: 1, text: 'once' };
  for (let current = node.parent; current && current.type !== NodeKind.functionDefinition && current.type !== NodeKind.lambda; current = current.parent) {
    if (current.type === NodeKind.forStatement) {
      const right = current.childForFieldName(FieldName.right);
      width = product(width, right ? lengthOf(right, ctx.evaluation) : { kind: 'unknown', reason: 'a loop' });
    } else if (current.type === NodeKind.listComprehension || current.type === NodeKind.generatorExpression) {
      for (const clause of current.namedChildren) if (clause?.type === NodeKind.forInClause) width = product(width, iterableLength(clause, ctx));
    }
  }
  return width;
}

function iterableLength(clause: SyntaxNode, ctx: ConcurrencyContext): Concurrency {
  const right = clause.childForFieldName(FieldName.right);
  return right ? lengthOf(right, ctx.evaluation) : { kind: 'unknown', reason: 'a comprehension' };
}

/**
 * The worker a task expression runs: `fetch(u)`, `await fetch(u)`, `asyncio.create_task(fetch(u))`,
 * `asyncio.to_thread(fetch, u)`, `loop.run_in_executor(None, fetch, u)`.
 */
export function workerCalls(task: SyntaxNode, ctx: ConcurrencyContext): WorkerCall[] {
  if (task.type === NodeKind.await) {
    const inner = task.namedChildren.find((child) => child !== null && child.type !== NodeKind.comment);
    return inner ? workerCalls(inner, ctx) : [];
  }
  if (task.type !== NodeKind.call) return [];
  const construct = constructOfCallee(task, ctx);
  if (construct?.kind === 'task-wrapper') {
    const inner = argumentFor(task, 'coro', 0);
    return inner && inner !== 'splat' ? workerCalls(inner, ctx) : [];
  }
  const args = positionalArgs(task);
  if (construct?.kind === 'to-thread') {
    const bound = defaultExecutorSize(construct.defaultExecutor);
    const worker = args[0] && functionCall(args[0], args.slice(1), ctx, bound);
    return worker ? [worker] : [];
  }
  const loopExecutor = loopExecutorCall(task, ctx);
  if (loopExecutor) return loopExecutor;
  const callee = task.childForFieldName(FieldName.function);
  const worker = callee && functionCall(callee, args, ctx, undefined, keywordArgs(task));
  return worker ? [worker] : [];
}

/** `loop.run_in_executor(executor, fn, *args)`: the worker, bounded by that executor (None: the default one). */
function loopExecutorCall(task: SyntaxNode, ctx: ConcurrencyContext): WorkerCall[] | undefined {
  const method = task.childForFieldName(FieldName.function)?.childForFieldName(FieldName.attribute)?.text;
  const construct = method ? loopExecutorConstruct(method) : undefined;
  if (!construct) return undefined;
  const args = positionalArgs(task);
  const [executor, fn] = [args[construct.executorPosition], args[construct.functionPosition]];
  if (!executor || !fn) return [];
  const pool = executor.type === NodeKind.none ? undefined : constructionOf(executor, ctx);
  const bound =
    executor.type === NodeKind.none
      ? defaultExecutorSize(construct.defaultExecutor)
      : pool?.construct.kind === 'executor'
        ? sizeOf(pool.call, pool.construct.size, ctx.evaluation)
        : ({ kind: 'unknown', reason: `the executor \`${executor.text}\`` } as const);
  const worker = functionCall(fn, args.slice(construct.functionPosition + 1), ctx, bound);
  return worker ? [worker] : [];
}

function loopExecutorConstruct(method: string): Extract<ConcurrencyConstruct, { kind: 'loop-executor' }> | undefined {
  return CONCURRENCY_CONSTRUCTS.find((construct): construct is Extract<ConcurrencyConstruct, { kind: 'loop-executor' }> => construct.kind === 'loop-executor' && construct.method === method);
}

/** The size of the default executor (`run_in_executor(None, …)`, `to_thread`): its construct's default. */
function defaultExecutorSize(name: string): Concurrency {
  const executor = executorConstruct(name);
  return executor ? defaultSize(executor.size) : { kind: 'unknown', reason: 'the default executor' };
}

/** A reference to a function (`fetch`, `self.fetch`, a lambda, `functools.partial(fetch, session)`) called with these arguments. */
export function functionCall(reference: SyntaxNode, args: readonly SyntaxNode[], ctx: ConcurrencyContext, bound?: Concurrency, keywords: ReadonlyMap<string, SyntaxNode> = new Map()): WorkerCall | undefined {
  const callee = reference.type === NodeKind.call ? reference.childForFieldName(FieldName.function) : undefined;
  if (reference.type === NodeKind.call && callee && /(^|\.)partial$/.test(callee.text)) {
    const [inner, ...leading] = positionalArgs(reference);
    return inner ? functionCall(inner, [...leading, ...args], ctx, bound, new Map([...keywordArgs(reference), ...keywords])) : undefined;
  }
  const found = functionOf(reference, ctx);
  if (!found) return undefined;
  const names = parameterNamesOf(found.fn, found.isMethod);
  const byName = new Map<string, SyntaxNode>(keywords);
  args.forEach((arg, index) => {
    if (names[index] !== undefined && arg.type !== NodeKind.listSplat) byName.set(names[index], arg);
  });
  return { fn: found.fn, args: byName, written: reference.text, bound };
}

function parameterNamesOf(fn: SyntaxNode, isMethod: boolean): string[] {
  const names = parameterNames(fn);
  return isMethod ? names.slice(1) : names;
}

/** The positional arguments of a call, in order (a `*args` stays in place as a list splat). */
export function positionalArgs(call: SyntaxNode): SyntaxNode[] {
  return (call.childForFieldName(FieldName.arguments)?.namedChildren ?? []).filter(
    (arg): arg is SyntaxNode => arg !== null && arg.type !== NodeKind.comment && arg.type !== NodeKind.keywordArgument && arg.type !== NodeKind.dictionarySplat,
  );
}

function keywordArgs(call: SyntaxNode): Map<string, SyntaxNode> {
  const keywords = new Map<string, SyntaxNode>();
  for (const arg of call.childForFieldName(FieldName.arguments)?.namedChildren ?? []) {
    const name = arg?.type === NodeKind.keywordArgument ? arg.childForFieldName(FieldName.name)?.text : undefined;
    const value = arg?.childForFieldName(FieldName.value);
    if (name && value) keywords.set(name, value);
  }
  return keywords;
}

/** Tasks run one after another times tasks per run: the product of two counts. */
export function product(a: Concurrency, b: Concurrency): Concurrency {
  if (a.kind === 'known' && a.value === 1 && !a.text) return b;
  if (a.kind === 'known' && b.kind === 'known') return { kind: 'known', value: a.value * b.value, text: a.value === 1 ? b.text : b.value === 1 ? a.text : `${a.text} times ${b.text}` };
  if ((a.kind === 'cpu' && b.kind === 'known') || (a.kind === 'known' && b.kind === 'cpu')) {
    const [cpu, known] = a.kind === 'cpu' ? [a, b as Extract<Concurrency, { kind: 'known' }>] : [b as Extract<Concurrency, { kind: 'cpu' }>, a];
    // On one CPU: (1 + add) × n; `add` is kept so that this stays the smallest value.
    return { kind: 'cpu', cap: cpu.cap === undefined ? undefined : cpu.cap * known.value, add: (cpu.add + 1) * known.value - 1, text: `${cpu.text}, times ${known.text}` };
  }
  return a.kind === 'unbounded' || b.kind === 'unbounded' ? (a.kind === 'unbounded' ? a : b) : a.kind === 'known' ? b : a;
}

/** Tasks started side by side: the sum of two counts. */
export function sum(a: Concurrency, b: Concurrency): Concurrency {
  if (a.kind === 'known' && b.kind === 'known') return { kind: 'known', value: a.value + b.value, text: a.text === b.text ? a.text : `${a.text} and ${b.text}` };
  return a.kind === 'unbounded' || b.kind === 'unbounded' ? (a.kind === 'unbounded' ? a : b) : a.kind === 'known' ? b : a;
}
