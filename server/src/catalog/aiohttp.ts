/**
 * aiohttp (aio-libs/aiohttp) 3.8–3.14, and what master (4.0.0a2.dev0, unreleased) changes, as
 * version ranges: ClientSession (its default timeout and pool), the per-request `timeout=` of its
 * request methods, `aiohttp.request`, and the deprecated `read_timeout=`/`conn_timeout=`. The
 * config objects are in `aiohttpConfig.ts`. Facts were read from the release tags in each
 * `source`; the tests check them against `test/fixtures/library-facts/`. Data only.
 */
import { AIOHTTP_CONFIG_CALLABLES, AIOHTTP_CONFIGS, AIOHTTP_REPO, aiohttpAt as at, aiohttpMaster, CLIENT_DOCS, DEFAULT_TIMEOUT_3109 } from './aiohttpConfig';
import type { CallableSpec, LibrarySpec, ParamSpec, PoolWait, ScalarReading, Source, VersionedFields } from './schema';

const SESSION_SIG = (line: number) => at('3.14.3', 'aiohttp/client.py', line);
const REQUEST_FUNCTION_SIG = at('3.14.3', 'aiohttp/client.py', 1756);

/** The session default `DEFAULT_TIMEOUT`; 4.0 has none, and `ClientTimeout()` itself means total=300. */
const DEFAULT_TIMEOUT_FIELDS: VersionedFields[] = [
  { versions: { until: '3.10.9' }, values: { total: 300, connect: null, sock_read: null, sock_connect: null }, source: at('3.8.0', 'aiohttp/client.py', 159) },
  { versions: { from: '3.10.9', until: '4.0.0' }, values: { total: 300, connect: null, sock_read: null, sock_connect: 30 }, source: DEFAULT_TIMEOUT_3109 },
  { versions: { from: '4.0.0' }, values: { total: 300, connect: null, sock_read: null, sock_connect: null }, source: aiohttpMaster('aiohttp/client.py', 348) },
];

/** What a session (and `aiohttp.request`, which passes `timeout=` to its session) makes of a number or None. */
const SESSION_READINGS: ScalarReading[] = [
  {
    versions: { until: '3.9.2' },
    numberError: "every request without its own `timeout=` fails with AttributeError: '<type>' object has no attribute 'total' (before 3.9.2 the session stores the value unchecked)",
    none: { error: "every request without its own `timeout=` fails with AttributeError: 'NoneType' object has no attribute 'total' (from 3.9.2, None means the default)" },
    source: at('3.8.0', 'aiohttp/client.py', 277),
  },
  {
    versions: { from: '3.9.2' },
    numberError: "ValueError: timeout parameter cannot be of <type> type, please use 'timeout=ClientTimeout(...)'",
    none: 'omitted',
    source: at('3.9.2', 'aiohttp/client.py', 274),
  },
];

/** What a request method makes of a number or None: 3.x builds `ClientTimeout(total=value)`; 4.0 reads None as "the session's". */
const REQUEST_READINGS: ScalarReading[] = [
  { versions: { until: '4.0.0' }, none: 'all-none', source: at('3.14.3', 'aiohttp/client.py', 661) },
  {
    versions: { from: '4.0.0' },
    numberError: "AttributeError: '<type>' object has no attribute 'total' (4.0 uses the value as a ClientTimeout)",
    none: 'omitted',
    source: aiohttpMaster('aiohttp/client.py', 565),
  },
];

const POOL_WAIT: PoolWait = {
  capParam: 'connector',
  capField: 'limit',
  waitParam: 'timeout',
  waitField: 'connect',
  overallField: 'total',
  raises: 'asyncio.TimeoutError',
  capScope: 'per session, across all hosts (`limit_per_host` aside)',
};

function sessionTimeout(source: Source, meaning: string): ParamSpec {
  return {
    name: 'timeout',
    default: 'sentinel',
    unit: 'none',
    type: 'ClientTimeout',
    meaning,
    config: 'aiohttp.ClientTimeout',
    omittedFields: DEFAULT_TIMEOUT_FIELDS,
    scalarReadings: SESSION_READINGS,
    source,
  };
}

function connectorParam(source: Source, omittedSource: Source, meaning: string): ParamSpec {
  return {
    name: 'connector',
    default: 'None',
    unit: 'none',
    type: 'BaseConnector | None',
    meaning,
    config: 'aiohttp.TCPConnector',
    omittedFields: [{ versions: {}, values: { limit: 100, limit_per_host: 0 }, source: omittedSource }],
    source,
  };
}

function oldSessionTimeout(name: string, field: string, def: string, line: number): ParamSpec {
  return {
    name,
    default: def,
    unit: 'seconds',
    type: 'float',
    meaning: `The old way to set the session timeout's \`${field}\`: the default timeout with \`${field}\` replaced.`,
    lifecycle: {
      deprecatedIn: '3.5.0',
      removedIn: '4.0.0',
      replacement: 'timeout',
      replacementField: field,
      warning: `${name} is deprecated, use timeout argument instead`,
      source: SESSION_SIG(line),
    },
    source: SESSION_SIG(name === 'read_timeout' ? 330 : 331),
  };
}

