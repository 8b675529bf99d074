/**
 * The shape of library knowledge. Every library is one object literal of these types; the
 * analysis and the checks read only these fields and never name a library themselves.
 * Must stay plain data: no functions, no imports beyond the schema files.
 */
import type { DefaultsModeOption, RetryOption } from './retrySchema';

/** Where a fact was read: a public repository, a release tag, a file and (when known) a line. */
export type Source = {
  readonly repo: string;
  readonly tag: string;
  readonly path: string;
  readonly line?: number;
  /** For a fact read from unreleased code: the commit read, with `tag` naming its branch (`master`). */
  readonly commit?: string;
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
  /**
   * For a keyword whose value moved into a field of the config that `replacement` takes
   * (aiohttp's `read_timeout=5` → `timeout=ClientTimeout(total=5)`): that field.
   */
  readonly replacementField?: string;
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

/** A value that holds for a range of versions. */
export type VersionedValue = {
  readonly versions: VersionRange;
  readonly value: number | null;
  readonly source: Source;
};

/**
 * How a bare number or `None` passed to a config-taking parameter reads at some versions, where
 * that differs from the config's own rules (aiohttp: a session rejects a number; a per-request
 * `None` disables every timeout in 3.x but means "the session's" in 4.0).
 */
export type ScalarReading = {
  readonly versions: VersionRange;
  /** A bare number fails: the library's error, or what goes wrong when it is used. */
  readonly numberError?: string;
  /** `None`: the same as leaving the parameter out, every field None, or a failure with this text. */
  readonly none?: 'omitted' | 'all-none' | { readonly error: string };
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
  /** How a bare number or None reads here, by version, where it differs from the config's rules. */
  readonly scalarReadings?: readonly ScalarReading[];
  /** The client's own default for this config field where it changed between versions (overrides `clientDefault` there). */
  readonly clientDefaultsByVersion?: readonly VersionedValue[];
  /** What a named or sentinel default stands for (`DEFAULT_POOLSIZE` is 10; urllib3's `retries=None` means `Retry.DEFAULT`, 3). */
  readonly effectiveDefault?: { readonly value: number | boolean | null; readonly text: string };
  /** For a method: when omitted, this parameter of the receiver applies (urllib3's `pool.request()` uses the pool's `timeout=`). */
  readonly omittedUsesReceiver?: string;
  /**
   * For the timeout of an SDK client that wraps another client (`WrappedClient`): when omitted, the
   * wrapped client's own timeout is used if it differs from these values (the underlying library's
   * default), else `omittedFields`.
   */
  readonly fromWrappedClientUnless?: readonly VersionedFields[];
  /** A size that is only a soft cap unless this sibling flag is true: beyond it, extra connections are opened and discarded. */
  readonly softCapUnless?: {
    readonly param: string;
    readonly explanation: string;
    /** What the size counts, for comparing like with like ("per host"). */
    readonly scope: string;
    /** What a request beyond the size does while the flag is false. */
    readonly whenFull: string;
    /** What a request beyond the size does while the flag is true. */
    readonly whenFullBlocking: string;
  };
  readonly since?: string;
  readonly lifecycle?: Lifecycle;
  readonly source: Source;
};

/** An attribute that code sets on instances but the library never reads (`session.timeout = 5`). */
export type IgnoredAttribute = {
  readonly name: string;
  /** Why setting it has no effect, and what works instead. */
  readonly explanation: string;
  readonly source: Source;
};

/** Which parameters may be passed by position, in which order, for a range of versions. */
export type PositionalOrder = {
  readonly versions: VersionRange;
  readonly names: readonly string[];
  readonly source: Source;
};

/** Parameters that mislead when passed by position, once at least `minArgs` arguments are (`Timeout(5, 10)` reads as connect/read). */
export type MisleadingPositional = {
  readonly params: readonly string[];
  /** Fewer positional arguments read as expected (`Timeout(5)` is a total of 5 s); default 1. */
  readonly minArgs?: number;
  /** What the reader gets wrong, for the message. */
  readonly explanation: string;
  readonly source: Source;
};

/** What role a callable plays; checks select callables by kind, never by name. */
export type CallableKind =
  | 'client'
  | 'transport'
  | 'config'
  | 'request-function'
  | 'request-method'
  | 'mount-method'
  /** A copy of its receiver with some options changed that shares the receiver's pool (`client.with_options(...)`). */
  | 'client-options'
  /** Holds credentials and settings and builds clients, with no pool of its own (`boto3.Session`). */
  | 'factory';

/**
 * An SDK client that sends through a client of an underlying HTTP library (`OpenAI(http_client=...)`):
 * when the parameter is omitted the SDK builds `defaultClient` (its own defaults: pool, timeout,
 * redirects); a plain client of `underlyingModules` passed instead keeps that library's defaults.
 */
export type WrappedClient = {
  /** The parameter that takes the underlying client. */
  readonly param: string;
  /** The SDK's own client class (same library) that the SDK builds when `param` is omitted. */
  readonly defaultClient: string;
  /** The modules whose plain clients the parameter accepts, by version of the SDK (httpx, then httpx2 and httpx); the first in range is the SDK's own. */
  readonly underlyingModules: readonly { readonly versions: VersionRange; readonly module: string; readonly source: Source }[];
  /** The config (id) of the pool limits, the client parameter that takes it, and the SDK's own limits by version. */
  readonly limits: { readonly config: string; readonly param: string; readonly sdkDefault: readonly VersionedFields[] };
  /** The redirect flag of the client, whether the client the SDK builds follows redirects, and whether a plain one does. */
  readonly redirects: { readonly param: string; readonly sdkDefault: readonly VersionedDefault[]; readonly underlyingDefault: VersionedDefault };
  readonly source: Source;
};

/** When all connections are busy: which field caps them, which field bounds the wait, what is raised. */
export type PoolWait = {
  readonly capParam: string;
  readonly capField: string;
  readonly waitParam: string;
  readonly waitField: string;
  /** A field that bounds the wait as well, and alone when `waitField` is None (aiohttp's `total`). */
  readonly overallField?: string;
  readonly raises: string;
  /** What the cap counts, for comparing like with like ("per client, across all hosts"). */
  readonly capScope: string;
  /** A flag of the client under which one connection carries many requests at once (HTTP/2), so the cap is not the bound on concurrency. */
  readonly multiplexedBy?: string;
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
  /** Positions documented as misleading though they never changed (`PoolManager(4)` is `num_pools`); see core/positionalMeaning.ts. */
  readonly misleadingPositional?: MisleadingPositional;
  readonly poolWait?: PoolWait;
  /** Each call makes a throwaway pool (module-level request functions). */
  readonly poolPerCall?: boolean;
  readonly since?: string;
  readonly lifecycle?: Lifecycle;
  /** The key of this callable in test/fixtures/library-facts/library-facts.json, when it is there. */
  readonly factsKey?: string;
  /** Other paths under the library's modules that name the same callable (`util.retry.Retry` for `Retry`). */
  readonly aliases?: readonly string[];
  /** Attributes of its instances that the library ignores when set. */
  readonly ignoredAttributes?: readonly IgnoredAttribute[];
  /**
   * For a client whose pool lives in a default adapter object (a requests Session mounts `HTTPAdapter()`):
   * that adapter's callable, and the method (kind `mount-method`) whose `adapterParam` replaces it.
   */
  readonly defaultPool?: { readonly callable: string; readonly mountMethod: string; readonly adapterParam: string; readonly prefixParam: string };
  /** For a client with no timeout of its own: the method parameter whose omitted value every request uses, and why. */
  readonly perRequestTimeout?: { readonly method: string; readonly param: string; readonly explanation: string };
  /** For an SDK client over another HTTP client: which parameter takes it and what the SDK builds without it. */
  readonly wrapsClient?: WrappedClient;
  /**
   * For a method: it stands for every method of any resource reached through attributes of the
   * receiver (`client.chat.completions.create(...)`), whatever the path; its name is `*`.
   */
  readonly anyResourcePath?: boolean;
  /**
   * For an any-path resource method: the methods (paths under the client, `messages.create`) that
   * raise before sending when they are not streamed, no timeout is set anywhere, and the token
   * budget implies a longer wait than the SDK's default timeout (Anthropic's "Streaming is required").
   */
  readonly streamingRequired?: {
    readonly paths: readonly string[];
    readonly tokensParam: string;
    readonly streamParam: string;
    /** The largest token budget that still runs without streaming. */
    readonly maxTokens: number;
    readonly error: string;
    readonly since: string;
    readonly source: Source;
  };
  /**
   * For a method that merges another config into the receiver's (`Config.merge(other)`): the
   * parameter whose explicitly set fields win over the receiver's.
   */
  readonly mergesParam?: string;
  /** The callable whose instances this one returns (`connection_from_url` returns an `HTTPConnectionPool`), for method calls on the result. */
  readonly returns?: string;
  /**
   * For a client whose request methods are made at run time (an AWS client's operations): every
   * method called on it sends requests through its pool; some run several at once on it.
   */
  readonly methodsSendRequests?: {
    readonly concurrentMethods: readonly { readonly name: string; readonly concurrency: number; readonly text: string; readonly source: Source }[];
    readonly source: Source;
  };
  /** A pool sized by a field of its config (botocore `max_pool_connections`) that is a soft cap: beyond it, connections are opened and discarded. */
  readonly poolSize?: { readonly field: string; readonly scope: string; readonly whenFull: string; readonly source: Source };
  readonly source: Source;
};

/** A rule that two fields of a config object must keep. */
export type FieldConstraint =
  /** `field` above `limit` acts as `limit` (the library caps it there): a larger value is never used. */
  | { readonly kind: 'not-above'; readonly field: string; readonly limit: string; readonly explanation: string }
  | { readonly kind: 'positive'; readonly field: string; readonly explanation: string };

/** One field of a configuration object (`Timeout.pool`, `Limits.max_connections`). */
export type FieldSpec = {
  readonly name: string;
  readonly unit: Unit;
  readonly meaning: string;
  /** How `None` reads for this field in a card ("no limit", "never expires"). */
  readonly noneMeans: string;
  /** How 0 reads, when the library takes 0 as "no limit" (aiohttp's `limit=0`). */
  readonly zeroMeans?: string;
  /** Fields whose limit also bounds this one (a total deadline bounds every phase): a None here is not unbounded while one of them is set. */
  readonly boundedBy?: readonly string[];
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
  /** A bare number sets only these fields; the others keep the building callable's defaults (urllib3's `Timeout.from_float`). */
  readonly numberSetsFields?: readonly string[];
  /** A bare None sets every field to None. */
  readonly noneSetsAllFields?: boolean;
  /** An object with every field None turns every limit off (flagged like an explicit `timeout=None`). */
  readonly allNoneDisablesAll?: boolean;
  /** A tuple is read positionally in this order; missing trailing items become None. */
  readonly tuple?: {
    readonly order: readonly string[];
    readonly minLength: number;
    /** Keyword arguments next to a tuple are ignored by the library. */
    readonly ignoresKeywords: boolean;
    /** The most items the library accepts. */
    readonly maxLength?: number;
    /** The library's error for a tuple of a length it does not accept (else a short tuple reads as IndexError). */
    readonly lengthError?: string;
    /** The tuple is a documented, complete form: PG101 only hints, and its fix is not preferred, with this caveat in its title. */
    readonly documentedForm?: { readonly fixCaveat: string };
    readonly source: Source;
  };
  /** Built by a callable of another library's module (requests takes urllib3's `Timeout`), accepted since this library's `since`. */
  readonly foreignBuilder?: { readonly module: string; readonly since?: string; readonly source: Source };
  /** The parameter of the building callable that fills every field not given by keyword. */
  readonly fallbackParam?: string;
  /** Without the fallback, every field must be given, else the library raises. */
  readonly fallbackOrAllFieldsRequired?: { readonly error: string; readonly since: string; readonly source: Source };
  readonly constraints?: readonly FieldConstraint[];
  /** A dict option that sets the retry mode and attempts of every client built with it. */
  readonly retries?: RetryOption;
  /** An option that picks a preset of defaults (connect timeout, retry mode). */
  readonly defaultsMode?: DefaultsModeOption;
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
  /** What the repository's release tags put before the version (`v` for `v3.14.3`). */
  readonly tagPrefix?: string;
  readonly callables: readonly CallableSpec[];
  readonly configs: readonly ConfigSpec[];
};
