/**
 * Follows a task's function to the requests it sends: requests through a client built outside the
 * function (module level, a class attribute, an enclosing function, or passed in as an argument),
 * through the module functions it calls (a few levels deep), and the limiters (`async with sem:`)
 * held around each request. A client built inside the function belongs to one task and is left out.
 */
import { FieldName, NodeKind } from '../../syntax/nodeKinds';
import type { SyntaxNode } from '../../syntax/parser';
import type { BoundCall, TextSpan } from '../../types';
import { evaluate } from '../evaluate';
import { constructionOf, within, type ConcurrencyContext } from './context';
import { functionCall, positionalArgs, type WorkerCall } from './tasks';
import type { Concurrency, Limiter } from './types';
import { sizeOf } from './width';
import { isParameter } from '../names';

/** One request a task sends through a shared client; `perCall` when the call itself runs several at once on it (S3's `upload_file`). */
export type TracedRequest = { readonly client: BoundCall; readonly span: TextSpan; readonly limiters: readonly Limiter[]; readonly perCall?: Concurrency };

/** What a parameter of a task's function receives: a client or a limiter. */
type Passed = { readonly kind: 'client'; readonly client: BoundCall } | { readonly kind: 'limiter'; readonly limiter: Omit<Limiter, 'heldAt'> };

/** How many calls deep helper functions are followed. */
const MAX_DEPTH = 3;

export function traceWorker(worker: WorkerCall, ctx: ConcurrencyContext): TracedRequest[] {
  return trace(worker, new Map(), [], ctx, 0, new Set());
}

function trace(worker: WorkerCall, callerPassed: ReadonlyMap<string, Passed>, held: readonly Limiter[], ctx: ConcurrencyContext, depth: number, visiting: Set<number>): TracedRequest[] {
  const fn = worker.fn;
  if (visiting.has(fn.id) || depth > MAX_DEPTH) return [];
  visiting.add(fn.id);
  const passed = passedArguments(worker, callerPassed, ctx);
  const limiters = heldLimiters(fn, passed, ctx);
  const around = (span: TextSpan) => [...held, ...limiters.filter((limiter) => limiter.heldAt.start <= span.start && span.end <= limiter.heldAt.end)];
  const requests: TracedRequest[] = [];
  // Requests through a client the analysis bound: built outside this function, so shared by its tasks.
  for (const call of ctx.bound) {
    const client = call.receiver;
    if (!client || call.callable.kind !== 'request-method' || !within(call.span, fn) || within(client.span, fn)) continue;
    requests.push({ client, span: call.span, limiters: around(call.span) });
  }
  for (const node of ctx.callNodes) {
    if (!within(node, fn) || node.id === fn.id) continue;
    const span = { start: node.startIndex, end: node.endIndex };
    const viaClient = requestOnParameter(node, passed, ctx) ?? requestOnMadeMethod(node, fn, ctx);
    if (viaClient) {
      const method = node.childForFieldName(FieldName.function)?.childForFieldName(FieldName.attribute)?.text;
      const concurrent = viaClient.callable.methodsSendRequests?.concurrentMethods.find((candidate) => candidate.name === method);
      const perCall: Concurrency | undefined = concurrent && { kind: 'known', value: concurrent.concurrency, text: concurrent.text };
      requests.push(perCall ? { client: viaClient, span, limiters: around(span), perCall } : { client: viaClient, span, limiters: around(span) });
      continue;
    }
    const callee = node.childForFieldName(FieldName.function);
    const helper = callee && (callee.type === NodeKind.identifier || callee.type === NodeKind.attribute) ? functionCall(callee, positionalArgs(node), ctx) : undefined;
    if (helper && helper.fn.id !== fn.id) requests.push(...trace(helper, passed, around(span), ctx, depth + 1, visiting));
  }
  visiting.delete(fn.id);
  return requests;
}