const clientSession: CallableSpec = {
  name: 'ClientSession',
  kind: 'client',
  // Defined in aiohttp/client.py (the source cited below) and re-exported by the package.
  aliases: ['client.ClientSession'],
  summary: 'An asynchronous HTTP client session: one connection pool (its connector) and default timeouts for every request.',
  docs: CLIENT_DOCS,
  params: [
    { name: 'base_url', default: 'None', unit: 'none', type: 'str | URL | None', meaning: 'The URL that relative request URLs are joined to.', source: SESSION_SIG(311) },
    connectorParam(SESSION_SIG(313), SESSION_SIG(409), 'The connection pool; without it the session builds a `TCPConnector()` with the defaults.'),
    { name: 'connector_owner', default: 'True', unit: 'none', type: 'bool', meaning: 'Close the connector with the session; False lets several sessions share one pool.', source: SESSION_SIG(328) },
    sessionTimeout(SESSION_SIG(332), 'The timeouts of every request that does not pass its own `timeout=`; `None` means the default from 3.9.2.'),
    oldSessionTimeout('read_timeout', 'total', 'sentinel', 369),
    oldSessionTimeout('conn_timeout', 'connect', 'None', 378),
  ],
  positional: [{ versions: {}, names: ['base_url'], source: SESSION_SIG(311) }],
  poolWait: POOL_WAIT,
  factsKey: 'ClientSession',
  source: SESSION_SIG(309),
};

function urlParams(leading: readonly string[], source: Source): ParamSpec[] {
  return leading.map((name) => ({
    name,
    default: '(required)',
    unit: 'none',
    type: name === 'url' ? 'str | URL' : 'str',
    meaning: name === 'url' ? 'The URL to request.' : 'The HTTP method.',
    source,
  }));
}

/** `session.get(...)` and friends: only `timeout=` configures anything; left out, the session's applies. */
function requestMethod(name: string, leading: readonly string[], line: number): CallableSpec {
  const source = SESSION_SIG(line);
  return {
    name,
    receiver: 'ClientSession',
    kind: 'request-method',
    summary: 'Sends one request through the session\'s pool.',
    docs: CLIENT_DOCS,
    params: [
      ...urlParams(leading, source),
      {
        name: 'timeout',
        default: 'sentinel',
        unit: 'none',
        type: 'ClientTimeout | float | None',
        meaning: 'The timeouts of this request, replacing the session\'s whole `ClientTimeout`; in 3.x a number sets only `total`, and None turns every timeout off.',
        config: 'aiohttp.ClientTimeout',
        omittedUsesReceiver: 'timeout',
        scalarReadings: REQUEST_READINGS,
        source: SESSION_SIG(560),
      },
    ],
    positional: [{ versions: {}, names: leading, source }],
    source,
  };
}

const requestFunction: CallableSpec = {
  name: 'request',
  kind: 'request-function',
  aliases: ['client.request'],
  summary: 'Sends one request through a new session and a new `TCPConnector(force_close=True)`, both closed afterwards, so no connection is reused.',
  docs: CLIENT_DOCS,
  params: [
    ...urlParams(['method', 'url'], REQUEST_FUNCTION_SIG),
    sessionTimeout(at('3.14.3', 'aiohttp/client.py', 1810), 'The timeouts of the throwaway session (passed to its `ClientSession`, so a number is rejected and None means the default from 3.9.2).'),
    connectorParam(REQUEST_FUNCTION_SIG, at('3.14.3', 'aiohttp/client.py', 1804), 'The connection pool; without it a `TCPConnector(force_close=True)` is built for this one request.'),
  ],
  positional: [{ versions: {}, names: ['method', 'url'], source: REQUEST_FUNCTION_SIG }],
  poolPerCall: true,
  poolWait: POOL_WAIT,
  source: REQUEST_FUNCTION_SIG,
};

/** The aiohttp catalog, checked against v3.14.3 and the earlier tags (and master) cited per fact. */
export const aiohttp: LibrarySpec = {
  id: 'aiohttp',
  displayName: 'aiohttp',
  modules: ['aiohttp'],
  newestVersion: '3.14.3',
  distribution: 'aiohttp',
  // The release tags of aio-libs/aiohttp from v3.8.0 on, without pre-releases; 4.0 is unreleased.
  releases: [
    '3.8.0', '3.8.1', '3.8.2', '3.8.3', '3.8.4', '3.8.5', '3.8.6', '3.9.0', '3.9.1', '3.9.2', '3.9.3', '3.9.4', '3.9.5',
    '3.10.0', '3.10.1', '3.10.2', '3.10.3', '3.10.4', '3.10.5', '3.10.6', '3.10.7', '3.10.8', '3.10.9', '3.10.10', '3.10.11',
    '3.11.0', '3.11.1', '3.11.2', '3.11.3', '3.11.4', '3.11.5', '3.11.6', '3.11.7', '3.11.8', '3.11.9', '3.11.10', '3.11.11',
    '3.11.12', '3.11.13', '3.11.14', '3.11.15', '3.11.16', '3.11.17', '3.11.18', '3.12.0', '3.12.1', '3.12.2', '3.12.3',
    '3.12.4', '3.12.5', '3.12.6', '3.12.7', '3.12.8', '3.12.9', '3.12.10', '3.12.11', '3.12.12', '3.12.13', '3.12.14',
    '3.12.15', '3.13.0', '3.13.1', '3.13.2', '3.13.3', '3.13.4', '3.13.5', '3.14.0', '3.14.1', '3.14.2', '3.14.3',
  ],
  repo: AIOHTTP_REPO,
  tagPrefix: 'v',
  callables: [
    clientSession,
    ...AIOHTTP_CONFIG_CALLABLES,
    requestFunction,
    ...['get', 'options', 'head', 'post', 'put', 'patch', 'delete'].map((name) => requestMethod(name, ['url'], name === 'get' ? 1463 : { options: 1473, head: 1483, post: 1493, put: 1501, patch: 1509, delete: 1517 }[name]!)),
    requestMethod('request', ['method', 'url'], 525),
  ],
  configs: AIOHTTP_CONFIGS,
};
