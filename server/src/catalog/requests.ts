/**
 * requests (psf/requests) 2.x: Session, its request methods and `mount`, `adapters.HTTPAdapter`
 * (the pool: positional order matters), the module-level request functions, and how `timeout=`
 * reads (a float, a `(connect, read)` pair, a urllib3 `Timeout`, or None: wait forever). Facts were
 * read at the tags in each `source`; the tests check them against `test/fixtures/library-facts/`. Data only.
 */
import type { CallableSpec, ConfigSpec, LibrarySpec, ParamSpec, PositionalOrder, Source, VersionedFields } from './schema';

const REPO = 'psf/requests';
const at = (tag: string, path: string, line?: number): Source => ({ repo: REPO, tag, path, line });
const NEW = (path: string, line?: number) => at('v2.34.2', `src/requests/${path}`, line);

const ADAPTER_SIG = NEW('adapters.py', 201);
const SEND_TIMEOUT = NEW('adapters.py', 681);
const SESSION_SIG = NEW('sessions.py', 442);
const MOUNT_SIG = NEW('sessions.py', 888);
const ATTRS = NEW('sessions.py', 427);

const TIMEOUT_DOCS = 'https://requests.readthedocs.io/en/latest/user/advanced/#timeouts';
const ADAPTER_DOCS = 'https://requests.readthedocs.io/en/latest/user/advanced/#transport-adapters';
const SESSION_DOCS = 'https://requests.readthedocs.io/en/latest/user/advanced/#session-objects';
const API_DOCS = 'https://requests.readthedocs.io/en/latest/api/';

/** `timeout=None` (the default of every request) becomes `TimeoutSauce(connect=None, read=None)`: no limit at all. */
const NO_TIMEOUT: VersionedFields[] = [{ versions: {}, values: { connect: null, read: null }, source: SEND_TIMEOUT }];

function timeoutParam(source: Source): ParamSpec {
  return {
    name: 'timeout',
    default: 'None',
    unit: 'seconds',
    type: 'float | tuple[float | None, float | None] | urllib3.Timeout | None',
    meaning:
      'How long to wait for the connection, then for each chunk of the response (not a deadline for the whole request): a float sets both, `(connect, read)` each, a `urllib3.Timeout` is used as is. The default None waits forever.',
    config: 'requests.Timeout',
    omittedFields: NO_TIMEOUT,
    noneDisablesAll: true,
    source,
  };
}

function plain(name: string, source: Source, required: boolean): ParamSpec {
  const meaning = name === 'url' ? 'The URL to request.' : name === 'method' ? 'The HTTP method.' : `The request's \`${name}\`.`;
  return { name, default: required ? '(required)' : 'None', unit: 'none', type: name === 'url' || name === 'method' ? 'str' : 'object', meaning, source };
}

/** Leading positional parameters of every request function and method, as in `requests.api` / `Session`. */
const LEADING: Readonly<Record<string, readonly string[]>> = {
  request: ['method', 'url'],
  get: ['url', 'params'],
  options: ['url'],
  head: ['url'],
  post: ['url', 'data', 'json'],
  put: ['url', 'data'],
  patch: ['url', 'data'],
  delete: ['url'],
};

const API_LINES: Readonly<Record<string, number>> = { request: 24, get: 74, options: 90, head: 102, post: 117, put: 137, patch: 154, delete: 171 };
const METHOD_LINES: Readonly<Record<string, number>> = { request: 557, get: 655, options: 673, head: 684, post: 695, put: 714, patch: 728, delete: 742 };

/** `Session.request(method, url, params, data, headers, cookies, files, auth, timeout, …)`: timeout is the 9th positional. */
const SESSION_REQUEST_ORDER = ['method', 'url', 'params', 'data', 'headers', 'cookies', 'files', 'auth', 'timeout'];

function requestFunction(name: string): CallableSpec {
  const source = NEW('api.py', API_LINES[name]);
  const leading = LEADING[name];
  return {
    name,
    kind: 'request-function',
    summary: 'Sends one request through a new Session that is closed afterwards, so no connection is reused; without `timeout=` it can wait forever.',
    docs: API_DOCS,
    params: [...leading.map((param, index) => plain(param, source, index < (name === 'request' ? 2 : 1))), timeoutParam(source)],
    positional: [{ versions: {}, names: leading, source }],
    poolPerCall: true,
    source,
  };
}

