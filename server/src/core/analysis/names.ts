/**
 * Resolves a bare name, or `self.<attribute>`, to the one expression assigned to it. A name
 * resolves only when it is assigned exactly once in its function (or module) and never rebound
 * there (`with f() as name` counts as an assignment); `self.x` resolves when the methods of its
 * class assign it exactly once (or, never assigned so, when the class body assigns it once). A function parameter resolves to "parameter"; the rest stays unknown.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { Enclosing } from './enclosing';

export type NameResolution =
  | { readonly kind: 'assigned'; readonly value: SyntaxNode }
  | { readonly kind: 'parameter' }
  | { readonly kind: 'reassigned' }
  | { readonly kind: 'unbound' };

export type NameResolver = {
  /** What a bare identifier refers to. */
  readonly name: (identifier: SyntaxNode) => NameResolution;
  /** What `self.<attribute>` refers to, inside a class. */
  readonly selfAttribute: (attribute: SyntaxNode) => NameResolution;
};

/** The statements the resolver indexes, as the outline query captures them. */
export type NameSources = {
  readonly assignments: readonly SyntaxNode[];
  readonly rebindings: readonly SyntaxNode[];
  readonly withAliases: readonly SyntaxNode[];
  readonly attributeAssignments: readonly SyntaxNode[];
};

type Entry = { values: SyntaxNode[]; rebound: boolean };

export function createNameResolver(sources: NameSources, enclosing: Enclosing): NameResolver {
  const enclosingScope = (node: SyntaxNode) => enclosing.scopeOf(node);
  const entries = new Map<string, Entry>();
  const entryFor = (key: string): Entry => {
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = { values: [], rebound: false }));
    return entry;
  };
  const nameKey = (statement: SyntaxNode, name: string) => `${enclosingScope(statement)?.id}:${name}`;

  for (const assignment of sources.assignments) {
    const left = assignment.childForFieldName(FieldName.left);
    const right = assignment.childForFieldName(FieldName.right);
    if (!left) continue;
    const entry = entryFor(nameKey(assignment, left.text));
    if (right) entry.values.push(right);
    else entry.rebound = true;
  }
  for (const alias of sources.withAliases) {
    const target = alias.childForFieldName(FieldName.alias);
    const value = alias.namedChild(0);
    if (target && value) entryFor(nameKey(alias, target.text)).values.push(value);
  }
  for (const rebinding of sources.rebindings) {
    const left = rebinding.childForFieldName(FieldName.left);
    if (!left) continue;
    const names = left.type === NodeKind.identifier ? [left] : left.descendantsOfType(NodeKind.identifier);
    for (const name of names) if (name) entryFor(nameKey(rebinding, name.text)).rebound = true;
  }
  for (const assignment of sources.attributeAssignments) {
    const left = assignment.childForFieldName(FieldName.left);
    const right = assignment.childForFieldName(FieldName.right);
    const key = left ? selfAttributeKey(left, enclosing) : undefined;
    if (key && right) entryFor(key).values.push(right);
  }

  const fromEntry = (entry: Entry | undefined): NameResolution | undefined =>
    entry && (entry.values.length === 1 && !entry.rebound ? { kind: 'assigned', value: entry.values[0] } : { kind: 'reassigned' });

  return {
    name(identifier) {
      const name = identifier.text;
      for (let scope = enclosingScope(identifier); scope; scope = enclosingScope(scope)) {
        if (hasParameter(scope, name)) return { kind: 'parameter' };
        const resolution = fromEntry(entries.get(`${scope.id}:${name}`));
        if (resolution) return resolution;
      }
      return { kind: 'unbound' };
    },
    selfAttribute(attribute) {
      const key = selfAttributeKey(attribute, enclosing);
      // Never assigned through `self.`: a class attribute (`session = Session()` in the class body) is what `self.session` reads.
      const classKey = key?.replace(':self.', ':');
      return (key && (fromEntry(entries.get(key)) ?? (classKey && fromEntry(entries.get(classKey))))) || { kind: 'unbound' };
    },
  };
}

/** `<class id>:self.<name>` for `self.<name>` inside a method, else undefined. */
function selfAttributeKey(attribute: SyntaxNode, enclosing: Enclosing): string | undefined {
  if (attribute.type !== NodeKind.attribute) return undefined;
  const object = attribute.childForFieldName(FieldName.object);
  const name = attribute.childForFieldName(FieldName.attribute);
  if (object?.type !== NodeKind.identifier || object.text !== 'self' || !name) return undefined;
  for (let scope = enclosing.scopeOf(attribute); scope; scope = enclosing.scopeOf(scope)) {
    if (scope.type === NodeKind.classDefinition) return `${scope.id}:self.${name.text}`;
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
