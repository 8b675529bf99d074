/**
 * The shape of library knowledge. Every library is one object literal of these types; the
 * analysis and the checks read only these fields and never name a library themselves.
 * Must stay plain data: no functions, no imports beyond this file.
 */

/** Where a fact was read: a public repository, a release tag, a file and (when known) a line. */
export type Source = {
  readonly repo: string;
  readonly tag: string;
  readonly path: string;
  readonly line?: number;
};

/** An inclusive-from, exclusive-until range of library versions; either end may be open. */
export type VersionRange = {
  readonly from?: string;
  readonly until?: string;
};

/** The unit a value is measured in; "none" for flags, objects and text. */
export type Unit = 'seconds' | 'connections' | 'retries' | 'redirects' | 'pools' | 'none';

/** A rename or removal: from which version the name warns, from which it is gone, and what replaces it. */
export type Lifecycle = {
  readonly deprecatedIn?: string;
  readonly removedIn?: string;
  /** The name that replaces this one (a parameter name, or a callable's qualified name). */
  readonly replacement?: string;
  /** The library's own warning or error text, when it has one. */
  readonly warning?: string;
  readonly source: Source;
};

/** Field values that hold for a range of versions. */
export type VersionedFields = {
  readonly versions: VersionRange;
  readonly values: Readonly<Record<string, number | null>>;
  readonly source: Source;
};

/** A parameter default (Python text) that holds for a range of versions. */
export type VersionedDefault = {
  readonly versions: VersionRange;
  readonly default: string;
  readonly source: Source;
};

/** One documented parameter of a callable. */
export type ParamSpec = {
  readonly name: string;
  /** Python text of the default as written in the source (`None`, `5.0`, `DEFAULT_LIMITS`). */
  readonly default: string;
  readonly unit: Unit;
  /** One sentence: what the parameter does. */
  readonly meaning: string;
  /** The Python type as documented, for hover text. */
  readonly type: string;
  /** The configuration object this parameter takes (a ConfigSpec id), when it takes one. */
  readonly config?: string;
  /** The field values this parameter stands for when it is omitted (e.g. the client's DEFAULT_LIMITS), by version. */
  readonly omittedFields?: readonly VersionedFields[];
  /** The default in effect at some versions, where it differs from `default` (as Python text). */
  readonly defaultsByVersion?: readonly VersionedDefault[];
  /** The value a client uses for this field when no config object is given at all (Limits' 100/20). */
  readonly clientDefault?: number | null;
  /** Present when the parameter's value replaces the whole pool, so these sibling parameters stop applying. */
  readonly overrides?: {
    readonly params: readonly string[];
    /** Why they stop applying, and what still uses them. */
    readonly explanation: string;
  };
  /** An explicit `None` turns off every limit this parameter governs. */
  readonly noneDisablesAll?: boolean;
  readonly since?: string;
  readonly lifecycle?: Lifecycle;
  readonly source: Source;
};

/** Which parameters may be passed by position, in which order, for a range of versions. */
export type PositionalOrder = {
  readonly versions: VersionRange;
  readonly names: readonly string[];
  readonly source: Source;
};

/** What role a callable plays; checks select callables by kind, never by name. */
export type CallableKind = 'client' | 'transport' | 'config' | 'request-function' | 'request-method' | 'mount-method';

/** When all connections are busy: which field caps them, which field bounds the wait, what is raised. */
export type PoolWait = {
  readonly capParam: string;
  readonly capField: string;
  readonly waitParam: string;
  readonly waitField: string;
  readonly raises: string;
};

/** A constructor or function whose arguments configure pools or timeouts. */
export type CallableSpec = {
  /** The name under the library's module, e.g. `Client` or `Timeout`; for a method, the method's name. */
  readonly name: string;
  /** For a method: the callable (in the same library) whose instances have it, e.g. `Session` for `get`. */
  readonly receiver?: string;
  readonly kind: CallableKind;
  readonly summary: string;
  readonly docs: string;
  /** Every parameter we bind: the configuration ones, and any that may come before them positionally. */
  readonly params: readonly ParamSpec[];
  readonly positional: readonly PositionalOrder[];
  /** For a config callable: the ConfigSpec it builds. */
  readonly builds?: string;
  /** Positional use is ambiguous (its order changed, or is easy to misread): flag and convert it. */
  readonly positionalIsAmbiguous?: boolean;
  readonly poolWait?: PoolWait;
  /** Each call makes a throwaway pool (module-level request functions). */
  readonly poolPerCall?: boolean;
  readonly since?: string;
  readonly lifecycle?: Lifecycle;
  /** The key of this callable in shared/docs/library-facts.json, when it is there. */
  readonly factsKey?: string;
  readonly source: Source;
};

/** A rule that two fields of a config object must keep. */
export type FieldConstraint =
  | { readonly kind: 'not-above'; readonly field: string; readonly limit: string; readonly explanation: string }
  | { readonly kind: 'positive'; readonly field: string; readonly explanation: string };

/** One field of a configuration object (`Timeout.pool`, `Limits.max_connections`). */
export type FieldSpec = {
  readonly name: string;
  readonly unit: Unit;
  readonly meaning: string;
  /** How `None` reads for this field in a card ("no limit", "never expires"). */
  readonly noneMeans: string;
};

/** A configuration object and the ways a parameter that takes it may be written. */
export type ConfigSpec = {
  /** `<library>.<Name>`, e.g. `httpx.Timeout`. */
  readonly id: string;
  /** The callable (in the same library) that builds it. */
  readonly callable: string;
  readonly fields: readonly FieldSpec[];
  /** A bare number sets every field to it. */
  readonly numberSetsAllFields?: boolean;
  /** A bare None sets every field to None. */
  readonly noneSetsAllFields?: boolean;
  /** A tuple is read positionally in this order; missing trailing items become None. */
  readonly tuple?: {
    readonly order: readonly string[];
    readonly minLength: number;
    /** Keyword arguments next to a tuple are ignored by the library. */
    readonly ignoresKeywords: boolean;
    readonly source: Source;
  };
  /** The parameter of the building callable that fills every field not given by keyword. */
  readonly fallbackParam?: string;
  /** Without the fallback, every field must be given, else the library raises. */
  readonly fallbackOrAllFieldsRequired?: { readonly error: string; readonly since: string; readonly source: Source };
  readonly constraints?: readonly FieldConstraint[];
  readonly docs: string;
};

/** One library: its import names, the versions the catalog covers, its callables and config objects. */
export type LibrarySpec = {
  readonly id: string;
  readonly displayName: string;
  /** Top-level module names that import it (`httpx`). */
  readonly modules: readonly string[];
  /** The newest release the catalog was checked against; assumed when the project's version is unknown. */
  readonly newestVersion: string;
  /** Every release the catalog knows, oldest first: a version range resolves against these. */
  readonly releases: readonly string[];
  /** The distribution name on PyPI, as lock files and requirements name it. */
  readonly distribution: string;
  readonly repo: string;
  readonly callables: readonly CallableSpec[];
  readonly configs: readonly ConfigSpec[];
};
