/**
 * urllib3 (urllib3/urllib3) 1.26 and 2.x: PoolManager / ProxyManager (pool keywords carried through
 * `**connection_pool_kw`), HTTPConnectionPool / HTTPSConnectionPool (2.0 removed `strict` from the
 * middle of the positional order), `connection_from_url`, `Timeout(total, connect, read)`, `Retry`,
 * and the `request` / `urlopen` methods. Facts were read at the tags in each `source`; the tests
 * check them against `test/fixtures/library-facts/`. Data only.
 */
import type { CallableSpec, ConfigSpec, LibrarySpec, ParamSpec, PositionalOrder, Source, VersionedFields } from './schema';
import { retryCallable } from './urllib3Retry';

const REPO = 'urllib3/urllib3';
const at = (tag: string, path: string, line?: number): Source => ({ repo: REPO, tag, path, line });
const OLD = (path: string, line?: number) => at('1.26.20', `src/urllib3/${path}`, line);
const NEW = (path: string, line?: number) => at('2.7.0', `src/urllib3/${path}`, line);

const POOL_SIG = NEW('connectionpool.py', 175);
const OLD_POOL_SIG = OLD('connectionpool.py', 177);
const HTTPS_POOL_SIG = NEW('connectionpool.py', 993);
const OLD_HTTPS_POOL_SIG = OLD('connectionpool.py', 933);
const MANAGER_SIG = NEW('poolmanager.py', 199);
const PROXY_SIG = NEW('poolmanager.py', 563);
const TIMEOUT_SIG = NEW('util/timeout.py', 109);
const URLOPEN_SIG = NEW('connectionpool.py', 592);
const REQUEST_SIG = NEW('_request_methods.py', 69);

const DOCS = 'https://urllib3.readthedocs.io/en/stable/advanced-usage.html';
const TIMEOUT_DOCS = 'https://urllib3.readthedocs.io/en/stable/reference/urllib3.util.html#urllib3.util.Timeout';

/** A pool's default timeout is the socket default (`Timeout.DEFAULT_TIMEOUT`): None, no limit, unless `socket.setdefaulttimeout()` was called. */
const SOCKET_DEFAULT: VersionedFields[] = [{ versions: {}, values: { total: null, connect: null, read: null }, source: NEW('util/timeout.py', 107) }];
const SOCKET_DEFAULT_TEXT = { value: null, text: 'the socket default: None (no limit) unless `socket.setdefaulttimeout()` was called' };

function poolParams(source: Source, viaKeywords: boolean): ParamSpec[] {
  const through = viaKeywords ? ' Passed to every host pool through `**connection_pool_kw`.' : '';
  return [
    {
      name: 'timeout',
      default: 'Timeout.DEFAULT_TIMEOUT',
      defaultsByVersion: [{ versions: { from: '2.0.0' }, default: '_DEFAULT_TIMEOUT', source: POOL_SIG }],
      unit: 'seconds',
      type: 'float | Timeout | None',
      meaning: `The timeout of every request through the pool that sets none itself: a float sets connect and read, a \`Timeout\` is used as is.${through}`,
      config: 'urllib3.Timeout',
      omittedFields: SOCKET_DEFAULT,
      noneDisablesAll: true,
      source,
    },
    {
      name: 'maxsize',
      default: '1',
      unit: 'connections',
      type: 'int',
      meaning: `How many connections each host pool keeps for reuse.${through}`,
      softCapUnless: {
        param: 'block',
        explanation: 'with `block=False` more connections are opened when every one is busy, and the extras are closed afterwards ("Connection pool is full, discarding connection")',
        scope: 'per host',
        whenFull: 'open extra connections that are closed after use ("Connection pool is full, discarding connection"), so under load those requests pay a new TCP/TLS handshake each',
        whenFullBlocking: 'wait for a free connection up to the request\'s `pool_timeout`, forever by default, then raise `EmptyPoolError`',
      },
      source,
    },
    {
      name: 'block',
      default: 'False',
      unit: 'none',
      type: 'bool',
      meaning: `Whether a request waits for a free connection when the pool is at \`maxsize\` (up to \`pool_timeout\`, forever by default, then \`EmptyPoolError\`).${through}`,
      source,
    },
    {
      name: 'retries',
      default: 'None',
      effectiveDefault: { value: 3, text: '3: `Retry.DEFAULT` = `Retry(3)` (a bare `Retry()` would be 10)' },
      unit: 'retries',
      type: 'Retry | int | bool | None',
      meaning: `The retry policy of every request through the pool that sets none itself.${through}`,
      source,
    },
  ];
}

