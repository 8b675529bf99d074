/**
 * httpx (encode/httpx): clients, transports, Limits, Timeout and the request functions, with the
 * renamed and removed names of older releases (the config objects live in `httpxConfig.ts`). Facts
 * were read from the release tags named in each `source`; the tests check them against
 * `test/fixtures/library-facts/`. Data only.
 */
import { HTTPX_REPO as REPO, httpxAt as at, httpxConfigCallables, httpxConfigs, LIMITS_DOCS } from './httpxConfig';
import type { CallableSpec, LibrarySpec, ParamSpec, PositionalOrder, Source, VersionedFields } from './schema';

const CLIENT_SIG = at('0.28.1', 'httpx/_client.py', 639);
const ASYNC_CLIENT_SIG = at('0.28.1', 'httpx/_client.py', 1353);
const TRANSPORT_SIG = at('0.28.1', 'httpx/_transports/default.py', 136);
const ASYNC_TRANSPORT_SIG = at('0.28.1', 'httpx/_transports/default.py', 280);
const API = at('0.28.1', 'httpx/_api.py');

const TRANSPORT_DOCS = 'https://www.python-httpx.org/advanced/transports/';
const API_DOCS = 'https://www.python-httpx.org/api/';

/** `DEFAULT_TIMEOUT_CONFIG = Timeout(timeout=5.0)`: every phase 5 s, in every covered release. */
const DEFAULT_TIMEOUT_FIELDS: VersionedFields[] = [
  { versions: {}, values: { connect: 5.0, read: 5.0, write: 5.0, pool: 5.0 }, source: at('0.28.1', 'httpx/_config.py', 246) },
];

/**
 * What a client without `limits=` uses: `DEFAULT_POOL_LIMITS` (10 kept alive, 100 connections; no
 * expiry passed to httpcore before 0.13.3, then the hard-coded 5 s), and from 0.14 `DEFAULT_LIMITS`
 * (100 / 20), with the expiry from Limits' own default since 0.17.
 */
const DEFAULT_LIMIT_FIELDS: VersionedFields[] = [
  { versions: { until: '0.13.3' }, values: { max_connections: 100, max_keepalive_connections: 10, keepalive_expiry: null }, source: at('0.13.2', 'httpx/_config.py', 370) },
  { versions: { from: '0.13.3', until: '0.14.0' }, values: { max_connections: 100, max_keepalive_connections: 10, keepalive_expiry: 5.0 }, source: at('0.13.3', 'httpx/_client.py', 49) },
  { versions: { from: '0.14.0' }, values: { max_connections: 100, max_keepalive_connections: 20, keepalive_expiry: 5.0 }, source: at('0.28.1', 'httpx/_config.py', 247) },
];

function timeoutParam(source: Source, meaning: string): ParamSpec {
  return {
    name: 'timeout',
    default: 'DEFAULT_TIMEOUT_CONFIG',
    unit: 'seconds',
    type: 'float | None | tuple | Timeout',
    meaning,
    config: 'httpx.Timeout',
    omittedFields: DEFAULT_TIMEOUT_FIELDS,
    noneDisablesAll: true,
    source,
  };
}

function limitsParam(source: Source, meaning: string): ParamSpec {
  return {
    name: 'limits',
    default: 'DEFAULT_LIMITS',
    unit: 'none',
    type: 'Limits',
    meaning,
    config: 'httpx.Limits',
    omittedFields: DEFAULT_LIMIT_FIELDS,
    source,
  };
}

function flag(name: string, value: string, meaning: string, source: Source, since?: string): ParamSpec {
  return { name, default: value, unit: 'none', type: 'bool', meaning, source, since };
}

/** `http2Since`: the sync Client gained `http2=` only in 0.13.2 (0.13.2 `httpx/_client.py:439`); AsyncClient always had it. */
function clientParams(source: Source, http2Since: string | undefined): ParamSpec[] {
  return [
    timeoutParam(source, 'The default timeout for every request the client sends, per phase: connect, read, write and the wait for a pooled connection.'),
    { ...limitsParam(source, 'The connection-pool limits of the client\'s default transport.'), since: '0.14.0' },
    {
      name: 'pool_limits',
      default: 'None',
      // Before `limits=` existed, this was the pool setting itself, defaulting to the module's PoolLimits.
      defaultsByVersion: [{ versions: { until: '0.14.0' }, default: 'DEFAULT_POOL_LIMITS', source: at('0.13.3', 'httpx/_client.py', 448) }],
      unit: 'none',
      type: 'PoolLimits | Limits',
      meaning: 'The old name of `limits=`.',
      config: 'httpx.Limits',
      omittedFields: DEFAULT_LIMIT_FIELDS,
      lifecycle: {
        deprecatedIn: '0.14.0',
        removedIn: '0.18.0',
        replacement: 'limits',
        warning: 'Client(..., pool_limits=...) is deprecated and will raise errors in the future. Use Client(..., limits=...) instead.',
        source: at('0.14.0', 'httpx/_client.py', 489),
      },
      source: at('0.17.1', 'httpx/_client.py', 566),
    },
    {
      name: 'transport',
      default: 'None',
      unit: 'none',
      type: 'BaseTransport | None',
      meaning: 'A transport that sends every request instead of the default pooled transport.',
      overrides: {
        params: ['limits', 'http1', 'http2', 'verify', 'cert'],
        explanation: 'the client builds its default transport from these only when `transport=` is not given; they still apply to proxy transports made from `proxy=` or the environment',
      },
      source,
    },
    flag('http1', 'True', 'Allow HTTP/1.1 connections.', source, '0.18.2'),
    flag('http2', 'False', 'Allow HTTP/2 connections (needs the `h2` package); one HTTP/2 connection carries many requests.', source, http2Since),
    flag('trust_env', 'True', 'Read proxy and TLS settings from environment variables.', source),
    { name: 'verify', default: 'True', unit: 'none', type: 'ssl.SSLContext | str | bool', meaning: 'TLS certificate verification for the default transport.', source },
    { name: 'cert', default: 'None', unit: 'none', type: 'CertTypes | None', meaning: 'A client certificate for the default transport.', source },
    { name: 'max_redirects', default: '20', unit: 'redirects', type: 'int', meaning: 'The most redirects followed for one request.', source },
  ];
}

