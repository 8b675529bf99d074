/**
 * Why a call may run many times, from its module alone: it sits in a loop or comprehension body, in
 * a function that the module calls from a loop, in a coroutine (a handler runs once per request;
 * one that the module only hands to a runner, `asyncio.run(main())`, or named `main`, runs once), or in a function decorated
 * as a route or task handler; and whether its result is kept for reuse, or only compared (a value a
 * test checks configures nothing). Read from the outline's captures, spans and the text around a
 * call (no `node.parent`); the index of called names is built on first need.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { CallPlace, Repetition } from '../types';
import type { CallShapes } from './callShapes';
import type { Enclosing } from './enclosing';

/** Decorator names (the last dotted part, `@app.get(...)` → `get`) of functions a framework runs per request or per task. */
const ROUTE_DECORATORS: ReadonlySet<string> = new Set(['route', 'api_route', 'websocket', 'view', 'event', 'message_handler', 'callback_query_handler']);
/** HTTP method names count only on a receiver (`@app.get`, `@router.post`), never on a mock (`@mock.patch`, `@patch`). */
const METHOD_DECORATORS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const MOCK_QUALIFIER = /(?:^|\.)mock\.[\w.]*$/;
const TASK_DECORATORS: ReadonlySet<string> = new Set(['task', 'shared_task', 'periodic_task', 'scheduled_job', 'actor', 'job', 'cron']);

/**
 * The text of a call's line before it shows that its result outlives the run: stored on an object
 * or in a container (`self._session = …`, `pools[host] = …`), returned or yielded, or built only
 * when another is missing (`… if current else Client()`, `current or Client()`); or, for a client
 * assigned to a name, a later line of its function that stores or returns that name (keptLater).
 */