const required = (name: string, type: string, meaning: string, source: Source): ParamSpec => ({ name, default: '(required)', unit: 'none', type, meaning, source });
const optional = (name: string, type: string, meaning: string, source: Source): ParamSpec => ({ name, default: 'None', unit: 'none', type, meaning, source });

function connectionPool(name: string, summary: string, source: Source, oldSource: Source): CallableSpec {
  const strict: ParamSpec = {
    name: 'strict',
    default: 'False',
    unit: 'none',
    type: 'bool',
    meaning: 'Python 2 `httplib` strictness; no effect on Python 3.',
    lifecycle: { removedIn: '2.0.0', source: at('2.0.0', 'src/urllib3/connectionpool.py') },
    source: oldSource,
  };
  const orders: PositionalOrder[] = [
    { versions: { until: '2.0.0' }, names: ['host', 'port', 'strict', 'timeout', 'maxsize', 'block', 'headers', 'retries'], source: oldSource },
    { versions: { from: '2.0.0' }, names: ['host', 'port', 'timeout', 'maxsize', 'block', 'headers', 'retries'], source },
  ];
  return {
    name,
    kind: 'client',
    summary,
    docs: DOCS,
    params: [
      required('host', 'str', 'The host the pool connects to.', source),
      optional('port', 'int | None', 'The port.', source),
      strict,
      ...poolParams(source, false),
      optional('headers', 'Mapping[str, str] | None', 'Headers sent with every request.', source),
    ],
    positional: orders,
    aliases: [`connectionpool.${name}`],
    factsKey: name,
    source,
  };
}

const poolManager: CallableSpec = {
  name: 'PoolManager',
  kind: 'client',
  summary: 'Keeps one connection pool per host (up to `num_pools`, least recently used dropped first) and routes each request to it.',
  docs: DOCS,
  params: [
    { name: 'num_pools', default: '10', unit: 'pools', type: 'int', meaning: 'How many host pools are kept; not a connection limit.', source: MANAGER_SIG },
    optional('headers', 'Mapping[str, str] | None', 'Headers sent with every request.', MANAGER_SIG),
    ...poolParams(MANAGER_SIG, true),
    {
      name: 'strict',
      default: 'False',
      unit: 'none',
      type: 'bool',
      meaning: 'Python 2 `httplib` strictness, passed to every host pool; no effect on Python 3.',
      lifecycle: {
        deprecatedIn: '2.0.0',
        warning: "The 'strict' parameter is no longer needed on Python 3+. This will raise an error in urllib3 v2.1.0.",
        source: at('2.0.0', 'src/urllib3/poolmanager.py', 314),
      },
      source: OLD_POOL_SIG,
    },
  ],
  positional: [{ versions: {}, names: ['num_pools', 'headers'], source: MANAGER_SIG }],
  misleadingPositional: {
    params: ['num_pools'],
    explanation: '`num_pools` is the number of host pools kept, not a connection limit (that is `maxsize=`, keyword only)',
    source: MANAGER_SIG,
  },
  aliases: ['poolmanager.PoolManager'],
  factsKey: 'PoolManager',
  source: MANAGER_SIG,
};

const proxyManager: CallableSpec = {
  name: 'ProxyManager',
  kind: 'client',
  summary: 'A PoolManager that sends every request through one proxy.',
  docs: DOCS,
  params: [
    required('proxy_url', 'str', 'The proxy to send requests through.', PROXY_SIG),
    { name: 'num_pools', default: '10', unit: 'pools', type: 'int', meaning: 'How many host pools are kept; not a connection limit.', source: PROXY_SIG },
    optional('headers', 'Mapping[str, str] | None', 'Headers sent with every request.', PROXY_SIG),
    optional('proxy_headers', 'Mapping[str, str] | None', 'Headers sent to the proxy.', PROXY_SIG),
    ...poolParams(PROXY_SIG, true),
  ],
  positional: [{ versions: {}, names: ['proxy_url', 'num_pools', 'headers', 'proxy_headers'], source: PROXY_SIG }],
  aliases: ['poolmanager.ProxyManager'],
  source: PROXY_SIG,
};

