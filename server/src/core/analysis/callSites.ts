/**
 * Recognises calls of catalogued callables: resolves the callee through the import table, binds
 * the arguments (once per call node, shared by every place that refers to the call), and notes
 * whether the call runs once per loop iteration.
 */
import type { Catalog } from '../../catalog';
import { FieldName, LOOP_KINDS, NodeKind, SCOPE_KINDS } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { BoundCall, CalleeStyle } from '../types';
import { bindArguments } from './binding';
import type { EvaluationContext } from './evaluate';
import { qualifyCallee, type ImportTable } from './imports';
import type { NameResolver } from './names';

export type CallSiteContext = {
  readonly text: string;
  readonly catalog: Catalog;
  readonly imports: ImportTable;
  readonly resolveName: NameResolver;
  /** The version in use per library id. */
  readonly versionOf: (libraryId: string) => string;
  /** The releases the project allows per library id. */
  readonly allowedVersionsOf: (libraryId: string) => readonly string[];
};

/** Returns a memoised binder: the BoundCall of a call node, or undefined when it is not catalogued. */
export function createCallBinder(ctx: CallSiteContext): (call: SyntaxNode) => BoundCall | undefined {
  const cache = new Map<number, BoundCall | null>();
  const evaluation: EvaluationContext = { text: ctx.text, resolveName: ctx.resolveName, bindCall: (node) => bind(node) };

  function bind(call: SyntaxNode): BoundCall | undefined {
    const cached = cache.get(call.id);
    if (cached !== undefined) return cached ?? undefined;
    cache.set(call.id, null); // A call nested in itself through names stays unrecognised rather than looping.
    const bound = bindUncached(call);
    cache.set(call.id, bound ?? null);
    return bound;
  }

  function bindUncached(call: SyntaxNode): BoundCall | undefined {
    const callee = call.childForFieldName(FieldName.function);
    const argumentsNode = call.childForFieldName(FieldName.arguments);
    if (!callee || !argumentsNode) return undefined;
    const dotted = dottedName(callee);
    if (dotted === undefined) return undefined;
    const resolved = qualifyCallee(ctx.imports, dotted, (qualified) => ctx.catalog.lookup(qualified) !== undefined);
    if (!resolved) return undefined;
    const entry = ctx.catalog.lookup(resolved.qualified);
    if (!entry) return undefined;
    const version = ctx.versionOf(entry.library.id);
    const style: CalleeStyle = dotted.includes('.')
      ? { kind: 'module', alias: dotted.slice(0, dotted.lastIndexOf('.')) }
      : { kind: 'name', localName: dotted };
    const { args, splats } = bindArguments(argumentsNode, entry.callable, version, evaluation);
    return {
      library: entry.library,
      callable: entry.callable,
      version,
      allowedVersions: ctx.allowedVersionsOf(entry.library.id),
      qualifiedName: resolved.qualified,
      style,
      span: { start: call.startIndex, end: call.endIndex },
      calleeSpan: { start: callee.startIndex, end: callee.endIndex },
      argumentsSpan: { start: argumentsNode.startIndex, end: argumentsNode.endIndex },
      args,
      splats,
      inLoop: isInLoop(call),
    };
  }

  return bind;
}

/** `a.b.c` for a chain of identifiers, undefined for anything else (calls, subscripts). */
function dottedName(node: SyntaxNode): string | undefined {
  if (node.type === NodeKind.identifier) return node.text;
  if (node.type !== NodeKind.attribute) return undefined;
  const object = node.childForFieldName(FieldName.object);
  const attribute = node.childForFieldName(FieldName.attribute);
  if (!object || !attribute) return undefined;
  const head = dottedName(object);
  return head === undefined ? undefined : `${head}.${attribute.text}`;
}

/** True when the node sits in the body of a loop or comprehension of its own function. */
function isInLoop(node: SyntaxNode): boolean {
  let child = node;
  for (let parent = node.parent; parent && !SCOPE_KINDS.has(parent.type); child = parent, parent = parent.parent) {
    if (LOOP_KINDS.has(parent.type) && parent.childForFieldName(FieldName.body)?.id === child.id) return true;
  }
  return false;
}
