/**
 * What binding a call reads from the whole file, names aside: the names its imports bind and the
 * local subclasses of catalogued classes. Both come from import statements and class definitions
 * alone, so they carry over an edit that touches none of them, neither in the text before the edit
 * nor in the tree after it (where the edit is, and where tree-sitter says the structure changed):
 * a hover right after typing then needs no pass over the whole tree.
 */
import type { Catalog } from '../../catalog';
import { Capture } from '../syntax/queries';
import { NodeKind } from '../syntax/nodeKinds';
import type { OffsetRange, SyntaxNode, TextChange } from '../syntax/parser';
import type { TextSpan } from '../types';
import { collectImports, type ImportNames } from './imports';
import type { Captures, Outline } from './outline';
import { collectSubclasses } from './subclasses';

export type FileTables = {
  readonly imports: ImportNames;
  /** Local class name → the qualified name of the catalogued base it stands for. */
  readonly subclasses: ReadonlyMap<string, string>;
  /** Where the import statements and class definitions are. */
  readonly sources: readonly TextSpan[];
};

/** The tables of a tree, from all of its outline captures. */
export function collectFileTables(all: Captures, catalog: Catalog): FileTables {
  return tablesOf(all(Capture.importStatement), all(Capture.classDefinition), catalog);
}

/**
 * The same tables, from the tree's import statements and class definitions found by type: a walk
 * inside the runtime that costs a fraction of the outline query over the whole tree, for a hover
 * after an edit that could not carry the tables (one in a broken module: every keystroke).
 */
export function collectFileTablesOfTree(root: SyntaxNode, catalog: Catalog): FileTables {
  const nodes = root.descendantsOfType([NodeKind.importStatement, NodeKind.importFromStatement, NodeKind.classDefinition]).filter((node): node is SyntaxNode => node !== null);
  const isClass = (node: SyntaxNode) => node.type === NodeKind.classDefinition;
  return tablesOf(
    nodes.filter((node) => !isClass(node)),
    nodes.filter(isClass),
    catalog,
  );
}

function tablesOf(statements: readonly SyntaxNode[], classes: readonly SyntaxNode[], catalog: Catalog): FileTables {
  const { names, wildcardModules } = collectImports(statements);
  const imports = { names, wildcardModules };
  return {
    imports,
    subclasses: collectSubclasses(classes, imports, catalog),
    sources: [...statements, ...classes].map((node) => ({ start: node.startIndex, end: node.endIndex })),
  };
}

/** True when an import names a catalogued callable, or a module or class above one: without one, an analysis has nothing to bind. */
export function importsCatalogPath(tables: FileTables, catalog: Catalog): boolean {
  return [...tables.imports.names.values(), ...tables.imports.wildcardModules].some((qualified) => catalog.knowsPath(qualified));
}

/**
 * The tables after one change, or undefined when it may have changed them. `changed` are the ranges
 * where the new tree's structure differs from the old one's, `around` finds the new tree's outline
 * captures over a range. Spans that merely touch the edit or a changed range count as touched.
 */
export function carryFileTables(tables: FileTables, change: TextChange, changed: readonly OffsetRange[], around: Outline['around']): FileTables | undefined {
  const delta = change.newText.length - (change.end - change.start);
  const sources: TextSpan[] = [];
  for (const span of tables.sources) {
    if (span.end < change.start) sources.push(span);
    else if (span.start > change.end) sources.push({ start: span.start + delta, end: span.end + delta });
    else return undefined;
  }
  const affected = [{ start: change.start, end: change.start + change.newText.length }, ...changed];
  const touches = (span: TextSpan) => affected.some((range) => span.start <= range.end && range.start <= span.end);
  if (sources.some(touches)) return undefined;
  for (const range of affected) {
    const captures = around({ start: Math.max(0, range.start - 1), end: range.end + 1 });
    if (captures(Capture.importStatement).length > 0 || captures(Capture.classDefinition).length > 0) return undefined;
  }
  return { ...tables, sources };
}
