/**
 * aiohttp's configuration objects: `ClientTimeout` (the timeout fields, positional in the code's
 * order, which is not the documented one) and `TCPConnector` (the pool: `limit`, `limit_per_host`,
 * keep-alive and DNS caching), with the ConfigSpecs they build. Part of the aiohttp catalog
 * (`aiohttp.ts`), split off to keep files small. Data only.
 */
import type { CallableSpec, ConfigSpec, ParamSpec, Source } from './schema';

export const AIOHTTP_REPO = 'aio-libs/aiohttp';
/** A source in aio-libs/aiohttp at a release tag (`3.14.3` → tag `v3.14.3`). */
export const aiohttpAt = (version: string, path: string, line?: number): Source => ({ repo: AIOHTTP_REPO, tag: `v${version}`, path, line });
/** A source on master (4.0.0a2.dev0, unreleased), at the commit read. */
export const aiohttpMaster = (path: string, line?: number): Source => ({ repo: AIOHTTP_REPO, tag: 'master', commit: '495e778360d1924da63e16dba0f0d76baf56a56a', path, line });
const at = aiohttpAt;

export const CLIENT_DOCS = 'https://docs.aiohttp.org/en/stable/client_reference.html';
export const TIMEOUT_DOCS = 'https://docs.aiohttp.org/en/stable/client_quickstart.html#timeouts';
export const CONNECTOR_DOCS = 'https://docs.aiohttp.org/en/stable/client_reference.html#tcpconnector';

const TIMEOUT_38 = at('3.8.6', 'aiohttp/client.py', 143);
const TIMEOUT_SIG = at('3.14.3', 'aiohttp/client.py', 231);
/** `DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60, sock_connect=30)` from 3.10.9; before, total only. */
export const DEFAULT_TIMEOUT_3109 = at('3.10.9', 'aiohttp/client.py', 211);

function timeoutField(name: string, meaning: string, clientDefault: number | null): ParamSpec {
  return { name, default: 'None', unit: 'seconds', type: 'float | None', meaning, clientDefault, source: TIMEOUT_SIG };
}

const clientTimeoutCallable: CallableSpec = {
  name: 'ClientTimeout',
  kind: 'config',
  aliases: ['client.ClientTimeout'],
  summary: 'Timeouts of a request, in seconds; a field left out is None (no limit), not the session default.',
  docs: TIMEOUT_DOCS,
  builds: 'aiohttp.ClientTimeout',
  params: [
    {
      ...timeoutField('total', 'The deadline for the whole request: waiting for a free connection, connecting, sending and reading the response.', 300),
      // 4.0 (master) gives the object itself the 5-minute default, spelled `5 * 60` there.
      defaultsByVersion: [{ versions: { from: '4.0.0' }, default: '300', source: aiohttpMaster('aiohttp/client_reqrep.py', 88) }],
    },
    timeoutField('connect', 'Getting a connection: the wait for a free one when `limit` or `limit_per_host` is reached, plus connecting a new one.', null),
    timeoutField('sock_read', 'The longest gap between two reads of the response.', null),
    {
      ...timeoutField('sock_connect', 'Connecting one new socket; after it, the next address of the host is tried.', null),
      clientDefaultsByVersion: [{ versions: { from: '3.10.9', until: '4.0.0' }, value: 30, source: DEFAULT_TIMEOUT_3109 }],
    },
    { name: 'ceil_threshold', default: '5', unit: 'seconds', type: 'float', meaning: 'Timeouts of this many seconds or more are rounded up to whole seconds.', since: '3.9.0', source: TIMEOUT_SIG },
  ],
  positional: [
    { versions: { until: '3.9.0' }, names: ['total', 'connect', 'sock_read', 'sock_connect'], source: TIMEOUT_38 },
    // The 4.0 dataclass (master `aiohttp/client_reqrep.py:87`) keeps this order and stays positional.
    { versions: { from: '3.9.0' }, names: ['total', 'connect', 'sock_read', 'sock_connect', 'ceil_threshold'], source: TIMEOUT_SIG },
  ],
  misleadingPositional: {
    params: ['total', 'connect', 'sock_read', 'sock_connect', 'ceil_threshold'],
    minArgs: 2,
    explanation:
      'the second position is `connect` (the wait for a free connection plus connecting), not a socket timeout, and the documentation lists the fields keyword-only with `sock_connect` before `sock_read`, the opposite of the code',
    source: at('3.14.3', 'docs/client_reference.rst'),
  },
  factsKey: 'ClientTimeout',
  source: TIMEOUT_SIG,
};

const CONNECTOR_SIG = at('3.14.3', 'aiohttp/connector.py', 963);
const connectorAt = (line: number) => at('3.14.3', 'aiohttp/connector.py', line);

