/**
 * The import table of a module: which local name stands for which qualified name
 * (`import httpx as hx` → hx ↦ httpx; `from httpx import Client as C` → C ↦ httpx.Client).
 * Imports anywhere in the file count. A relative import keeps its dots (`from .settings import X` →
 * X ↦ .settings.X): it never names a catalogued library, but the workspace index resolves it.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';

export type ImportTable = {
  /** Local name → dotted qualified name. */
  readonly names: ReadonlyMap<string, string>;
  /** Modules imported with `from module import *`. */
  readonly wildcardModules: readonly string[];
  /** For each module with a `from module import a, b` statement: the offset just after its last name. */
  readonly fromImportEnds: ReadonlyMap<string, number>;
  /** The offset just after the last module-level import statement: where a new import line goes. */
  readonly lastTopLevelImportEnd?: number;
  /** Local name → where the imported name is written in its `from module import name [as local]`. */
  readonly fromImportedNames: ReadonlyMap<string, { readonly module: string; readonly start: number; readonly end: number }>;
};

/** What binding reads of the table: local names and `import *` modules (no offsets, so an edit elsewhere keeps it valid). */
export type ImportNames = Pick<ImportTable, 'names' | 'wildcardModules'>;

/** Builds the table from the import statements of one document. */
export function collectImports(statements: readonly SyntaxNode[]): ImportTable {
  const names = new Map<string, string>();
  const wildcardModules: string[] = [];
  const fromImportEnds = new Map<string, number>();
  const fromImportedNames = new Map<string, { module: string; start: number; end: number }>();
  let lastTopLevelImportEnd: number | undefined;
  for (const statement of statements) {
    if (statement.parent?.type === NodeKind.module) lastTopLevelImportEnd = Math.max(lastTopLevelImportEnd ?? 0, statement.endIndex);
    if (statement.type === NodeKind.importStatement) {
      for (const imported of statement.childrenForFieldName(FieldName.name)) {
        if (imported.type === NodeKind.aliasedImport) {
          const alias = imported.childForFieldName(FieldName.alias)?.text;
          const dotted = imported.childForFieldName(FieldName.name)?.text;
          if (alias && dotted) names.set(alias, dotted);
        } else if (imported.type === NodeKind.dottedName) {
          const head = imported.text.split('.')[0];
          names.set(head, head);
        }
      }
    } else if (statement.type === NodeKind.importFromStatement) {
      const moduleNode = statement.childForFieldName(FieldName.moduleName);
      if (moduleNode?.type === NodeKind.relativeImport) {
        collectRelative(statement, moduleNode.text, names, wildcardModules);
        continue;
      }
      if (!moduleNode || moduleNode.type !== NodeKind.dottedName) continue;
      const module = moduleNode.text;
      if (statement.namedChildren.some((child) => child?.type === NodeKind.wildcardImport)) wildcardModules.push(module);
      const importedNames = statement.childrenForFieldName(FieldName.name);
      const last = importedNames[importedNames.length - 1];
      if (last && !fromImportEnds.has(module)) fromImportEnds.set(module, last.endIndex);
      for (const imported of importedNames) {
        if (imported.type === NodeKind.aliasedImport) {
          const alias = imported.childForFieldName(FieldName.alias)?.text;
          const nameNode = imported.childForFieldName(FieldName.name);
          if (alias && nameNode) {
            names.set(alias, `${module}.${nameNode.text}`);
            fromImportedNames.set(alias, { module, start: nameNode.startIndex, end: nameNode.endIndex });
          }
        } else if (imported.type === NodeKind.dottedName) {
          names.set(imported.text, `${module}.${imported.text}`);
          fromImportedNames.set(imported.text, { module, start: imported.startIndex, end: imported.endIndex });
        }
      }
    }
  }
  return { names, wildcardModules, fromImportEnds, lastTopLevelImportEnd, fromImportedNames };
}

/** `from .settings import X as Y` → Y ↦ .settings.X; `from . import config` → config ↦ .config. */
function collectRelative(statement: SyntaxNode, module: string, names: Map<string, string>, wildcardModules: string[]): void {
  const prefix = module.endsWith('.') ? module : `${module}.`;
  if (statement.namedChildren.some((child) => child?.type === NodeKind.wildcardImport)) wildcardModules.push(module);
  for (const imported of statement.childrenForFieldName(FieldName.name)) {
    const nameNode = imported.type === NodeKind.aliasedImport ? imported.childForFieldName(FieldName.name) : imported;
    const local = imported.type === NodeKind.aliasedImport ? imported.childForFieldName(FieldName.alias)?.text : imported.text;
    if (nameNode && local) names.set(local, `${prefix}${nameNode.text}`);
  }
}

/**
 * The qualified name a dotted callee refers to (`hx.Limits` → `httpx.Limits`), or undefined when
 * its first name was not imported. `isWildcardName` tells whether a bare name may come from `import *`.
 */
export function qualifyCallee(
  table: ImportNames,
  dotted: string,
  isWildcardName: (qualified: string) => boolean,
): { qualified: string; head: string } | undefined {
  const dot = dotted.indexOf('.');
  const head = dot === -1 ? dotted : dotted.slice(0, dot);
  const imported = table.names.get(head);
  if (imported !== undefined) return { qualified: dot === -1 ? imported : imported + dotted.slice(dot), head };
  if (dot === -1) {
    const fromWildcard = table.wildcardModules.map((module) => `${module}.${head}`).find(isWildcardName);
    if (fromWildcard) return { qualified: fromWildcard, head };
  }
  return undefined;
}