const CONNECTION_FROM_URL = NEW('connectionpool.py', 1121);
const connectionFromUrl: CallableSpec = {
  name: 'connection_from_url',
  kind: 'client',
  summary: 'Builds one HTTPConnectionPool or HTTPSConnectionPool for the host of a URL; keywords go to the pool.',
  docs: DOCS,
  params: [required('url', 'str', 'The URL whose scheme, host and port the pool is for.', CONNECTION_FROM_URL), ...poolParams(CONNECTION_FROM_URL, false)],
  positional: [{ versions: {}, names: ['url'], source: CONNECTION_FROM_URL }],
  aliases: ['connectionpool.connection_from_url'],
  returns: 'HTTPConnectionPool',
  source: CONNECTION_FROM_URL,
};

/** Per-request timeout of `urlopen` / `request`: when omitted, the pool's own `timeout=` applies. */
function requestTimeout(source: Source): ParamSpec {
  return {
    name: 'timeout',
    default: '_DEFAULT_TIMEOUT',
    unit: 'seconds',
    type: 'float | Timeout | None',
    meaning: "This request's timeout: a float sets connect and read, a `Timeout` is used as is; when omitted, the pool's `timeout=` applies.",
    config: 'urllib3.Timeout',
    omittedUsesReceiver: 'timeout',
    noneDisablesAll: true,
    source,
  };
}

/** Defaults of the flags among the leading parameters of `urlopen`. */
const FLAG_DEFAULTS: Readonly<Record<string, string>> = { redirect: 'True', assert_same_host: 'True' };
const NEW_IN_2 = ['body', 'json'];

function requestMethods(receiver: string): CallableSpec[] {
  const isPool = receiver.endsWith('ConnectionPool');
  const urlopenOrder = isPool ? ['method', 'url', 'body', 'headers', 'retries', 'redirect', 'assert_same_host', 'timeout'] : ['method', 'url', 'redirect'];
  const urlopenSource = isPool ? URLOPEN_SIG : NEW('poolmanager.py', 423);
  const leading = (names: readonly string[], source: Source, newIn2: readonly string[]) =>
    names
      .filter((name) => name !== 'timeout')
      .map((name, index): ParamSpec => {
        if (index < 2) return required(name, 'str', name === 'url' ? 'The URL to request.' : 'The HTTP method.', source);
        const flag = FLAG_DEFAULTS[name];
        const param = flag ? { ...optional(name, 'bool', `The request's \`${name}\`.`, source), default: flag } : optional(name, 'object', `The request's \`${name}\`.`, source);
        // `request()` took `body` and `json` only from 2.0 (1.26.20 src/urllib3/request.py:61 has neither).
        return newIn2.includes(name) ? { ...param, since: '2.0.0' } : param;
      });
  const method = (name: string, orders: PositionalOrder[], source: Source): CallableSpec => ({
    name,
    receiver,
    kind: 'request-method',
    summary: "Sends a request through the pool; the pool's timeout applies unless this call sets one.",
    docs: DOCS,
    params: [...leading(orders[orders.length - 1].names, source, name === 'request' ? NEW_IN_2 : []), requestTimeout(source)],
    positional: orders,
    source,
  });
  return [
    method('urlopen', [{ versions: {}, names: urlopenOrder, source: urlopenSource }], urlopenSource),
    method(
      'request',
      [
        { versions: { until: '2.0.0' }, names: ['method', 'url', 'fields', 'headers'], source: OLD('request.py', 61) },
        { versions: { from: '2.0.0' }, names: ['method', 'url', 'body', 'fields', 'headers', 'json'], source: REQUEST_SIG },
      ],
      REQUEST_SIG,
    ),
  ];
}

const TIMEOUT_PHASE_DEFAULTS = [{ versions: { from: '2.0.0' }, default: '_DEFAULT_TIMEOUT', source: TIMEOUT_SIG }];

const timeoutCallable: CallableSpec = {
  name: 'Timeout',
  kind: 'config',
  summary: 'Timeouts of a request, in seconds: `total` caps connect and read together. Positional order is (total, connect, read): `Timeout(5, 10)` is total=5, connect=10.',
  docs: TIMEOUT_DOCS,
  builds: 'urllib3.Timeout',
  params: [
    { name: 'total', default: 'None', unit: 'seconds', type: 'float | None', meaning: 'A cap on connecting and reading together (not on the whole request).', source: TIMEOUT_SIG },
    {
      name: 'connect',
      default: '_Default',
      defaultsByVersion: TIMEOUT_PHASE_DEFAULTS,
      effectiveDefault: SOCKET_DEFAULT_TEXT,
      unit: 'seconds',
      type: 'float | None',
      meaning: 'The most seconds to wait for a connection to be established.',
      source: TIMEOUT_SIG,
    },
    {
      name: 'read',
      default: '_Default',
      defaultsByVersion: TIMEOUT_PHASE_DEFAULTS,
      effectiveDefault: SOCKET_DEFAULT_TEXT,
      unit: 'seconds',
      type: 'float | None',
      meaning: 'The most seconds to wait between bytes of the response.',
      source: TIMEOUT_SIG,
    },
  ],
  positional: [{ versions: {}, names: ['total', 'connect', 'read'], source: TIMEOUT_SIG }],
  misleadingPositional: {
    params: ['total', 'connect', 'read'],
    minArgs: 2,
    explanation: 'the first position is `total`, not `connect` (`Timeout(5, 10)` is total=5, connect=10)',
    source: TIMEOUT_SIG,
  },
  aliases: ['util.Timeout', 'util.timeout.Timeout'],
  factsKey: 'Timeout',
  source: TIMEOUT_SIG,
};

