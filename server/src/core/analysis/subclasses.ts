/**
 * Module-level subclasses of catalogued classes that keep the base's signature: a class whose
 * base resolves to a catalogued callable and whose body defines neither `__init__` nor any method
 * the catalog knows on the base binds like the base (`class Adapter(HTTPAdapter): pass`). A class
 * with its own constructor or request methods stays unrecognised: its arguments mean something else.
 */
import type { Catalog } from '../../catalog';
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import { qualifyCallee, type ImportNames } from './imports';

/** Local class name → the qualified name of the catalogued base it stands for. */
export function collectSubclasses(classes: readonly SyntaxNode[], imports: ImportNames, catalog: Catalog): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  const pending = classes.filter((node) => node.parent?.type === NodeKind.module);
  // Bases may themselves be local subclasses defined earlier or later: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of pending) {
      const name = node.childForFieldName(FieldName.name)?.text;
      if (!name || found.has(name)) continue;
      const base = catalogBase(node, imports, catalog, found);
      if (base && keepsSignature(node, base, catalog)) {
        found.set(name, base);
        changed = true;
      }
    }
  }
  return found;
}

function catalogBase(node: SyntaxNode, imports: ImportNames, catalog: Catalog, known: ReadonlyMap<string, string>): string | undefined {
  const bases = node.childForFieldName(FieldName.superclasses)?.namedChildren ?? [];
  for (const base of bases) {
    if (!base || (base.type !== NodeKind.identifier && base.type !== NodeKind.attribute)) continue;
    const local = known.get(base.text);
    if (local) return local;
    const qualified = qualifyCallee(imports, base.text, (candidate) => catalog.lookup(candidate) !== undefined)?.qualified;
    const entry = qualified ? catalog.lookup(qualified) : undefined;
    if (entry && !entry.callable.receiver && entry.callable.kind !== 'request-function') return qualified;
  }
  return undefined;
}

/** No `__init__`/`__new__` and no method the catalog has on the base. */
function keepsSignature(node: SyntaxNode, base: string, catalog: Catalog): boolean {
  const body = node.childForFieldName(FieldName.body);
  const methods = (body?.namedChildren ?? [])
    .map((child) => (child?.type === NodeKind.decoratedDefinition ? child.childForFieldName(FieldName.definition) : child))
    .filter((child): child is SyntaxNode => child?.type === NodeKind.functionDefinition)
    .map((definition) => definition.childForFieldName(FieldName.name)?.text ?? '');
  return methods.every((method) => method !== '__init__' && method !== '__new__' && catalog.lookup(`${base}.${method}`) === undefined);
}