function flag(name: string, value: string, meaning: string, line: number): ParamSpec {
  return { name, default: value, unit: 'none', type: 'bool', meaning, source: connectorAt(line) };
}

const tcpConnectorCallable: CallableSpec = {
  name: 'TCPConnector',
  kind: 'transport',
  aliases: ['connector.TCPConnector'],
  summary: 'The connection pool of a session: how many connections it opens, in total and per host, and how long idle ones are kept.',
  docs: CONNECTOR_DOCS,
  builds: 'aiohttp.TCPConnector',
  params: [
    flag('use_dns_cache', 'True', 'Cache resolved host addresses.', 968),
    { name: 'ttl_dns_cache', default: '10', unit: 'seconds', type: 'int | None', meaning: 'How long a resolved address stays cached; None caches it forever.', source: connectorAt(969) },
    {
      name: 'keepalive_timeout',
      default: 'sentinel',
      effectiveDefault: { value: 15.0, text: '15.0 s unless force_close=True' },
      unit: 'seconds',
      type: 'float | None',
      meaning: 'How long an idle connection is kept for reuse; passing it together with `force_close=True` raises ValueError.',
      // The sentinel becomes 15.0 in BaseConnector.__init__ (v3.14.3 `aiohttp/connector.py:296`).
      source: connectorAt(976),
    },
    flag('force_close', 'False', 'Close every connection after its request: nothing is kept alive or reused.', 977),
    {
      name: 'limit',
      default: '100',
      unit: 'connections',
      type: 'int',
      meaning: 'The most connections open at once, across all hosts; 0 means no limit. A request beyond it waits for a free connection, bounded only by the `connect` and `total` timeouts (there is no separate pool timeout).',
      source: connectorAt(978),
    },
    {
      name: 'limit_per_host',
      default: '0',
      unit: 'connections',
      type: 'int',
      meaning: 'The most connections open at once to one (host, port, TLS) endpoint; 0 means no per-host limit.',
      source: connectorAt(979),
    },
    flag('enable_cleanup_closed', 'False', 'Abort SSL transports the peer did not close, after 2 s (ignored, with a warning, on Python versions that fixed the leak).', 980),
    { name: 'timeout_ceil_threshold', default: '5', unit: 'seconds', type: 'float', meaning: 'Timeouts of this many seconds or more are rounded up to whole seconds.', since: '3.9.0', source: connectorAt(982) },
    { name: 'happy_eyeballs_delay', default: '0.25', unit: 'seconds', type: 'float | None', meaning: 'How long to wait for one address before also trying the next (RFC 8305).', since: '3.10.0', source: connectorAt(983) },
  ],
  positional: [{ versions: {}, names: [], source: CONNECTOR_SIG }],
  factsKey: 'TCPConnector',
  source: CONNECTOR_SIG,
};

const clientTimeoutConfig: ConfigSpec = {
  id: 'aiohttp.ClientTimeout',
  callable: 'ClientTimeout',
  fields: [
    { name: 'total', unit: 'seconds', meaning: 'the whole request, including the wait for a connection', noneMeans: 'no limit' },
    { name: 'connect', unit: 'seconds', meaning: 'getting a connection, including the wait for a free one', noneMeans: 'no limit', boundedBy: ['total'] },
    { name: 'sock_read', unit: 'seconds', meaning: 'the gap between reads', noneMeans: 'no limit', boundedBy: ['total'] },
    { name: 'sock_connect', unit: 'seconds', meaning: 'connecting one socket', noneMeans: 'no limit', boundedBy: ['connect', 'total'] },
  ],
  // A per-request number becomes `ClientTimeout(total=number)` (v3.14.3 `aiohttp/client.py:661`); None is read per parameter.
  numberSetsFields: ['total'],
  allNoneDisablesAll: true,
  docs: TIMEOUT_DOCS,
};

const tcpConnectorConfig: ConfigSpec = {
  id: 'aiohttp.TCPConnector',
  callable: 'TCPConnector',
  fields: [
    { name: 'limit', unit: 'connections', meaning: 'connections open at once, across all hosts', noneMeans: 'no limit', zeroMeans: 'no limit' },
    { name: 'limit_per_host', unit: 'connections', meaning: 'connections open at once to one host', noneMeans: 'no per-host limit', zeroMeans: 'no per-host limit' },
  ],
  constraints: [
    {
      kind: 'not-above',
      field: 'limit_per_host',
      limit: 'limit',
      explanation: 'the total `limit` is reached first, so the per-host allowance above it is never used',
    },
  ],
  docs: CONNECTOR_DOCS,
};

export const AIOHTTP_CONFIG_CALLABLES: readonly CallableSpec[] = [clientTimeoutCallable, tcpConnectorCallable];
export const AIOHTTP_CONFIGS: readonly ConfigSpec[] = [clientTimeoutConfig, tcpConnectorConfig];
