/**
 * Where each name is bound, per scope, in document order: the statements that give a name a value
 * the analysis can follow (`name = value`, `with value as name`), the imports (whose values another
 * module holds), and every other binding (augmented assignment, loop targets, unpacking, walrus,
 * `del`, `def`, `class`, `except … as`), which makes the value unknown from there on. Names that a
 * `global` or `nonlocal` statement shares between scopes are marked: any call may change them.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { Enclosing } from './enclosing';
import { shorten } from './evaluate';

/** What one binding gives its name. */
export type Definition =
  | { readonly kind: 'value'; readonly value: SyntaxNode }
  /** `from module import a` (path ["a"]) or `import module as m` (path []): another module decides. */
  | { readonly kind: 'imported'; readonly module: string; readonly path: readonly string[] }
  /** `class Name(...)`: its attributes can be followed. */
  | { readonly kind: 'class'; readonly node: SyntaxNode }
  | { readonly kind: 'opaque'; readonly reason: string };

/** One binding of a name: the node that places it in the flow, and whether it always happens when that statement runs. */
export type DefinitionSite = { readonly anchor: SyntaxNode; readonly definition: Definition; readonly certain: boolean };

/** The outline captures the bindings come from. */
export type BindingSources = {
  readonly assignments: readonly SyntaxNode[];
  readonly rebindings: readonly SyntaxNode[];
  readonly withAliases: readonly SyntaxNode[];
  readonly asAliases: readonly SyntaxNode[];
  readonly opaqueBindings: readonly SyntaxNode[];
  readonly imports: readonly SyntaxNode[];
  readonly scopes: readonly SyntaxNode[];
};

export type Bindings = {
  /** The bindings of `name` directly in `scope` (a function, lambda, class, or the root), in document order. */
  sitesOf(scope: SyntaxNode, name: string): readonly DefinitionSite[];
  /** True when a `global` or `nonlocal` statement names `name`. */
  isShared(name: string): boolean;
};

export function collectBindings(sources: BindingSources, enclosing: Enclosing): Bindings {
  const sites = new Map<string, DefinitionSite[]>();
  const shared = new Set<string>();
  const add = (name: string, anchor: SyntaxNode, definition: Definition, certain = true) => {
    const key = `${enclosing.scopeOf(anchor)?.id}:${name}`;
    const list = sites.get(key);
    const site = { anchor, definition, certain };
    if (list) list.push(site);
    else sites.set(key, [site]);
  };

  for (const assignment of sources.assignments) {
    const left = assignment.childForFieldName(FieldName.left);
    const right = assignment.childForFieldName(FieldName.right);
    // `name: int` alone declares a type and binds nothing.
    if (left && right) add(left.text, assignment, { kind: 'value', value: right });
  }
  const inWith = new Set(sources.withAliases.map((alias) => alias.id));
  for (const alias of sources.asAliases) {
    const target = alias.childForFieldName(FieldName.alias);
    const value = alias.namedChild(0);
    if (!target || !value) continue;
    add(target.text, alias, inWith.has(alias.id) ? { kind: 'value', value } : { kind: 'opaque', reason: `bound by \`${shorten(alias.text)}\`` });
  }
  for (const rebinding of sources.rebindings) {
    const left = rebinding.childForFieldName(FieldName.left);
    if (!left) continue;
    const names = left.type === NodeKind.identifier ? [left] : left.descendantsOfType(NodeKind.identifier);
    const reason =
      rebinding.type === NodeKind.forStatement
        ? `the loop variable of \`for ${shorten(left.text)} in …\``
        : rebinding.type === NodeKind.augmentedAssignment
          ? `changed by \`${shorten(rebinding.text)}\``
          : `unpacked by \`${shorten(rebinding.text)}\``;
    for (const name of names) if (name) add(name.text, rebinding, { kind: 'opaque', reason });
  }
  for (const statement of sources.opaqueBindings) {
    if (statement.type === NodeKind.globalStatement || statement.type === NodeKind.nonlocalStatement) {
      for (const name of statement.namedChildren) if (name?.type === NodeKind.identifier) shared.add(name.text);
    } else if (statement.type === NodeKind.namedExpression) {
      const name = statement.childForFieldName(FieldName.name);
      if (name) add(name.text, statement, { kind: 'opaque', reason: `assigned by \`${shorten(statement.text)}\`` }, false);
    } else {
      // `del name` unbinds the name; `del d["key"]` changes the dict, not the name (see dictWrites.ts).
      const targets = statement.namedChildren.flatMap((child) => (child?.type === NodeKind.expressionList ? child.namedChildren : [child]));
      for (const name of targets) if (name?.type === NodeKind.identifier) add(name.text, statement, { kind: 'opaque', reason: `deleted by \`${shorten(statement.text)}\`` });
    }
  }
  for (const scope of sources.scopes) {
    const name = scope.childForFieldName(FieldName.name);
    if (!name || scope.type === NodeKind.lambda) continue;
    add(name.text, scope, scope.type === NodeKind.classDefinition ? { kind: 'class', node: scope } : { kind: 'opaque', reason: `the function \`${name.text}\`` });
  }
  for (const statement of sources.imports) for (const [name, definition] of importedNames(statement)) add(name, statement, definition);
  for (const list of sites.values()) list.sort((a, b) => a.anchor.startIndex - b.anchor.startIndex);

  return {
    sitesOf: (scope, name) => sites.get(`${scope.id}:${name}`) ?? [],
    isShared: (name) => shared.has(name),
  };
}

/** The names an import statement binds, and what each stands for. */
function importedNames(statement: SyntaxNode): [string, Definition][] {
  const bound: [string, Definition][] = [];
  if (statement.type === NodeKind.importStatement) {
    for (const imported of statement.childrenForFieldName(FieldName.name)) {
      if (imported.type === NodeKind.aliasedImport) {
        const alias = imported.childForFieldName(FieldName.alias)?.text;
        const dotted = imported.childForFieldName(FieldName.name)?.text;
        if (alias && dotted) bound.push([alias, { kind: 'imported', module: dotted, path: [] }]);
      } else {
        const head = imported.text.split('.')[0];
        bound.push([head, { kind: 'imported', module: head, path: [] }]);
      }
    }
    return bound;
  }
  const module = statement.childForFieldName(FieldName.moduleName)?.text;
  if (module === undefined) return bound;
  for (const imported of statement.childrenForFieldName(FieldName.name)) {
    const nameNode = imported.type === NodeKind.aliasedImport ? imported.childForFieldName(FieldName.name) : imported;
    const local = imported.type === NodeKind.aliasedImport ? imported.childForFieldName(FieldName.alias)?.text : imported.text;
    if (nameNode && local) bound.push([local, { kind: 'imported', module, path: [nameNode.text] }]);
  }
  return bound;
}
