/**
 * botocore (boto/botocore): `Config`, whose timeouts, pool size and retry settings every AWS client
 * built with it uses, and `Config.merge`. `Config(*args, **kwargs)` maps positional arguments onto
 * `OPTION_DEFAULTS` in order, and releases inserted entries in the middle of that order (1.30.0,
 * 1.31.0, 1.42.79), so a positional call means different options on different releases. Facts
 * read at the release tags in each `source`. Data only.
 */
import { BOTOCORE_DEFAULTS_MODE, BOTOCORE_RETRIES } from './botocoreRetries';
import type { CallableSpec, ConfigSpec, LibrarySpec, ParamSpec, PositionalOrder, Source } from './schema';

const REPO = 'boto/botocore';
const at = (tag: string, path: string, line?: number): Source => ({ repo: REPO, tag, path, line });
const NEWEST = '1.43.67';
const CONFIG = 'botocore/config.py';
const DOCS = 'https://botocore.amazonaws.com/v1/documentation/api/latest/reference/config.html';
const SIGNATURE = at(NEWEST, CONFIG, 360);

/** Where OPTION_DEFAULTS starts at the first release of each positional order. */
const orderAt = (tag: string, line: number) => at(tag, CONFIG, line);

const BASE = ['region_name', 'signature_version', 'user_agent', 'user_agent_extra', 'connect_timeout', 'read_timeout', 'parameter_validation', 'max_pool_connections', 'proxies', 'proxies_config', 's3', 'retries', 'client_cert', 'inject_host_prefix', 'endpoint_discovery_enabled'];
const withAppId = (names: readonly string[]) => [...names.slice(0, 4), 'user_agent_appid', ...names.slice(4)];
const before = (names: readonly string[], anchor: string, inserted: string) => [...names.slice(0, names.indexOf(anchor)), inserted, ...names.slice(names.indexOf(anchor))];

const O1 = [...BASE, 'use_dualstack_endpoint', 'use_fips_endpoint'];
const O2 = [...O1, 'defaults_mode'];
const O3 = [...O2, 'tcp_keepalive'];
const O4 = withAppId(O3);
const O5 = before(O4, 'defaults_mode', 'ignore_configured_endpoint_urls');
const O6 = [...O5, 'request_min_compression_size_bytes', 'disable_request_compression'];
const O7 = [...O6, 'client_context_params'];
const O8 = [...O7, 'sigv4a_signing_region_set'];
const O9 = [...O8, 'request_checksum_calculation', 'response_checksum_validation'];
const O10 = [...O9, 'account_id_endpoint_mode'];
const O11 = [...O10, 'auth_scheme_preference'];
const O12 = before(O11, 'retries', 's3_disable_express_session_auth');

const ORDERS: PositionalOrder[] = [
  { versions: { until: '1.23.0' }, names: BASE, source: orderAt('1.20.0', 173) },
  { versions: { from: '1.23.0', until: '1.23.37' }, names: O1, source: orderAt('1.23.0', 185) },
  { versions: { from: '1.23.37', until: '1.27.84' }, names: O2, source: orderAt('1.23.37', 185) },
  { versions: { from: '1.27.84', until: '1.30.0' }, names: O3, source: orderAt('1.27.84', 194) },
  // user_agent_appid inserted as the fifth entry: connect_timeout moves from index 4 to 5 (1.29.165 still has the old order).
  { versions: { from: '1.30.0', until: '1.31.0' }, names: O4, source: orderAt('1.30.0', 204) },
  { versions: { from: '1.31.0', until: '1.31.14' }, names: O5, source: orderAt('1.31.0', 211) },
  { versions: { from: '1.31.14', until: '1.31.71' }, names: O6, source: orderAt('1.31.14', 225) },
  { versions: { from: '1.31.71', until: '1.35.0' }, names: O7, source: orderAt('1.31.71', 234) },
  { versions: { from: '1.35.0', until: '1.36.0' }, names: O8, source: orderAt('1.35.0', 240) },
  { versions: { from: '1.36.0', until: '1.37.0' }, names: O9, source: orderAt('1.36.0', 271) },
  { versions: { from: '1.37.0', until: '1.39.0' }, names: O10, source: orderAt('1.37.0', 284) },
  { versions: { from: '1.39.0', until: '1.42.79' }, names: O11, source: orderAt('1.39.0', 293) },
  { versions: { from: '1.42.79' }, names: O12, source: orderAt('1.42.79', 301) },
];

/** The first release whose order has each name. */
const SINCE: Readonly<Record<string, string>> = Object.fromEntries(
  [...ORDERS].reverse().flatMap((order) => order.names.map((name) => [name, order.versions.from])).filter(([, from]) => from !== undefined),
);