function sessionMethod(name: string): CallableSpec {
  const source = NEW('sessions.py', METHOD_LINES[name]);
  const names = name === 'request' ? SESSION_REQUEST_ORDER : LEADING[name];
  // Session.get took only `url` by position until 2.34.0 added `params` (v2.33.1 sessions.py:596).
  const positional: PositionalOrder[] =
    name === 'get'
      ? [
          { versions: { until: '2.34.0' }, names: ['url'], source: at('v2.33.1', 'src/requests/sessions.py', 596) },
          { versions: { from: '2.34.0' }, names, source },
        ]
      : [{ versions: {}, names, source }];
  const leading = names.filter((param) => param !== 'timeout');
  return {
    name,
    receiver: 'Session',
    kind: 'request-method',
    summary: 'Sends a request through the session\'s pool; the session has no timeout of its own, so without `timeout=` it can wait forever.',
    docs: SESSION_DOCS,
    params: [...leading.map((param, index) => plain(param, source, index < (name === 'request' ? 2 : 1))), timeoutParam(source)],
    positional,
    source,
  };
}

const session: CallableSpec = {
  name: 'Session',
  kind: 'client',
  summary: 'A session: cookies, headers and one pool per mounted adapter (an `HTTPAdapter()` for `https://` and `http://` unless you mount your own).',
  docs: SESSION_DOCS,
  params: [],
  positional: [{ versions: {}, names: [], source: SESSION_SIG }],
  aliases: ['sessions.Session', 'session', 'sessions.session'],
  ignoredAttributes: [
    {
      name: 'timeout',
      explanation: 'a Session has no timeout setting (it is not in `Session.__attrs__`), so requests never reads it and every request still waits forever unless it passes `timeout=`',
      source: ATTRS,
    },
  ],
  defaultPool: { callable: 'adapters.HTTPAdapter', mountMethod: 'mount', adapterParam: 'adapter', prefixParam: 'prefix' },
  perRequestTimeout: { method: 'request', param: 'timeout', explanation: 'requests has no default and no session-level timeout; pass `timeout=` on every call' },
  factsKey: 'Session',
  source: SESSION_SIG,
};

const mount: CallableSpec = {
  name: 'mount',
  receiver: 'Session',
  kind: 'mount-method',
  summary: 'Registers an adapter (and so its pool) for every URL starting with a prefix; the longest matching prefix wins.',
  docs: ADAPTER_DOCS,
  params: [
    { name: 'prefix', default: '(required)', unit: 'none', type: 'str', meaning: 'The URL prefix the adapter serves, e.g. `https://`.', source: MOUNT_SIG },
    { name: 'adapter', default: '(required)', unit: 'none', type: 'BaseAdapter', meaning: 'The adapter whose pool serves those URLs.', source: MOUNT_SIG },
  ],
  positional: [{ versions: {}, names: ['prefix', 'adapter'], source: MOUNT_SIG }],
  source: MOUNT_SIG,
};

const httpAdapter: CallableSpec = {
  name: 'adapters.HTTPAdapter',
  kind: 'transport',
  summary: 'The transport adapter of a Session: one urllib3 PoolManager, with `pool_connections` host pools of up to `pool_maxsize` connections each.',
  docs: ADAPTER_DOCS,
  params: [
    {
      name: 'pool_connections',
      default: 'DEFAULT_POOLSIZE',
      // DEFAULT_POOLSIZE = 10, DEFAULT_RETRIES = 0, DEFAULT_POOLBLOCK = False: v2.34.2 src/requests/adapters.py:79-81.
      effectiveDefault: { value: 10, text: '10 host pools kept' },
      unit: 'pools',
      type: 'int',
      meaning: 'How many per-host connection pools are kept (urllib3 `num_pools`); not a connection limit: raising it helps only when talking to more hosts.',
      source: ADAPTER_SIG,
    },
    {
      name: 'pool_maxsize',
      default: 'DEFAULT_POOLSIZE',
      effectiveDefault: { value: 10, text: '10 connections per host' },
      unit: 'connections',
      type: 'int',
      meaning: 'How many connections each host pool keeps for reuse (urllib3 `maxsize`).',
      softCapUnless: {
        param: 'pool_block',
        explanation: 'with `pool_block=False` more connections are opened when every one is busy, and the extras are closed afterwards ("Connection pool is full, discarding connection"); with `pool_block=True` a request waits for a free one, with no time limit',
        scope: 'per host',
        whenFull: 'open extra connections that are closed after use ("Connection pool is full, discarding connection"), so under load those requests pay a new TCP/TLS handshake each',
        // HTTPAdapter.send calls conn.urlopen(...) without pool_timeout (src/requests/adapters.py; psf/requests#3825, urllib3#1101).
        whenFullBlocking: 'wait for a free connection with no time limit (requests passes no pool timeout)',
      },
      source: ADAPTER_SIG,
    },
    {
      name: 'max_retries',
      default: 'DEFAULT_RETRIES',
      effectiveDefault: { value: 0, text: '0: `Retry(0, read=False)`, no retries' },
      unit: 'retries',
      type: 'int | urllib3.Retry',
      meaning: 'Retries of failed connections (an int becomes `Retry.from_int(n)`; a `Retry` is used as is); a request whose data reached the server is not retried.',
      source: ADAPTER_SIG,
    },
    {
      name: 'pool_block',
      default: 'DEFAULT_POOLBLOCK',
      effectiveDefault: { value: false, text: 'False: `pool_maxsize` is a soft cap' },
      unit: 'none',
      type: 'bool',
      meaning: 'Whether a request waits for a free connection when the host pool is at `pool_maxsize` (requests passes no pool timeout, so it waits forever).',
      source: ADAPTER_SIG,
    },
  ],
  positional: [{ versions: {}, names: ['pool_connections', 'pool_maxsize', 'max_retries', 'pool_block'], source: ADAPTER_SIG }],
  misleadingPositional: {
    params: ['pool_connections', 'pool_maxsize'],
    explanation: '`pool_connections` (how many host pools are kept) comes before `pool_maxsize` (connections per host), and the two are easily swapped',
    source: ADAPTER_SIG,
  },
  factsKey: 'HTTPAdapter',
  source: ADAPTER_SIG,
};