/** What each parameter receives from this call: a client (`fetch(session, u)`), a limiter, or what the caller's own parameter received. */
function passedArguments(worker: WorkerCall, callerPassed: ReadonlyMap<string, Passed>, ctx: ConcurrencyContext): Map<string, Passed> {
  const passed = new Map<string, Passed>();
  for (const [name, arg] of worker.args) {
    if (arg.type === NodeKind.identifier && callerPassed.has(arg.text) && isParameter(ctx.evaluation.resolveName.name(arg))) {
      passed.set(name, callerPassed.get(arg.text)!);
      continue;
    }
    const value = evaluate(arg, ctx.evaluation).value;
    if (value.kind === 'call' && value.call.callable.kind === 'client') {
      passed.set(name, { kind: 'client', client: value.call });
      continue;
    }
    const limiter = limiterOf(arg, ctx);
    if (limiter) passed.set(name, { kind: 'limiter', limiter });
  }
  return passed;
}

/** `session.get(url)` where `session` is a parameter that received a client: the client. */
function requestOnParameter(call: SyntaxNode, passed: ReadonlyMap<string, Passed>, ctx: ConcurrencyContext): BoundCall | undefined {
  const callee = call.childForFieldName(FieldName.function);
  const object = callee?.type === NodeKind.attribute ? callee.childForFieldName(FieldName.object) : undefined;
  const method = callee?.childForFieldName(FieldName.attribute)?.text;
  if (object?.type !== NodeKind.identifier || !method) return undefined;
  const received = passed.get(object.text);
  if (received?.kind !== 'client' || !isParameter(ctx.evaluation.resolveName.name(object))) return undefined;
  const client = received.client;
  const owner = client.callable.returns ? `${client.library.modules[0]}.${client.callable.returns}` : client.qualifiedName;
  const entry = ctx.catalog.lookup(`${owner}.${method}`);
  return entry?.callable.kind === 'request-method' || client.callable.methodsSendRequests ? client : undefined;
}

/** `s3.get_object(...)` on a client built outside `fn` whose every method sends requests (methods made at run time). */
function requestOnMadeMethod(call: SyntaxNode, fn: SyntaxNode, ctx: ConcurrencyContext): BoundCall | undefined {
  const callee = call.childForFieldName(FieldName.function);
  const object = callee?.type === NodeKind.attribute ? callee.childForFieldName(FieldName.object) : undefined;
  if (!object || (object.type !== NodeKind.identifier && object.type !== NodeKind.attribute)) return undefined;
  const value = evaluate(object, ctx.evaluation).value;
  if (value.kind !== 'call' || !value.call.callable.methodsSendRequests || within(value.call.span, fn)) return undefined;
  return value.call;
}

/** The limiters a function holds with `with`/`async with`, each with the span it is held over. */
function heldLimiters(fn: SyntaxNode, passed: ReadonlyMap<string, Passed>, ctx: ConcurrencyContext): Limiter[] {
  const limiters: Limiter[] = [];
  for (const statement of fn.descendantsOfType(NodeKind.withStatement)) {
    if (!statement) continue;
    for (const item of statement.descendantsOfType(NodeKind.withItem)) {
      const value = item?.childForFieldName(FieldName.value);
      const expression = value?.type === NodeKind.asPattern ? value.namedChild(0) : value;
      if (!item || !expression || ctx.enclosing.scopeOf(item)?.id !== ctx.enclosing.scopeOf(statement)?.id) continue;
      const fromParameter = expression.type === NodeKind.identifier ? passed.get(expression.text) : undefined;
      const limiter = fromParameter?.kind === 'limiter' ? fromParameter.limiter : limiterOf(expression, ctx);
      if (limiter) limiters.push({ ...limiter, heldAt: { start: statement.startIndex, end: statement.endIndex } });
    }
  }
  return limiters;
}

/** The limiter an expression stands for (`sem`, `self.sem`, `asyncio.Semaphore(5)`), with its size. */
function limiterOf(node: SyntaxNode, ctx: ConcurrencyContext): Omit<Limiter, 'heldAt'> | undefined {
  const found = constructionOf(node, ctx);
  if (found?.construct.kind !== 'limiter') return undefined;
  const size = sizeOf(found.call, found.construct.size, ctx.evaluation);
  const written = `held under \`${found.call.text.replace(/\s+/g, ' ')}\``;
  return { construct: found.construct, span: { start: found.call.startIndex, end: found.call.endIndex }, size: size.kind === 'known' ? { ...size, text: written } : size };
}
