/**
 * boto3 (boto/boto3): `boto3.client(...)`, `boto3.resource(...)` and the same methods of a
 * `boto3.Session`; every one builds an AWS client whose timeouts, pool and retries come from
 * `config=` (a botocore Config), else botocore's defaults. Facts read at the release tags in each
 * `source`. Data only.
 */
import { BOTOCORE_CONFIG } from './botocore';
import type { CallableSpec, LibrarySpec, ParamSpec, Source } from './schema';

const REPO = 'boto/boto3';
const NEWEST = '1.43.78';
const at = (path: string, line: number): Source => ({ repo: REPO, tag: NEWEST, path, line });
const SESSION = 'boto3/session.py';
const DOCS = 'https://boto3.amazonaws.com/v1/documentation/api/latest/guide/configuration.html';
const BOTOCORE_DEFAULTS: Source = { repo: 'boto/botocore', tag: '1.43.67', path: 'botocore/endpoint.py', line: 39 };

const LEADING = ['service_name', 'region_name', 'api_version', 'use_ssl', 'verify', 'endpoint_url', 'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'];

function params(source: Source): ParamSpec[] {
  const leading = LEADING.map(
    (name): ParamSpec => ({ name, default: name === 'service_name' ? '(required)' : name === 'use_ssl' ? 'True' : 'None', unit: 'none', type: 'str', meaning: `The client's \`${name}\`.`, source }),
  );
  const config: ParamSpec = {
    name: 'config',
    default: 'None',
    unit: 'none',
    type: 'botocore.config.Config',
    meaning: "Timeouts, pool size and retries of the client (a botocore Config); without it, botocore's defaults.",
    config: 'botocore.Config',
    omittedFields: [{ versions: {}, values: { connect_timeout: 60, read_timeout: 60, max_pool_connections: 10 }, source: BOTOCORE_DEFAULTS }],
    source,
  };
  return [...leading, config];
}

/** S3's managed transfers run `TransferConfig.max_concurrency` (10) threads on the client they are called on. */
const TRANSFER: Source = { repo: REPO, tag: '1.26.27', path: 'boto3/s3/transfer.py', line: 171 };
const INJECTED = (line: number): Source => ({ repo: REPO, tag: '1.26.27', path: 'boto3/s3/inject.py', line });
// The methods are injected into S3 clients (boto3/s3/inject.py); each builds a TransferConfig() whose max_concurrency is 10 (TRANSFER).
const CLIENT_METHODS: NonNullable<CallableSpec['methodsSendRequests']> = {
  concurrentMethods: (
    [
      ['upload_file', 105],
      ['download_file', 152],
      ['upload_fileobj', 576],
      ['download_fileobj', 735],
    ] as const
  ).map(([name, line]) => ({ name, concurrency: 10, text: `\`${name}\` runs TransferConfig.max_concurrency = 10 threads`, source: INJECTED(line) })),
  source: TRANSFER,
};

/** botocore passes `max_pool_connections` to urllib3's PoolManager as `maxsize`, without `block`. */
const POOL_SIZE: NonNullable<CallableSpec['poolSize']> = {
  field: 'max_pool_connections',
  scope: 'per host',
  whenFull: 'open extra connections that are closed after use ("Connection pool is full, discarding connection"), so under load those requests pay a new TCP/TLS handshake each',
  source: { repo: 'boto/botocore', tag: '1.29.27', path: 'botocore/httpsession.py', line: 330 },
};

function maker(name: 'client' | 'resource', receiver: string | undefined, line: number, summary: string): CallableSpec {
  const source = at(receiver ? SESSION : 'boto3/__init__.py', line);
  return {
    name,
    receiver,
    kind: 'client',
    summary,
    docs: DOCS,
    params: params(source),
    positional: [{ versions: {}, names: [...LEADING, 'config'], source: at(SESSION, name === 'client' ? 233 : 341) }],
    ...(name === 'client' ? { methodsSendRequests: CLIENT_METHODS } : {}),
    poolSize: POOL_SIZE,
    source,
  };
}

/** The boto3 catalog, checked against 1.43.78. */
export const boto3: LibrarySpec = {
  id: 'boto3',
  displayName: 'boto3',
  modules: ['boto3'],
  newestVersion: NEWEST,
  distribution: 'boto3',
  releases: [NEWEST],
  repo: REPO,
  callables: [
    maker('client', undefined, 87, 'A low-level AWS client of the default session, with its own connection pool.'),
    maker('resource', undefined, 96, 'An AWS resource of the default session, over a client with its own connection pool.'),
    {
      name: 'Session',
      kind: 'factory',
      summary: 'Credentials and settings from which clients and resources are built; it has no pool of its own.',
      docs: DOCS,
      params: [],
      positional: [{ versions: {}, names: [], source: at(SESSION, 55) }],
      aliases: ['session.Session'],
      source: at(SESSION, 32),
    },
    maker('client', 'Session', 233, 'A low-level AWS client of this session, with its own connection pool.'),
    maker('resource', 'Session', 341, 'An AWS resource of this session, over a client with its own connection pool.'),
  ],
  configs: [{ ...BOTOCORE_CONFIG, foreignBuilder: { module: 'botocore', source: at(SESSION, 244) } }],
};