const timeoutConfig: ConfigSpec = {
  id: 'requests.Timeout',
  callable: 'Timeout',
  fields: [
    { name: 'connect', unit: 'seconds', meaning: 'establishing a connection', noneMeans: 'no limit' },
    { name: 'read', unit: 'seconds', meaning: 'waiting for each chunk of the response', noneMeans: 'no limit' },
  ],
  numberSetsAllFields: true,
  noneSetsAllFields: true,
  tuple: {
    order: ['connect', 'read'],
    minLength: 2,
    maxLength: 2,
    ignoresKeywords: false,
    lengthError: 'ValueError: Invalid timeout. Pass a (connect, read) timeout tuple, or a single float to set both timeouts to the same value.',
    documentedForm: { fixCaveat: "requests accepts it at run time, but requests' own type hints do not list it" },
    source: SEND_TIMEOUT,
  },
  // HTTPAdapter.send uses a urllib3 Timeout as is since 2.14.0 (v2.14.0 requests/adapters.py:421).
  foreignBuilder: { module: 'urllib3', since: '2.14.0', source: at('v2.14.0', 'requests/adapters.py', 421) },
  docs: TIMEOUT_DOCS,
};

export const requests: LibrarySpec = {
  id: 'requests',
  displayName: 'requests',
  modules: ['requests'],
  newestVersion: '2.34.2',
  distribution: 'requests',
  tagPrefix: 'v',
  // The 2.x release tags of psf/requests (the `v2.0` duplicate and the 2.34.0.dev1 tag left out).
  releases: [
    '2.0.0', '2.0.1', '2.1.0', '2.2.0', '2.2.1', '2.3.0', '2.4.0', '2.4.1', '2.4.2', '2.4.3', '2.5.0', '2.5.1', '2.5.2', '2.5.3',
    '2.6.0', '2.6.1', '2.6.2', '2.7.0', '2.8.0', '2.8.1', '2.9.0', '2.9.1', '2.9.2', '2.10.0', '2.11.0', '2.11.1', '2.12.0',
    '2.12.1', '2.12.2', '2.12.3', '2.12.4', '2.12.5', '2.13.0', '2.14.0', '2.14.1', '2.14.2', '2.15.0', '2.15.1', '2.16.0',
    '2.16.1', '2.16.2', '2.16.3', '2.16.4', '2.16.5', '2.17.0', '2.17.1', '2.17.2', '2.17.3', '2.18.0', '2.18.1', '2.18.2',
    '2.18.3', '2.18.4', '2.19.0', '2.19.1', '2.20.0', '2.20.1', '2.21.0', '2.22.0', '2.23.0', '2.24.0', '2.25.0', '2.25.1',
    '2.26.0', '2.27.0', '2.27.1', '2.28.0', '2.28.1', '2.28.2', '2.29.0', '2.30.0', '2.31.0', '2.32.0', '2.32.1', '2.32.2',
    '2.32.3', '2.32.4', '2.32.5', '2.33.0', '2.33.1', '2.34.0', '2.34.1', '2.34.2',
  ],
  repo: REPO,
  callables: [
    session,
    mount,
    httpAdapter,
    ...Object.keys(LEADING).map(sessionMethod),
    ...Object.keys(LEADING).map(requestFunction),
  ],
  configs: [timeoutConfig],
};
