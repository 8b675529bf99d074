/**
 * Names a document imports from other modules of the workspace (`from .settings import TIMEOUT`,
 * `config.POOL_SIZE` with `from myapp import config`), read through AnalysisOptions.workspace.
 * A construction another module writes (`DEFAULT_TIMEOUT = httpx.Timeout(10.0)`) is bound here,
 * against the catalog at this document's library versions; every span of what comes from there is
 * the span of the name in this document (nothing of the other file is ever edited from here).
 */
import type { Catalog } from '../../catalog';
import { paramByName, positionalNamesAt } from '../../catalog/versions';
import type { BoundArg, BoundCall, DefinitionSite, Expr, TextSpan, Value } from '../types';
import type { SummaryExpr, SummaryValue, SummaryArg } from '../workspace/summary';
import type { WorkspaceValues } from '../workspace/lookup';
import type { ImportNames } from './imports';

export type ImportedValueContext = {
  readonly catalog: Catalog;
  readonly imports: ImportNames;
  readonly workspace: WorkspaceValues;
  readonly versionOf: (libraryId: string) => string;
  readonly allowedVersionsOf: (libraryId: string) => readonly string[];
};

/** What the evaluator gets for an imported name: its value, the name, and where it is defined. */
export type ImportedResult = { readonly value: Value; readonly via: string; readonly definedIn?: DefinitionSite };

/**
 * The value of `dotted` (a name or `a.b.c` as written; `called` for `f()`) when its first name is
 * imported from somewhere that is not a catalogued library; undefined otherwise.
 */
export function importedValue(dotted: string, span: TextSpan, ctx: ImportedValueContext, called = false): ImportedResult | undefined {
  const [head, ...rest] = dotted.split('.');
  const imported = ctx.imports.names.get(head);
  if (imported === undefined || isLibraryPath(ctx.catalog, imported)) return undefined;
  const qualified = [imported, ...rest].join('.');
  const found = ctx.workspace.lookup(qualified, called);
  const shown = called ? `${dotted}()` : dotted;
  if (!found) return { value: { kind: 'unknown', reason: `\`${shown}\`: \`${moduleOf(imported)}\` is not found in the workspace` }, via: dotted };
  if (found.kind === 'unknown') return { value: { kind: 'unknown', reason: found.reason }, via: dotted, ...(found.site ? { definedIn: found.site } : {}) };
  const value = valueOf(found.expr, span, ctx);
  const reason = value.kind === 'unknown' ? `\`${shown}\` in ${found.site.label} is ${value.reason}` : undefined;
  return { value: reason ? { kind: 'unknown', reason } : value, via: dotted, definedIn: found.site };
}

function valueOf(expr: SummaryExpr, span: TextSpan, ctx: ImportedValueContext): Value {
  const value: SummaryValue = expr.value;
  switch (value.kind) {
    case 'tuple':
      return { kind: 'tuple', items: value.items.map((item) => exprOf(item, span, ctx)) };
    case 'construction': {
      const call = bindConstruction(value, expr.text, span, ctx);
      return call ? { kind: 'call', call } : { kind: 'unknown', reason: `the result of \`${expr.text}\`` };
    }
    case 'imported':
      return { kind: 'unknown', reason: `\`${value.target}\`` };
    default:
      return value;
  }
}

function exprOf(expr: SummaryExpr, span: TextSpan, ctx: ImportedValueContext): Expr {
  return { span, text: expr.text, value: valueOf(expr, span, ctx) };
}

/** A construction of a catalogued callable, its arguments bound by this document's version of the library. */
function bindConstruction(value: Extract<SummaryValue, { kind: 'construction' }>, text: string, span: TextSpan, ctx: ImportedValueContext): BoundCall | undefined {
  const entry = ctx.catalog.lookup(value.callee);
  if (!entry) return undefined;
  const version = ctx.versionOf(entry.library.id);
  const positionalNames = positionalNamesAt(entry.callable, version);
  let position = 0;
  const args = value.args.map((arg: SummaryArg): BoundArg => {
    const expr = exprOf(arg, span, ctx);
    if (arg.keyword !== undefined) return { param: paramByName(entry.callable, arg.keyword), name: arg.keyword, span, expr };
    const name = positionalNames[position];
    return { param: name === undefined ? undefined : paramByName(entry.callable, name), name, span, position: position++, expr };
  });
  return {
    library: entry.library,
    callable: entry.callable,
    version,
    allowedVersions: ctx.allowedVersionsOf(entry.library.id),
    qualifiedName: value.callee,
    style: { kind: 'name', localName: text },
    span,
    calleeSpan: span,
    argumentsSpan: span,
    args,
    splats: Array.from({ length: value.splats }, () => span),
    inLoop: false,
  };
}

function isLibraryPath(catalog: Catalog, qualified: string): boolean {
  return catalog.libraries.some((library) => library.modules.some((module) => qualified === module || qualified.startsWith(`${module}.`)));
}

function moduleOf(qualified: string): string {
  const cut = qualified.lastIndexOf('.');
  return cut <= 0 ? qualified : qualified.slice(0, cut);
}