const SPECIAL: Readonly<Record<string, Omit<ParamSpec, 'name' | 'source'>>> = {
  connect_timeout: {
    default: 'DEFAULT_TIMEOUT',
    unit: 'seconds',
    type: 'float | int',
    meaning: "Seconds to wait for a connection; when the Config names a `defaults_mode` other than legacy, that preset's value is the default ('standard' and 'cross-region' 3.1 s, 'in-region' 1.1 s, 'mobile' 30 s).",
    effectiveDefault: { value: 60, text: '60 s (DEFAULT_TIMEOUT)' },
  },
  read_timeout: { default: 'DEFAULT_TIMEOUT', unit: 'seconds', type: 'float | int', meaning: 'Seconds to wait for data on an open connection.', effectiveDefault: { value: 60, text: '60 s (DEFAULT_TIMEOUT)' } },
  max_pool_connections: {
    default: 'MAX_POOL_CONNECTIONS',
    unit: 'connections',
    type: 'int',
    meaning: 'The most connections kept in the pool; more concurrent requests open extra connections that are discarded afterwards.',
    effectiveDefault: { value: 10, text: '10 (MAX_POOL_CONNECTIONS)' },
  },
  retries: {
    default: 'None',
    unit: 'retries',
    type: 'dict',
    meaning: "Retry settings: `mode` ('legacy', 'standard', 'adaptive'), and `max_attempts` (retries after the first attempt) or `total_max_attempts` (every attempt; wins over `max_attempts`).",
    effectiveDefault: { value: null, text: "None: the mode and attempts from the environment or `~/.aws/config`, else the `defaults_mode` preset's mode, else legacy; legacy makes 5 attempts in all (dynamodb 10), standard and adaptive 3" },
  },
  tcp_keepalive: { default: 'None', unit: 'none', type: 'bool', meaning: 'Turn on TCP keep-alive probes on the sockets (None: the `tcp_keepalive` setting of the AWS config file, else off).' },
  defaults_mode: { default: 'None', unit: 'none', type: 'str', meaning: "A preset of defaults: 'legacy' (none), 'standard', 'in-region', 'cross-region', 'mobile' (each makes 'standard' the default retry mode and sets the connect timeout default), or 'auto' (one of in-region, cross-region, standard, chosen at run time); None: `AWS_DEFAULTS_MODE` or `~/.aws/config`, else legacy." },
};

const ENDPOINT_CONSTANTS = at(NEWEST, 'botocore/endpoint.py', 39);

function configParam(name: string): ParamSpec {
  const special = SPECIAL[name];
  const since = SINCE[name];
  const source = special?.effectiveDefault && special.unit !== 'retries' ? ENDPOINT_CONSTANTS : SIGNATURE;
  return special
    ? { name, ...special, since, source }
    : { name, default: 'None', unit: 'none', type: 'object', meaning: `The \`${name}\` option of every client built with this Config.`, since, source };
}

const configCallable: CallableSpec = {
  name: 'Config',
  kind: 'config',
  summary: 'Settings for AWS clients: timeouts, pool size, retries. Options may be given by position, in the order of OPTION_DEFAULTS of the release.',
  docs: DOCS,
  builds: 'botocore.Config',
  params: O12.map(configParam),
  positional: ORDERS,
  factsKey: 'Config',
  aliases: ['config.Config'],
  source: SIGNATURE,
};

const mergeMethod: CallableSpec = {
  name: 'merge',
  receiver: 'Config',
  kind: 'config',
  summary: 'A new Config: this one, with every option that `other_config` was given explicitly taking precedence.',
  docs: DOCS,
  builds: 'botocore.Config',
  params: [{ name: 'other_config', default: '(required)', unit: 'none', type: 'Config', meaning: 'The Config whose explicitly given options win.', source: at(NEWEST, CONFIG, 464) }],
  positional: [{ versions: {}, names: ['other_config'], source: at(NEWEST, CONFIG, 464) }],
  mergesParam: 'other_config',
  source: at(NEWEST, CONFIG, 464),
};

export const BOTOCORE_CONFIG: ConfigSpec = {
  id: 'botocore.Config',
  callable: 'Config',
  fields: [
    { name: 'connect_timeout', unit: 'seconds', meaning: 'Seconds to wait for a connection.', noneMeans: 'no limit' },
    { name: 'read_timeout', unit: 'seconds', meaning: 'Seconds to wait for data on an open connection.', noneMeans: 'no limit' },
    { name: 'max_pool_connections', unit: 'connections', meaning: 'The most connections kept in the pool.', noneMeans: 'rejected' },
  ],
  retries: BOTOCORE_RETRIES,
  defaultsMode: BOTOCORE_DEFAULTS_MODE,
  docs: DOCS,
};

/** The botocore catalog, checked against 1.43.67 and the earlier tags cited per fact. */
export const botocore: LibrarySpec = {
  id: 'botocore',
  displayName: 'botocore',
  modules: ['botocore'],
  newestVersion: NEWEST,
  distribution: 'botocore',
  // The first release of every positional order of Config, the last before user_agent_appid, Debian's, and the newest.
  releases: ['1.20.0', '1.23.0', '1.23.37', '1.27.84', '1.29.27', '1.29.165', '1.30.0', '1.31.0', '1.31.14', '1.31.71', '1.35.0', '1.36.0', '1.37.0', '1.39.0', '1.42.79', NEWEST],
  repo: REPO,
  callables: [configCallable, mergeMethod],
  configs: [BOTOCORE_CONFIG],
};