const MODULE_REQUEST = NEW('__init__.py', 117);
const moduleRequest: CallableSpec = {
  name: 'request',
  kind: 'request-function',
  summary: 'Sends a request through a module-global PoolManager shared by everything in the process; timeout 3 s unless given.',
  docs: DOCS,
  params: [
    required('method', 'str', 'The HTTP method.', MODULE_REQUEST),
    required('url', 'str', 'The URL to request.', MODULE_REQUEST),
    {
      name: 'timeout',
      default: '3',
      unit: 'seconds',
      type: 'Timeout | float | int | None',
      meaning: 'This request\'s timeout: a float sets connect and read, a `Timeout` is used as is.',
      config: 'urllib3.Timeout',
      omittedFields: [{ versions: {}, values: { total: null, connect: 3, read: 3 }, source: MODULE_REQUEST }],
      noneDisablesAll: true,
      source: MODULE_REQUEST,
    },
  ],
  positional: [{ versions: {}, names: ['method', 'url'], source: MODULE_REQUEST }],
  since: '2.0.0',
  source: MODULE_REQUEST,
};

const timeoutConfig: ConfigSpec = {
  id: 'urllib3.Timeout',
  callable: 'Timeout',
  fields: [
    { name: 'total', unit: 'seconds', meaning: 'connecting and reading together', noneMeans: 'no limit' },
    { name: 'connect', unit: 'seconds', meaning: 'establishing a connection', noneMeans: 'no limit' },
    { name: 'read', unit: 'seconds', meaning: 'waiting between bytes of the response', noneMeans: 'no limit' },
  ],
  // `Timeout.from_float(t)` is `Timeout(read=t, connect=t)` (2.7.0 util/timeout.py:173).
  numberSetsFields: ['connect', 'read'],
  noneSetsAllFields: true,
  docs: TIMEOUT_DOCS,
};

export const urllib3: LibrarySpec = {
  id: 'urllib3',
  displayName: 'urllib3',
  modules: ['urllib3', 'requests.packages.urllib3'],
  newestVersion: '2.7.0',
  distribution: 'urllib3',
  // The 1.26 and 2.x release tags of urllib3/urllib3 (pre-releases left out).
  releases: [
    '1.26.0', '1.26.1', '1.26.2', '1.26.3', '1.26.4', '1.26.5', '1.26.6', '1.26.7', '1.26.8', '1.26.9', '1.26.10', '1.26.11',
    '1.26.12', '1.26.13', '1.26.14', '1.26.15', '1.26.16', '1.26.17', '1.26.18', '1.26.19', '1.26.20', '2.0.0', '2.0.1', '2.0.2',
    '2.0.3', '2.0.4', '2.0.5', '2.0.6', '2.0.7', '2.1.0', '2.2.0', '2.2.1', '2.2.2', '2.2.3', '2.3.0', '2.4.0', '2.5.0', '2.6.0',
    '2.6.1', '2.6.2', '2.6.3', '2.7.0',
  ],
  repo: REPO,
  callables: [
    poolManager,
    proxyManager,
    connectionPool('HTTPConnectionPool', 'One pool of connections to one host over HTTP.', POOL_SIG, OLD_POOL_SIG),
    connectionPool('HTTPSConnectionPool', 'One pool of connections to one host over HTTPS.', HTTPS_POOL_SIG, OLD_HTTPS_POOL_SIG),
    connectionFromUrl,
    timeoutCallable,
    retryCallable,
    moduleRequest,
    ...['PoolManager', 'ProxyManager', 'HTTPConnectionPool', 'HTTPSConnectionPool'].flatMap(requestMethods),
  ],
  configs: [timeoutConfig],
};
