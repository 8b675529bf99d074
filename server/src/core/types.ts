/**
 * The plain data the core produces: spans in UTF-16 offsets, evaluated expressions, calls bound
 * to catalog parameters, findings and fixes. No behaviour lives here.
 */
import type { CallableSpec, LibrarySpec, ParamSpec } from '../catalog/schema';

/** A half-open range of UTF-16 offsets into the document text. */
export type TextSpan = { readonly start: number; readonly end: number };

/** What static evaluation could tell about an expression. */
export type Value =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
  | { readonly kind: 'call'; readonly call: BoundCall }
  /** A name that different paths give different values (branches, `a if c else b`): each alternative, side by side. */
  | { readonly kind: 'oneOf'; readonly alternatives: readonly Expr[] }
  /** A parameter: its default (when it has one) unless the caller passes it, and what the calls in this file pass. */
  | { readonly kind: 'parameter'; readonly name: string; readonly default?: Expr; readonly passed: readonly Expr[] }
  /** A dict (`{"limit": 200}`, `dict(limit=200)`, then `d["key"] = v`): the keys it is known to carry; `complete` when it can carry no others. */
  | { readonly kind: 'dict'; readonly entries: readonly DictEntry[]; readonly complete: boolean }
  | { readonly kind: 'unknown'; readonly reason: string };

/** One key of a dict value; `certain` unless the assignment that adds it may not run (inside a branch or loop). */
export type DictEntry = { readonly key: string; readonly expr: Expr; readonly certain: boolean };

/**
 * An expression as written, with its value; `via` names the variable (or `Class.ATTR`, `self.x`) it
 * was resolved through, and `origin` says in words where that value lives ("attribute of class `Settings`").
 */
export type Expr = {
  readonly span: TextSpan;
  readonly text: string;
  readonly value: Value;
  readonly via?: string;
  readonly origin?: string;
  /** For a value another module of the workspace defines: where. */
  readonly definedIn?: DefinitionSite;
};

/** Where another module of the workspace defines a value: the name, its file and line (1-based), a link when there is one. */
export type DefinitionSite = { readonly name: string; readonly label: string; readonly line: number; readonly offset: number; readonly uri?: string };

/** One argument of a call, bound to the parameter it sets (undefined when no catalogued parameter matches). */
export type BoundArg = {
  readonly param: ParamSpec | undefined;
  /** The keyword as written, or for a positional argument the parameter name it binds to. */
  readonly name: string | undefined;
  readonly keywordSpan?: TextSpan;
  /** The whole argument (`timeout=(1, 2)` or `(1, 2)`). */
  readonly span: TextSpan;
  /** The position among positional arguments, or undefined for a keyword argument. */
  readonly position?: number;
  readonly expr: Expr;
};

/** How the callee was written: through a module alias (`hx.Client`) or an imported name (`Client`). */
export type CalleeStyle =
  | { readonly kind: 'module'; readonly alias: string }
  | { readonly kind: 'name'; readonly localName: string }
  | { readonly kind: 'method'; readonly receiver: BoundCall };

/** A call of a catalogued callable, with every argument bound. */
export type BoundCall = {
  readonly library: LibrarySpec;
  readonly callable: CallableSpec;
  /** The library version the binding and the defaults belong to. */
  readonly version: string;
  /** Every catalogued release the project allows (more than `version` when only a range is known). */
  readonly allowedVersions: readonly string[];
  readonly qualifiedName: string;
  readonly style: CalleeStyle;
  /** For a method call: the construction of the object it is called on (`s` in `s.get(...)`). */
  readonly receiver?: BoundCall;
  readonly span: TextSpan;
  readonly calleeSpan: TextSpan;
  /** The parentheses and what is between them. */
  readonly argumentsSpan: TextSpan;
  readonly args: readonly BoundArg[];
  /** Spans of `*args` and `**kwargs` whose keys are not all known: they may set any parameter. */
  readonly splats: readonly TextSpan[];
  /** Keys a `**dict` argument is known to carry (each certain one is also bound in `args`, at the splat's span). */
  readonly splatKeys?: readonly { readonly key: string; readonly certain: boolean; readonly span: TextSpan }[];
  /** The call runs once per iteration of an enclosing loop or comprehension. */
  readonly inLoop: boolean;
};

/** Why a call may run many times, as far as its module shows (offsets of the loop or definition). */
export type Repetition =
  | { readonly kind: 'loop'; readonly loopStart: number }
  | { readonly kind: 'called-from-loop'; readonly functionName: string; readonly loopStart: number }
  | { readonly kind: 'coroutine'; readonly functionName: string }
  | { readonly kind: 'handler'; readonly functionName: string; readonly decorator: string; readonly runsOn: 'request' | 'task' };

/** Where a call runs: the function around it (if any) and why it may repeat (if it may). */
export type CallPlace = {
  readonly functionName?: string;
  /** The offset of that function's definition: calls with the same one are in the same function. */
  readonly functionStart?: number;
  readonly repeats?: Repetition;
  /** Its result outlives the run: stored on an object or in a container, returned, yielded, or made only when another is missing. */
  readonly kept?: boolean;
  /** Its result is only compared (`assert limits == Limits(...)`) or handed to an assertion helper: it configures nothing. */
  readonly compared?: boolean;
};

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A replacement of a span of the current text. */
export type TextEdit = { readonly span: TextSpan; readonly newText: string };

/** A code change that resolves a finding. `safe` fixes keep behaviour exactly and may run in bulk. */
export type Fix = {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly safe: boolean;
  readonly preferred: boolean;
};

/** A diagnostic of one rule at one place. */
export type Finding = {
  readonly code: string;
  readonly span: TextSpan;
  /** The whole call the finding is about: a suppression comment on any of its lines silences it. */
  readonly callSpan: TextSpan;
  readonly severity: Severity;
  readonly message: string;
  readonly fixes: readonly Fix[];
  readonly deprecated?: boolean;
};

/** An assignment to an attribute of a catalogued object (`session.timeout = 5`). */
export type AttributeWrite = {
  /** The construction of the object whose attribute is set. */
  readonly receiver: BoundCall;
  readonly attribute: string;
  /** The `object.attribute` target. */
  readonly span: TextSpan;
  /** The whole assignment statement. */
  readonly statementSpan: TextSpan;
};
