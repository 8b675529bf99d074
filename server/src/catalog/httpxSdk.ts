/**
 * The shape shared by the generated SDKs that send through an httpx (or httpx2) client, OpenAI's
 * and Anthropic's: clients with `timeout=`, `max_retries=` and `http_client=`, `with_options(...)`,
 * a per-request `timeout=` on every resource method, and the SDK's own `DefaultHttpxClient` that
 * keeps the SDK's pool, timeout and redirect defaults. Each SDK's file gives the facts (with their
 * sources); this module only arranges them into callables. Data only.
 */
import { httpx } from './httpx';
import type { CallableSpec, ConfigSpec, ParamSpec, Source, VersionedDefault, VersionedFields, WrappedClient } from './schema';

/** The facts of one SDK, each with its source at a release tag. */
export type HttpxSdkFacts = {
  /** `DEFAULT_TIMEOUT` as timeout phases, by SDK version. */
  readonly timeout: readonly VersionedFields[];
  /** `DEFAULT_LIMITS` / `DEFAULT_CONNECTION_LIMITS` of the client the SDK builds, by SDK version. */
  readonly limits: readonly VersionedFields[];
  /** Whether the client the SDK builds follows redirects (`follow_redirects=True` from some version on). */
  readonly followRedirects: readonly VersionedDefault[];
  readonly maxRetries: { readonly value: number; readonly source: Source };
  /** `HTTPX_DEFAULT_TIMEOUT`: a passed client's timeout equal to it is ignored in favour of the SDK's. */
  readonly underlyingDefaultTimeout: readonly VersionedFields[];
  /** The modules of the plain clients `http_client=` takes, and httpx's own redirect default. */
  readonly underlyingModules: WrappedClient['underlyingModules'];
  readonly underlyingFollowRedirects: VersionedDefault;
  /** Where the SDK documents `http_client=` (its comment on DefaultHttpxClient). */
  readonly httpClientDocs: Source;
  /** Where `with_options = copy` is defined. */
  readonly withOptions: Source;
  /** A resource method's `timeout: float | httpx.Timeout | None | NotGiven = not_given`. */
  readonly requestTimeout: Source;
  readonly docs: string;
};

export type SdkClient = { readonly name: string; readonly summary: string; readonly source: Source; readonly since?: string };

/** The SDK's `timeout=` on a client: omitted means DEFAULT_TIMEOUT, or the passed client's own when it differs from httpx's default. */
function clientTimeout(facts: HttpxSdkFacts, source: Source): ParamSpec {
  return {
    name: 'timeout',
    default: 'NOT_GIVEN',
    unit: 'seconds',
    type: 'float | Timeout | None',
    meaning: 'The timeout of every request the client sends, per phase; a request or `with_options(...)` may set its own.',
    config: 'httpx.Timeout',
    omittedFields: facts.timeout,
    fromWrappedClientUnless: facts.underlyingDefaultTimeout,
    noneDisablesAll: true,
    source,
  };
}

function maxRetries(facts: HttpxSdkFacts, source: Source, omittedUsesReceiver?: string): ParamSpec {
  const value = facts.maxRetries.value;
  return {
    name: 'max_retries',
    default: omittedUsesReceiver ? 'NOT_GIVEN' : 'DEFAULT_MAX_RETRIES',
    unit: 'retries',
    type: 'int',
    meaning: 'How often a failed request (connection error, timeout, 408, 409, 429, 5xx) is retried, with backoff.',
    effectiveDefault: omittedUsesReceiver ? undefined : { value, text: `${value}` },
    omittedUsesReceiver,
    source: omittedUsesReceiver ? source : facts.maxRetries.source,
  };
}

function httpClient(source: Source): ParamSpec {
  return {
    name: 'http_client',
    default: 'None',
    unit: 'none',
    type: 'httpx.Client | None',
    meaning: "The HTTP client that sends every request; without it the SDK builds its own with the SDK's pool, timeout and redirect defaults.",
    source,
  };
}

