/**
 * What the concurrency analysis reads, and the lookups it shares: which construct a callee or an
 * object stands for (through imports, names, `with ... as` aliases and `self.` attributes), and
 * which function of the module a reference names.
 */
import type { Catalog } from '../../../catalog';
import { concurrencyConstruct } from '../../../catalog/concurrency';
import type { ConcurrencyConstruct } from '../../../catalog/concurrencySchema';
import { FieldName, NodeKind } from '../../syntax/nodeKinds';
import type { SyntaxNode } from '../../syntax/parser';
import type { BoundCall } from '../../types';
import type { Enclosing } from '../enclosing';
import type { EvaluationContext } from '../evaluate';
import type { CallShapes } from '../callShapes';
import { qualifyCallee, type ImportNames } from '../imports';
import { assignedValue } from '../names';

export type ConcurrencyContext = {
  readonly evaluation: EvaluationContext;
  readonly catalog: Catalog;
  readonly imports: ImportNames;
  readonly enclosing: Enclosing;
  /** Every call node of the module, in document order. */
  readonly callNodes: readonly SyntaxNode[];
  /** Every function definition of the module. */
  readonly functions: readonly SyntaxNode[];
  /** Every bound (catalogued) call of the module. */
  readonly bound: readonly BoundCall[];
  /** The parts of each call node, read once per analysis. */
  readonly shapes: CallShapes;
};

/** How many names or attributes an object is followed through. */
const MAX_DEPTH = 4;

/** The construct a call's callee names (`asyncio.gather`, `cf.ThreadPoolExecutor`). */
export function constructOfCallee(call: SyntaxNode, ctx: ConcurrencyContext): ConcurrencyConstruct | undefined {
  const { dotted } = ctx.shapes(call);
  if (dotted === undefined) return undefined;
  const qualified = qualifyCallee(ctx.imports, dotted, (name) => concurrencyConstruct(name) !== undefined);
  return qualified ? concurrencyConstruct(qualified.qualified) : undefined;
}

/** The construction an expression stands for (`executor` → `ThreadPoolExecutor(8)`), followed through names. */
export function constructionOf(node: SyntaxNode, ctx: ConcurrencyContext, depth = 0): { construct: ConcurrencyConstruct; call: SyntaxNode } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.type === NodeKind.call) {
    const construct = constructOfCallee(node, ctx);
    return construct ? { construct, call: node } : undefined;
  }
  if (node.type === NodeKind.parenthesizedExpression) {
    const inner = node.namedChildren.find((child) => child?.type !== NodeKind.comment);
    return inner ? constructionOf(inner, ctx, depth + 1) : undefined;
  }
  const aliased = node.type === NodeKind.identifier ? withAliasAround(node) : undefined;
  if (aliased) return constructionOf(aliased, ctx, depth + 1);
  const resolution =
    node.type === NodeKind.identifier ? ctx.evaluation.resolveName.name(node) : node.type === NodeKind.attribute ? ctx.evaluation.resolveName.selfAttribute(node) : undefined;
  const value = assignedValue(resolution);
  return value ? constructionOf(value, ctx, depth + 1) : undefined;
}

/** In `with X() as name:`, a use of `name` inside the block is `X()`, however often `name` is reused elsewhere. */
function withAliasAround(name: SyntaxNode): SyntaxNode | undefined {
  for (let current = name.parent; current && current.type !== NodeKind.functionDefinition && current.type !== NodeKind.lambda; current = current.parent) {
    if (current.type !== NodeKind.withStatement) continue;
    for (const item of current.descendantsOfType(NodeKind.withItem)) {
      const value = item?.childForFieldName(FieldName.value);
      if (value?.type === NodeKind.asPattern && value.childForFieldName(FieldName.alias)?.text === name.text) return value.namedChild(0) ?? undefined;
    }
  }
  return undefined;
}

/** A function the code refers to: a lambda, a function of the module by name, or a method through `self.`. */
export function functionOf(reference: SyntaxNode, ctx: ConcurrencyContext): { fn: SyntaxNode; isMethod: boolean } | undefined {
  if (reference.type === NodeKind.lambda) return { fn: reference, isMethod: false };
  if (reference.type === NodeKind.identifier) {
    const fn = innermostNamed(reference, reference.text, ctx, (scope) => scope.type !== NodeKind.classDefinition);
    return fn ? { fn, isMethod: false } : undefined;
  }
  if (reference.type !== NodeKind.attribute) return undefined;
  const object = reference.childForFieldName(FieldName.object);
  const name = reference.childForFieldName(FieldName.attribute)?.text;
  if (object?.type !== NodeKind.identifier || (object.text !== 'self' && object.text !== 'cls') || !name) return undefined;
  const fn = innermostNamed(reference, name, ctx, (scope) => scope.type === NodeKind.classDefinition);
  return fn ? { fn, isMethod: true } : undefined;
}

/** The function named `name` defined directly in the nearest scope around `from` that `accepts` (a class for methods). */
function innermostNamed(from: SyntaxNode, name: string, ctx: ConcurrencyContext, accepts: (scope: SyntaxNode) => boolean): SyntaxNode | undefined {
  const named = ctx.functions.filter((fn) => fn.childForFieldName(FieldName.name)?.text === name);
  for (let scope = ctx.enclosing.scopeOf(from); scope; scope = ctx.enclosing.scopeOf(scope)) {
    if (!accepts(scope)) continue;
    const here = named.filter((fn) => ctx.enclosing.scopeOf(fn)?.id === scope.id);
    if (here.length === 1) return here[0];
    if (here.length > 1) return undefined;
  }
  return undefined;
}

/** The parameter names of a function or lambda, in order (`*args` and `**kwargs` left out). */
export function parameterNames(fn: SyntaxNode): string[] {
  const parameters = fn.childForFieldName(FieldName.parameters);
  if (!parameters) return [];
  return parameters.namedChildren.flatMap((parameter) => {
    if (!parameter) return [];
    if (parameter.type === NodeKind.identifier) return [parameter.text];
    const named = parameter.childForFieldName(FieldName.name) ?? parameter.namedChildren.find((child) => child?.type === NodeKind.identifier);
    const isSplat = parameter.type !== NodeKind.typedParameter && parameter.type !== NodeKind.defaultParameter && parameter.type !== NodeKind.typedDefaultParameter;
    return named && !isSplat ? [named.text] : [];
  });
}

/** Whether `inner` lies within `outer`. */
export function within(inner: { readonly startIndex: number; readonly endIndex: number } | { readonly start: number; readonly end: number }, outer: SyntaxNode): boolean {
  const [start, end] = 'startIndex' in inner ? [inner.startIndex, inner.endIndex] : [inner.start, inner.end];
  return outer.startIndex <= start && end <= outer.endIndex;
}