const TRANSPORT_ORDERS = (source: Source): PositionalOrder[] => [
  { versions: { from: '0.17.0', until: '0.18.2' }, names: ['verify', 'cert', 'http2', 'limits', 'trust_env', 'proxy', 'uds', 'local_address', 'retries', 'backend'], source: at('0.17.0', 'httpx/_transports/default.py', 42) },
  { versions: { from: '0.18.2', until: '0.21.0' }, names: ['verify', 'cert', 'http1', 'http2', 'limits', 'trust_env', 'proxy', 'uds', 'local_address', 'retries', 'backend'], source: at('0.20.0', 'httpx/_transports/default.py', 116) },
  { versions: { from: '0.21.0', until: '0.25.0' }, names: ['verify', 'cert', 'http1', 'http2', 'limits', 'trust_env', 'proxy', 'uds', 'local_address', 'retries'], source: at('0.24.1', 'httpx/_transports/default.py', 113) },
  { versions: { from: '0.25.0', until: '0.28.0' }, names: ['verify', 'cert', 'http1', 'http2', 'limits', 'trust_env', 'proxy', 'uds', 'local_address', 'retries', 'socket_options'], source: at('0.27.2', 'httpx/_transports/default.py', 125) },
  { versions: { from: '0.28.0' }, names: ['verify', 'cert', 'trust_env', 'http1', 'http2', 'limits', 'proxy', 'uds', 'local_address', 'retries', 'socket_options'], source },
];

/** `backend`: the removed parameter's default differs per transport (`"sync"` / `"auto"`), so each passes its own with its source. */
function transportParams(source: Source, backend: { readonly default: string; readonly source: Source }): ParamSpec[] {
  return [
    { name: 'verify', default: 'True', unit: 'none', type: 'ssl.SSLContext | str | bool', meaning: 'TLS certificate verification.', source },
    { name: 'cert', default: 'None', unit: 'none', type: 'CertTypes | None', meaning: 'A client certificate.', source },
    flag('trust_env', 'True', 'Read TLS settings from environment variables.', source),
    flag('http1', 'True', 'Allow HTTP/1.1 connections.', source, '0.18.2'),
    flag('http2', 'False', 'Allow HTTP/2 connections (needs the `h2` package).', source),
    limitsParam(source, 'The connection-pool limits of this transport.'),
    { name: 'proxy', default: 'None', unit: 'none', type: 'ProxyTypes | None', meaning: 'A proxy that every connection goes through.', source },
    { name: 'uds', default: 'None', unit: 'none', type: 'str | None', meaning: 'Connect through this Unix domain socket.', source },
    { name: 'local_address', default: 'None', unit: 'none', type: 'str | None', meaning: 'The local IP address to connect from.', source },
    {
      name: 'retries',
      default: '0',
      unit: 'retries',
      type: 'int',
      meaning: 'How often to retry establishing a connection after a ConnectError or ConnectTimeout, with exponential backoff (0.5 s factor); requests themselves are never retried.',
      source,
    },
    { name: 'socket_options', default: 'None', unit: 'none', type: 'Iterable[SOCKET_OPTION] | None', meaning: 'Socket options set on every new connection.', since: '0.25.0', source },
    {
      name: 'backend',
      default: backend.default,
      unit: 'none',
      type: 'str',
      meaning: 'The network backend.',
      lifecycle: { removedIn: '0.21.0', source: at('0.21.0', 'httpx/_transports/default.py') },
      source: backend.source,
    },
  ];
}

const CLIENT_POOL_WAIT = {
  capParam: 'limits',
  capField: 'max_connections',
  waitParam: 'timeout',
  waitField: 'pool',
  raises: 'httpx.PoolTimeout',
  // max_connections goes to the one httpcore.ConnectionPool of the client's transport: 0.27.2 httpx/_transports/default.py:156-158.
  capScope: 'per client, across all hosts',
  multiplexedBy: 'http2',
};

