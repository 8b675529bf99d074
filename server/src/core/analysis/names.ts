/**
 * Resolves a bare name to the one expression assigned to it. A name resolves only when it is
 * assigned exactly once in its function (or module) and never rebound there; a function
 * parameter resolves to "parameter"; everything else stays unknown.
 */
import { FieldName, NodeKind, SCOPE_KINDS } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';

export type NameResolution =
  | { readonly kind: 'assigned'; readonly value: SyntaxNode }
  | { readonly kind: 'parameter' }
  | { readonly kind: 'reassigned' }
  | { readonly kind: 'unbound' };

export type NameResolver = (identifier: SyntaxNode) => NameResolution;

type ScopeEntry = { values: SyntaxNode[]; rebound: boolean };

/** Indexes the assignments and rebinding statements of a document by (scope, name). */
export function createNameResolver(assignments: readonly SyntaxNode[], rebindings: readonly SyntaxNode[]): NameResolver {
  const entries = new Map<string, ScopeEntry>();
  const entryFor = (statement: SyntaxNode, name: string): ScopeEntry => {
    const key = `${enclosingScope(statement)?.id}:${name}`;
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = { values: [], rebound: false }));
    return entry;
  };
  for (const assignment of assignments) {
    const left = assignment.childForFieldName(FieldName.left);
    const right = assignment.childForFieldName(FieldName.right);
    if (!left) continue;
    const entry = entryFor(assignment, left.text);
    if (right) entry.values.push(right);
    else entry.rebound = true;
  }
  for (const rebinding of rebindings) {
    const left = rebinding.childForFieldName(FieldName.left);
    if (!left) continue;
    const names = left.type === NodeKind.identifier ? [left] : left.descendantsOfType(NodeKind.identifier);
    for (const name of names) if (name) entryFor(rebinding, name.text).rebound = true;
  }

  return (identifier) => {
    const name = identifier.text;
    for (let scope = enclosingScope(identifier); scope; scope = enclosingScope(scope)) {
      if (hasParameter(scope, name)) return { kind: 'parameter' };
      const entry = entries.get(`${scope.id}:${name}`);
      if (entry) {
        return entry.values.length === 1 && !entry.rebound ? { kind: 'assigned', value: entry.values[0] } : { kind: 'reassigned' };
      }
    }
    return { kind: 'unbound' };
  };
}

function enclosingScope(node: SyntaxNode): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (SCOPE_KINDS.has(current.type)) return current;
  }
  return undefined;
}

function hasParameter(scope: SyntaxNode, name: string): boolean {
  const parameters = scope.childForFieldName(FieldName.parameters);
  if (!parameters) return false;
  return parameters.namedChildren.some((parameter) => parameter !== null && parameterName(parameter) === name);
}

function parameterName(parameter: SyntaxNode): string | undefined {
  if (parameter.type === NodeKind.identifier) return parameter.text;
  const named = parameter.childForFieldName(FieldName.name) ?? parameter.namedChildren.find((child) => child?.type === NodeKind.identifier);
  return named?.text;
}