const KEPT_BEFORE = [/^\s*(?:return|yield)\b/, /^\s*[\w.]*[.[][^=]*(?<![=!<>])=(?!=)/, /\belse\s+$/, /\bor\s+$/];
/** `name = Client(...)` (the name is what the rest of the function may store or return). */
const ASSIGNED_TO_NAME = /^\s*(\w+)\s*(?::[^=]*)?=\s*$/;

/** A client assigned to a name that the rest of its function stores (`cache["s"] = name`, `self._s = name`) or returns (`return name`, `return a, name`). */
function keptLater(linePrefix: string, rest: string): boolean {
  const name = ASSIGNED_TO_NAME.exec(linePrefix)?.[1];
  if (name === undefined) return false;
  const stored = new RegExp(`^\\s*[\\w.]*[.[][^=\\n]*(?<![=!<>])=\\s*${name}\\s*$`, 'm');
  const returned = new RegExp(`^\\s*(?:return|yield)\\s+\\(?(?:[^\\n]*,\\s*)?${name}\\s*(?:[,)]|$)`, 'm');
  return stored.test(rest) || returned.test(rest);
}

/**
 * The text around a call that shows its result is only compared or checked, never used: an operand
 * of `==`, `!=`, `is`, `in` (`assert limits == Limits(...)`, `Limits(...) != other`), or an argument
 * of an assertion helper (`assertEqual(x, Timeout(5))`, `mock.assert_called_with(timeout=Timeout(5))`).
 * `in` before the call counts only outside a `for` (`for x in Client()` iterates).
 */
const COMPARED_BEFORE = [/(?:[=!]=|\bis(?:\s+not)?|\bnot\s+in)\s*$/, /^(?!.*\bfor\b).*\bin\s*$/];
const COMPARED_AFTER = /^\s*(?:[=!]=|is\b|(?:not\s+)?in\b)/;
const ASSERTION_OPEN = /\bassert\w*\(/g;

/** The line before a call ends inside the argument list of an assertion helper, at an argument of its own (not of a call nested in it). */
function isAssertionArgument(linePrefix: string): boolean {
  const open = [...linePrefix.matchAll(ASSERTION_OPEN)].at(-1);
  if (!open) return false;
  const inside = linePrefix.slice(open.index + open[0].length);
  let depth = 0;
  for (const character of inside) {
    if ('([{'.includes(character)) depth++;
    else if (')]}'.includes(character) && --depth < 0) return false;
  }
  return depth === 0 && /(?:^|,)\s*(?:\w+\s*=\s*)?$/.test(inside);
}

/** Coroutines that by convention are a program's entry point, started once (`asyncio.run(main())` in another module or a script's last line). */
const ENTRY_POINT_NAMES: ReadonlySet<string> = new Set(['main', 'amain', 'async_main', '_main', '_amain']);

/** A call written as the argument of a runner (`asyncio.run(main())`, `loop.run_until_complete(main())`): text just before it. */
const RUNNER_BEFORE = /\b(?:run|run_until_complete)\(\s*$/;

export type PlaceInput = {
  readonly text: string;
  readonly enclosing: Enclosing;
  /** Every call, loop and decorated definition of the tree, from the outline. */
  readonly calls: readonly SyntaxNode[];
  readonly shapes: CallShapes;
  readonly loops: readonly SyntaxNode[];
  readonly decorated: readonly SyntaxNode[];
};

type CallsOfName = { firstLoop?: SyntaxNode; onlyRunnerArguments: boolean };

/** Gives the place of a call node; cheap per call once the tables are built. */
export function createPlaces({ text, enclosing, calls, shapes, loops, decorated }: PlaceInput): (call: SyntaxNode) => CallPlace {
  const loopOfBody = new Map(loops.map((loop) => [spanKey(loop.childForFieldName(FieldName.body)), loop] as const));
  const decoratedByDefinition = new Map(decorated.map((node) => [node.childForFieldName(FieldName.definition)?.startIndex, node] as const));
  const loopAround = (node: SyntaxNode) => {
    const body = enclosing.loopBodyAround(node);
    return body && loopOfBody.get(spanKey(body));
  };
  let callsByName: Map<string, CallsOfName> | undefined;
  const namedCalls = () => (callsByName ??= indexCalls(text, calls, shapes, loopAround));

  return (call) => {
    const loop = loopAround(call);
    const scope = enclosing.scopeOf(call);
    const inFunction = scope?.type === NodeKind.functionDefinition;
    const functionName = inFunction ? scope.childForFieldName(FieldName.name)?.text : undefined;
    const linePrefix = text.slice(text.lastIndexOf('\n', call.startIndex - 1) + 1, call.startIndex);
    const kept = KEPT_BEFORE.some((pattern) => pattern.test(linePrefix)) || (inFunction && keptLater(linePrefix, text.slice(call.endIndex, scope.endIndex)));
    const compared =
      COMPARED_BEFORE.some((pattern) => pattern.test(linePrefix)) || isAssertionArgument(linePrefix) || COMPARED_AFTER.test(text.slice(call.endIndex, call.endIndex + 12));
    const place = { ...(inFunction ? { functionName, functionStart: scope.startIndex } : {}), ...(kept ? { kept } : {}), ...(compared ? { compared } : {}) };
    if (loop) return { ...place, repeats: { kind: 'loop', loopStart: loop.startIndex } };
    if (!inFunction || functionName === undefined) return place;
    const repeats = handlerOf(text, decoratedByDefinition.get(scope.startIndex), functionName) ?? calledRepeatedly(text, scope, functionName, namedCalls());
    return repeats ? { ...place, repeats } : place;
  };
}

function handlerOf(text: string, decorated: SyntaxNode | undefined, functionName: string): Repetition | undefined {
  for (const decorator of decorated?.namedChildren ?? []) {
    if (decorator?.type !== NodeKind.decorator) continue;
    const written = text.slice(decorator.startIndex + 1, decorator.endIndex).split('(')[0].trim();
    const last = written.slice(written.lastIndexOf('.') + 1);
    const onReceiver = written.includes('.') && !MOCK_QUALIFIER.test(written);
    if (ROUTE_DECORATORS.has(last) || last.endsWith('_handler') || (METHOD_DECORATORS.has(last) && onReceiver)) return { kind: 'handler', functionName, decorator: `@${written}`, runsOn: 'request' };
    if (TASK_DECORATORS.has(last)) return { kind: 'handler', functionName, decorator: `@${written}`, runsOn: 'task' };
  }
  return undefined;
}

function calledRepeatedly(text: string, definition: SyntaxNode, functionName: string, callsByName: Map<string, CallsOfName>): Repetition | undefined {
  const calls = callsByName.get(functionName);
  if (calls?.firstLoop) return { kind: 'called-from-loop', functionName, loopStart: calls.firstLoop.startIndex };
  const isCoroutine = text.startsWith('async', definition.startIndex);
  // A coroutine the module only hands to a runner, named as an entry point, or a test (the runner calls it once) runs once.
  const runsOnce = (calls?.onlyRunnerArguments ?? false) || ENTRY_POINT_NAMES.has(functionName) || functionName.startsWith('test');
  if (isCoroutine && !runsOnce) return { kind: 'coroutine', functionName };
  return undefined;
}

/** For each name called in the module (`fetch(...)`, `self.fetch(...)`): the first loop that calls it, and whether every call is a runner's argument. */
function indexCalls(text: string, calls: readonly SyntaxNode[], shapes: CallShapes, loopAround: (node: SyntaxNode) => SyntaxNode | undefined): Map<string, CallsOfName> {
  const byName = new Map<string, CallsOfName>();
  for (const call of calls) {
    const { name } = shapes(call);
    if (name === undefined) continue;
    const entry = byName.get(name) ?? { onlyRunnerArguments: true };
    entry.firstLoop ??= loopAround(call);
    if (!RUNNER_BEFORE.test(text.slice(Math.max(0, call.startIndex - 40), call.startIndex))) entry.onlyRunnerArguments = false;
    byName.set(name, entry);
  }
  return byName;
}

function spanKey(node: SyntaxNode | null | undefined): string {
  return node ? `${node.startIndex}:${node.endIndex}` : '';
}