function client(name: string, summary: string, source: Source, http2Since?: string): CallableSpec {
  return {
    name,
    kind: 'client',
    summary,
    docs: LIMITS_DOCS,
    params: clientParams(source, http2Since),
    positional: [{ versions: {}, names: [], source }],
    poolWait: CLIENT_POOL_WAIT,
    factsKey: name,
    source,
  };
}

function transport(name: string, summary: string, source: Source, backend: { readonly default: string; readonly source: Source }): CallableSpec {
  return {
    name,
    kind: 'transport',
    summary,
    docs: TRANSPORT_DOCS,
    params: transportParams(source, backend),
    positional: TRANSPORT_ORDERS(source),
    since: '0.17.0',
    factsKey: name,
    source,
  };
}

function requestFunction(name: string, leading: readonly string[]): CallableSpec {
  const leadingParams: ParamSpec[] = leading.map((param) => ({
    name: param,
    default: '(required)',
    unit: 'none',
    type: param === 'url' ? 'URL | str' : 'str',
    meaning: param === 'url' ? 'The URL to request.' : 'The HTTP method.',
    source: API,
  }));
  return {
    name,
    kind: 'request-function',
    summary: `Sends one request through a new client that is closed afterwards, so no connection is reused.`,
    docs: API_DOCS,
    params: [...leadingParams, timeoutParam(API, 'The timeout for this request, per phase: connect, read, write and the wait for a connection.')],
    positional: [{ versions: {}, names: leading, source: API }],
    poolPerCall: true,
    source: API,
  };
}

/**
 * `client.get(url)` and friends on a Client or AsyncClient: they send through the client's pool
 * (bound so that the concurrency analysis sees which client a task uses); only the URL is bound.
 */
function clientMethod(receiver: 'Client' | 'AsyncClient', name: string, leading: readonly string[]): CallableSpec {
  const source = at('0.28.1', 'httpx/_client.py');
  return {
    name,
    receiver,
    kind: 'request-method',
    summary: "Sends one request through the client's pool, with the client's timeouts unless `timeout=` is given.",
    docs: API_DOCS,
    params: leading.map((param) => ({ name: param, default: '(required)', unit: 'none', type: param === 'url' ? 'URL | str' : 'str', meaning: param === 'url' ? 'The URL to request.' : 'The HTTP method.', source })),
    positional: [{ versions: {}, names: leading, source }],
    source,
  };
}

const CLIENT_METHODS: readonly CallableSpec[] = (['Client', 'AsyncClient'] as const).flatMap((receiver) => [
  ...['get', 'options', 'head', 'post', 'put', 'patch', 'delete'].map((name) => clientMethod(receiver, name, ['url'])),
  clientMethod(receiver, 'request', ['method', 'url']),
  clientMethod(receiver, 'stream', ['method', 'url']),
]);

/** The httpx catalog, checked against 0.28.1 and the earlier tags cited per fact. */
export const httpx: LibrarySpec = {
  id: 'httpx',
  displayName: 'httpx',
  modules: ['httpx'],
  newestVersion: '0.28.1',
  distribution: 'httpx',
  // The release tags of encode/httpx from 0.12.0 on (the abandoned 1.0.0.beta0 tag left out).
  releases: [
    '0.12.0', '0.12.1', '0.13.0', '0.13.1', '0.13.2', '0.13.3', '0.14.0', '0.14.1', '0.14.2', '0.14.3',
    '0.15.0', '0.15.1', '0.15.2', '0.15.3', '0.15.4', '0.15.5', '0.16.0', '0.16.1', '0.17.0', '0.17.1',
    '0.18.0', '0.18.1', '0.18.2', '0.19.0', '0.20.0', '0.21.0', '0.21.1', '0.21.2', '0.21.3', '0.22.0',
    '0.23.0', '0.23.1', '0.23.2', '0.23.3', '0.24.0', '0.24.1', '0.25.0', '0.25.1', '0.25.2', '0.26.0',
    '0.27.0', '0.27.1', '0.27.2', '0.28.0', '0.28.1',
  ],
  repo: REPO,
  callables: [
    client('Client', 'A synchronous HTTP client with a connection pool.', CLIENT_SIG, '0.13.2'),
    client('AsyncClient', 'An asynchronous HTTP client with a connection pool.', ASYNC_CLIENT_SIG),
    transport('HTTPTransport', 'The default synchronous transport: one connection pool.', TRANSPORT_SIG, { default: '"sync"', source: at('0.20.0', 'httpx/_transports/default.py', 128) }),
    transport('AsyncHTTPTransport', 'The default asynchronous transport: one connection pool.', ASYNC_TRANSPORT_SIG, { default: '"auto"', source: at('0.20.0', 'httpx/_transports/default.py', 222) }),
    ...httpxConfigCallables,
    ...['get', 'options', 'head', 'post', 'put', 'patch', 'delete'].map((name) => requestFunction(name, ['url'])),
    requestFunction('request', ['method', 'url']),
    requestFunction('stream', ['method', 'url']),
    ...CLIENT_METHODS,
  ],
  configs: [...httpxConfigs],
};
