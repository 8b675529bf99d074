/**
 * What one module of the workspace tells the others, as plain data (numbers, strings, arrays,
 * records: it can be cached, compared and serialised): its module-level constants, the attributes
 * of its classes, what its simple functions return, and the names its imports bind. Constructions
 * are kept as the qualified callee and the arguments, so that the module reading them binds them
 * against the catalog at its own library versions.
 */

/** A value as the defining module writes it, names already followed inside that module. */
export type SummaryValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'tuple'; readonly items: readonly SummaryExpr[] }
  /** A call of `callee` (qualified through the module's imports: `httpx.Timeout`). */
  | { readonly kind: 'construction'; readonly callee: string; readonly args: readonly SummaryArg[]; readonly splats: number }
  /** A name the module imports (`.base.TIMEOUT`, `myapp.config.POOL`): the reader follows it from this module. */
  | { readonly kind: 'imported'; readonly target: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** A value and the text that wrote it. */
export type SummaryExpr = { readonly text: string; readonly value: SummaryValue };

/** One argument of a construction: keyword or positional. */
export type SummaryArg = SummaryExpr & { readonly keyword?: string };

/** Where a name is defined in its module: an offset of its text, and the 1-based line for people. */
export type SummarySite = { readonly offset: number; readonly line: number };

/** What a module-level name stands for. */
export type SummaryEntry =
  | ({ readonly kind: 'value'; readonly expr: SummaryExpr } & SummarySite)
  /** A class: its attributes (inherited ones of classes of the same module included). */
  | ({ readonly kind: 'class'; readonly attributes: Readonly<Record<string, SummaryExpr & SummarySite>> } & SummarySite)
  /** A function whose body is one `return` of an expression that reads no parameter. */
  | ({ readonly kind: 'function'; readonly returns: SummaryExpr } & SummarySite)
  /** An import: the qualified name it binds (`from .x import Y` → `.x.Y`, `import a.b as c` → `a.b`). */
  | ({ readonly kind: 'import'; readonly target: string } & SummarySite);

export type ModuleSummary = {
  /** Module-level name → what it stands for. A record without prototype: look names up with `entryOf`. */
  readonly names: Readonly<Record<string, SummaryEntry>>;
  /** Modules of `from M import *` statements, in order: a name not found here may come from them. */
  readonly wildcards: readonly string[];
};

/** The entry of a name, never an inherited property (`constructor`, `__proto__`). */
export function entryOf<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/** An empty record to fill, without prototype. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
