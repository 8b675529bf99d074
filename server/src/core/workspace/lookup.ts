/**
 * The value of a name another module of the workspace defines, as a module that imports it sees
 * it: `myapp.settings.HTTP_TIMEOUT`, `.settings.HTTP_TIMEOUT`, `myapp.config.Settings.POOL_SIZE`.
 * The longest prefix that names a workspace module is the module; the rest are names in it (a
 * constant, a class attribute, a re-export followed to where it is defined, a `from M import *`).
 * Imported names inside the value are followed too. Following stops after a few steps and on
 * cycles (a module that imports itself), and says so.
 */
import type { DefinitionSite } from '../types';
import type { ModuleFile, ModuleTable } from './moduleTable';
import { entryOf, type ModuleSummary, type SummaryEntry, type SummaryExpr, type SummaryValue } from './summary';

/** Names followed for one value (re-exports, imported names inside it) before giving up. */
const MAX_STEPS = 64;

export type WorkspaceModules = {
  readonly table: ModuleTable;
  /** The summary of a file, or why there is none (too large, unreadable). */
  readonly summaryOf: (file: ModuleFile) => ModuleSummary | { readonly unavailable: string };
};

/**
 * What an analysis asks of the workspace (AnalysisOptions.workspace): the value of a qualified
 * name, or of calling it. `generation` changes whenever an answer may have changed: options are
 * compared as JSON, so it decides whether a cached analysis still holds.
 */
export type WorkspaceValues = {
  readonly generation: number;
  /** The analysed document's module key (or path): part of what the answers depend on. */
  readonly importer: string;
  readonly lookup: (dotted: string, called: boolean) => ImportedValue | undefined;
};

export type ImportedValue =
  | { readonly kind: 'found'; readonly expr: SummaryExpr; readonly site: DefinitionSite }
  | { readonly kind: 'unknown'; readonly reason: string; readonly site?: DefinitionSite };

/**
 * What `dotted` (qualified through the importer's imports) stands for; with `called`, what calling
 * it returns. Undefined when no module of the workspace has that name (a library, the standard library).
 */
export function lookupImported(modules: WorkspaceModules, importer: ModuleFile | undefined, dotted: string, called = false): ImportedValue | undefined {
  return resolveDotted(modules, importer, dotted, called, { steps: 0, open: new Set() });
}

/** Steps taken so far, and the names being read (a name met again while being read is a cycle). */
type Walk = { steps: number; readonly open: Set<string> };

function resolveDotted(modules: WorkspaceModules, importer: ModuleFile | undefined, dotted: string, called: boolean, walk: Walk): ImportedValue | undefined {
  if (++walk.steps > MAX_STEPS) return { kind: 'unknown', reason: `\`${dotted}\` (too many imports to follow)` };
  const dots = /^\.*/.exec(dotted)![0];
  const names = dotted.slice(dots.length).split('.').filter((name) => name !== '');
  for (let split = names.length - 1; split >= 0; split--) {
    const moduleName = dots + names.slice(0, split).join('.');
    if (moduleName === '') continue;
    const resolved = modules.table.resolve(moduleName, importer);
    if (!resolved) continue;
    if ('ambiguous' in resolved) return { kind: 'unknown', reason: `\`${moduleName}\` names ${resolved.ambiguous} modules of the workspace` };
    return readNames(modules, resolved.file, names.slice(split), called, walk);
  }
  return undefined;
}

function readNames(modules: WorkspaceModules, file: ModuleFile, path: readonly string[], called: boolean, walk: Walk): ImportedValue {
  const key = `${file.key}:${path.join('.')}`;
  if (walk.open.has(key)) return { kind: 'unknown', reason: `\`${path.join('.')}\` in ${file.label} imports itself` };
  walk.open.add(key);
  try {
    return readOpenNames(modules, file, path, called, walk);
  } finally {
    walk.open.delete(key);
  }
}

function readOpenNames(modules: WorkspaceModules, file: ModuleFile, path: readonly string[], called: boolean, walk: Walk): ImportedValue {
  const summary = modules.summaryOf(file);
  if ('unavailable' in summary) return { kind: 'unknown', reason: `${file.label} ${summary.unavailable}` };
  const [name, ...rest] = path;
  const entry = entryOf(summary.names, name);
  if (!entry) return fromWildcards(modules, file, summary, path, called, walk) ?? { kind: 'unknown', reason: `\`${name}\` is not defined in ${file.label}` };
  const site = siteOf(file, path.join('.'), entry);
  if (entry.kind === 'import') return resolveDotted(modules, file, [entry.target, ...rest].join('.'), called, walk) ?? { kind: 'unknown', reason: `\`${entry.target}\` is not found in the workspace`, site };
  const expr = valueEntry(entry, rest, called);
  if (!expr) return { kind: 'unknown', reason: `\`${path.join('.')}\` in ${file.label} is not a value it defines`, site };
  const attributeSite = entry.kind === 'class' && rest.length === 1 ? siteOf(file, path.join('.'), entryOf(entry.attributes, rest[0])!) : site;
  return { kind: 'found', expr: { text: expr.text, value: followImports(modules, file, expr.value, walk) }, site: attributeSite };
}

/** The constant, the class attribute, or (when called) the function's result a path names. */
function valueEntry(entry: SummaryEntry, rest: readonly string[], called: boolean): SummaryExpr | undefined {
  if (entry.kind === 'value' && rest.length === 0 && !called) return entry.expr;
  if (entry.kind === 'class' && rest.length === 1 && !called) return entryOf(entry.attributes, rest[0]);
  if (entry.kind === 'function' && rest.length === 0 && called) return entry.returns;
  return undefined;
}

function fromWildcards(modules: WorkspaceModules, file: ModuleFile, summary: ModuleSummary, path: readonly string[], called: boolean, walk: Walk): ImportedValue | undefined {
  for (const wildcard of [...summary.wildcards].reverse()) {
    const prefix = wildcard.endsWith('.') ? wildcard : `${wildcard}.`;
    const found = resolveDotted(modules, file, prefix + path.join('.'), called, walk);
    if (found?.kind === 'found') return found;
  }
  return undefined;
}

/** Imported names inside a value (`Timeout(CONNECT)` with `from .base import CONNECT`), followed from the defining module. */
function followImports(modules: WorkspaceModules, file: ModuleFile, value: SummaryValue, walk: Walk): SummaryValue {
  switch (value.kind) {
    case 'imported': {
      const found = resolveDotted(modules, file, value.target, false, walk);
      if (found?.kind === 'found') return found.expr.value;
      return { kind: 'unknown', reason: found?.reason ?? `\`${value.target}\`, which is not found in the workspace` };
    }
    case 'tuple':
      return { kind: 'tuple', items: value.items.map((item) => ({ text: item.text, value: followImports(modules, file, item.value, walk) })) };
    case 'construction':
      return { ...value, args: value.args.map((arg) => ({ ...arg, value: followImports(modules, file, arg.value, walk) })) };
    default:
      return value;
  }
}

function siteOf(file: ModuleFile, name: string, at: { readonly offset: number; readonly line: number }): DefinitionSite {
  return { name, label: file.label, line: at.line, offset: at.offset, ...(file.uri !== undefined ? { uri: file.uri } : {}) };
}