/** An SDK client constructor (`OpenAI`, `AsyncAnthropic`, ...): keyword-only. */
export function sdkClient(facts: HttpxSdkFacts, client: SdkClient, defaultClient: string): CallableSpec {
  return {
    name: client.name,
    kind: 'client',
    summary: client.summary,
    docs: facts.docs,
    params: [clientTimeout(facts, client.source), maxRetries(facts, client.source), httpClient(client.source)],
    positional: [{ versions: {}, names: [], source: client.source }],
    wrapsClient: {
      param: 'http_client',
      defaultClient,
      underlyingModules: facts.underlyingModules,
      limits: { config: 'httpx.Limits', param: 'limits', sdkDefault: facts.limits },
      redirects: { param: 'follow_redirects', sdkDefault: facts.followRedirects, underlyingDefault: facts.underlyingFollowRedirects },
      source: facts.httpClientDocs,
    },
    since: client.since,
    source: client.source,
  };
}

/** `client.with_options(timeout=..., max_retries=...)`: a copy that shares the client's pool; what it omits, the client decides. */
export function withOptions(facts: HttpxSdkFacts, receiver: string): CallableSpec {
  const source = facts.withOptions;
  return {
    name: 'with_options',
    receiver,
    kind: 'client-options',
    summary: 'A copy of the client with these options changed; it sends through the same HTTP client and pool.',
    docs: facts.docs,
    params: [
      { ...clientTimeout(facts, source), default: 'NOT_GIVEN', omittedFields: undefined, fromWrappedClientUnless: undefined, omittedUsesReceiver: 'timeout' },
      maxRetries(facts, source, 'max_retries'),
    ],
    positional: [{ versions: {}, names: [], source }],
    returns: receiver,
    source,
  };
}

/** Any resource method reached from a client (`client.chat.completions.create(...)`): its `timeout=` is this request's. */
export function resourceMethod(facts: HttpxSdkFacts, receiver: string): CallableSpec {
  const source = facts.requestTimeout;
  return {
    name: '*',
    receiver,
    kind: 'request-method',
    summary: 'A request of the API; without `timeout=` it runs with the timeout of the client it is called on.',
    docs: facts.docs,
    params: [{ ...clientTimeout(facts, source), omittedFields: undefined, fromWrappedClientUnless: undefined, omittedUsesReceiver: 'timeout', meaning: 'The timeout of this request, per phase.' }],
    positional: [{ versions: {}, names: [], source }],
    anyResourcePath: true,
    source,
  };
}

/** The SDK's `DefaultHttpxClient` (or async): httpx's client with the SDK's timeout, limits and `follow_redirects=True` as defaults. */
export function sdkDefaultClient(facts: HttpxSdkFacts, client: SdkClient, base: 'Client' | 'AsyncClient'): CallableSpec {
  const httpxClient = httpx.callables.find((callable) => callable.name === base)!;
  const params = httpxClient.params
    .filter((param) => !param.lifecycle)
    .map((param): ParamSpec => {
      if (param.name === 'timeout') return { ...param, default: 'DEFAULT_TIMEOUT', omittedFields: facts.timeout, source: client.source };
      if (param.name === 'limits') return { ...param, default: 'DEFAULT_CONNECTION_LIMITS', omittedFields: facts.limits, since: undefined, source: client.source };
      return param;
    });
  const followRedirects: ParamSpec = {
    name: 'follow_redirects',
    default: 'True',
    unit: 'none',
    type: 'bool',
    meaning: 'Follow redirect responses (the SDK sets True; a plain httpx client defaults to False).',
    source: client.source,
  };
  return { ...httpxClient, name: client.name, summary: client.summary, params: [...params, followRedirects], factsKey: undefined, since: client.since, source: client.source };
}

/** The httpx configs the SDK's parameters take (`httpx.Timeout`, `httpx.Limits`), built by httpx's own callables. */
export function sdkConfigs(source: Source): ConfigSpec[] {
  return httpx.configs.map((config) => ({ ...config, foreignBuilder: { module: 'httpx', source } }));
}
