/**
 * The changes made to a dict held in a name (or `self.<attribute>`) between the place the dict is
 * built and a place it is read: `d["key"] = value` and `d.update(key=value)` add keys,
 * `d.pop("key")` and `del d["key"]` remove one; any other change (`d.update(other)`, `d.clear()`, a
 * key that is not a plain string) leaves the dict open to keys not known here. A change is certain
 * only when it is a plain statement of the scope that builds the dict, between the two places; one in
 * a branch, a loop or another method may not happen.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { CallShapes } from './callShapes';
import type { SyntaxNode } from '../syntax/parser';
import type { Enclosing } from './enclosing';
import { scopeBody } from './flow';

export type DictWrite =
  | { readonly kind: 'set'; readonly key: string; readonly value: SyntaxNode; readonly certain: boolean }
  | { readonly kind: 'remove'; readonly key: string | undefined; readonly certain: boolean }
  | { readonly kind: 'open' };

/** The writes to the dict `holder` reads (an identifier or `self.<attribute>`), which `built` (the dict expression) started, in document order. */
export type DictWrites = (holder: SyntaxNode, built: SyntaxNode) => DictWrite[];

export type DictWriteSources = {
  readonly subscriptAssignments: readonly SyntaxNode[];
  readonly deletions: readonly SyntaxNode[];
  readonly calls: readonly SyntaxNode[];
  readonly shapes: CallShapes;
};

const REMOVING = new Set(['pop', 'popitem', 'clear']);
const ADDING = new Set(['update', 'setdefault']);

/** One change, before it is placed: the statement (or call) that makes it and what it does. */
type Change = { readonly node: SyntaxNode; readonly write: (certain: boolean) => DictWrite[] };

export function createDictWrites(sources: DictWriteSources, enclosing: Enclosing): DictWrites {
  let index: Map<string, Change[]> | undefined;
  const changesOf = (text: string) => (index ??= indexChanges(sources)).get(text) ?? [];

  return (holder, built) => {
    const scope = enclosing.scopeOf(holder);
    const builtScope = enclosing.scopeOf(built);
    const isSelf = holder.type === NodeKind.attribute;
    const classOf = (node: SyntaxNode) => {
      for (let outer = enclosing.scopeOf(node); outer; outer = enclosing.scopeOf(outer)) if (outer.type === NodeKind.classDefinition) return outer.id;
      return undefined;
    };
    const writes: DictWrite[] = [];
    for (const change of changesOf(holder.text)) {
      const where = enclosing.scopeOf(change.node);
      const between = built.endIndex <= change.node.startIndex && change.node.startIndex < holder.startIndex;
      if (isSelf ? classOf(change.node) !== classOf(holder) : where?.id !== scope?.id || !between) continue;
      const plain = where?.id === builtScope?.id && between && builtScope !== undefined && isPlainStatementOf(builtScope, change.node);
      writes.push(...change.write(plain));
    }
    return writes;
  };
}

/** True when `node` lies in a simple statement directly in the scope's body (not in a branch or loop). */
function isPlainStatementOf(scope: SyntaxNode, node: SyntaxNode): boolean {
  return scopeBody(scope).childWithDescendant(node)?.type === NodeKind.expressionStatement;
}

function indexChanges(sources: DictWriteSources): Map<string, Change[]> {
  const index = new Map<string, Change[]>();
  const add = (object: SyntaxNode | null | undefined, change: Change) => {
    if (!object) return;
    const list = index.get(object.text);
    if (list) list.push(change);
    else index.set(object.text, [change]);
  };
  for (const assignment of sources.subscriptAssignments) {
    const target = assignment.childForFieldName(FieldName.left);
    const value = assignment.childForFieldName(FieldName.right);
    const key = stringKey(target?.childForFieldName(FieldName.subscript));
    add(target?.childForFieldName(FieldName.value), { node: assignment, write: (certain) => [key !== undefined && value ? { kind: 'set', key, value, certain } : { kind: 'open' }] });
  }
  for (const deletion of sources.deletions) {
    if (deletion.type !== NodeKind.deleteStatement) continue;
    for (const target of deletion.descendantsOfType(NodeKind.subscript)) {
      const key = stringKey(target?.childForFieldName(FieldName.subscript));
      add(target?.childForFieldName(FieldName.value), { node: deletion, write: (certain) => [{ kind: 'remove', key, certain }] });
    }
  }
  for (const call of sources.calls) {
    const { calleeType, object, name, arguments: argumentsNode } = sources.shapes(call);
    const method = calleeType === NodeKind.attribute ? name : undefined;
    if (!method || (!REMOVING.has(method) && !ADDING.has(method))) continue;
    const items = (argumentsNode?.namedChildren ?? []).filter((item): item is SyntaxNode => item !== null && item.type !== NodeKind.comment);
    add(object, { node: call, write: (certain) => methodWrites(method, items, certain) });
  }
  return index;
}

/** What `d.<method>(items)` does to the keys of `d`. */
function methodWrites(method: string, items: readonly SyntaxNode[], certain: boolean): DictWrite[] {
  if (method === 'pop') return [{ kind: 'remove', key: stringKey(items[0]), certain }];
  if (REMOVING.has(method)) return [{ kind: 'remove', key: undefined, certain }];
  if (method === 'setdefault') return [{ kind: 'open' }];
  return items.map((item): DictWrite => {
    const key = item.type === NodeKind.keywordArgument ? item.childForFieldName(FieldName.name)?.text : undefined;
    const value = item.childForFieldName(FieldName.value);
    return key && value ? { kind: 'set', key, value, certain } : { kind: 'open' };
  });
}

/** The text of a plain string literal used as a key, else undefined. */
export function stringKey(node: SyntaxNode | null | undefined): string | undefined {
  if (node?.type !== NodeKind.string || node.namedChildren.some((child) => child?.type === NodeKind.interpolation)) return undefined;
  return node.namedChildren
    .filter((child) => child?.type === NodeKind.stringContent)
    .map((child) => child?.text ?? '')
    .join('');
}
