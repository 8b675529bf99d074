/**
 * openai (openai/openai-python): the OpenAI and Azure clients (sync and async), `with_options`,
 * the per-request `timeout=` of resource methods, and the SDK's `DefaultHttpxClient` family. The
 * SDK's defaults differ from httpx's (10-minute timeout, 1000/100 pool, redirects followed), and
 * since v3.0.0 it sends through httpx2. Facts read at the release tags in each `source`. Data only.
 */
import { resourceMethod, sdkClient, sdkConfigs, sdkDefaultClient, withOptions, type HttpxSdkFacts, type SdkClient } from './httpxSdk';
import type { CallableSpec, LibrarySpec, Source } from './schema';

const REPO = 'openai/openai-python';
const at = (tag: string, path: string, line?: number): Source => ({ repo: REPO, tag: `v${tag}`, path, line });
const NEWEST = '3.3.1';
const BASE = 'src/openai/_base_client.py';
const CONSTANTS = 'src/openai/_constants.py';

const facts: HttpxSdkFacts = {
  timeout: [
    // DEFAULT_TIMEOUT = Timeout(timeout=600, connect=5.0) in every 1.x–3.x release.
    { versions: {}, values: { connect: 5.0, read: 600, write: 600, pool: 600 }, source: at(NEWEST, CONSTANTS, 7) },
  ],
  limits: [
    { versions: { until: '1.15.0' }, values: { max_connections: 100, max_keepalive_connections: 20, keepalive_expiry: 5.0 }, source: at('1.0.0', CONSTANTS, 10) },
    { versions: { from: '1.15.0' }, values: { max_connections: 1000, max_keepalive_connections: 100, keepalive_expiry: 5.0 }, source: at(NEWEST, CONSTANTS, 9) },
  ],
  followRedirects: [
    { versions: { until: '1.10.0' }, default: 'False', source: at('1.9.0', BASE, 773) },
    { versions: { from: '1.10.0' }, default: 'True', source: at('1.10.0', BASE, 780) },
  ],
  maxRetries: { value: 2, source: at(NEWEST, CONSTANTS, 8) },
  underlyingDefaultTimeout: [{ versions: {}, values: { connect: 5.0, read: 5.0, write: 5.0, pool: 5.0 }, source: at(NEWEST, BASE, 128) }],
  underlyingModules: [
    { versions: { until: '3.0.0' }, module: 'httpx', source: at('2.54.0', BASE, 869) },
    { versions: { from: '3.0.0' }, module: 'httpx2', source: at('3.0.0', BASE, 874) },
    // 3.x still accepts a plain httpx client (`is_legacy_httpx_sync_client` / `_async_client` in src/openai/_httpx2.py), with httpx's pool and redirects.
    { versions: { from: '3.0.0' }, module: 'httpx', source: at('3.0.0', BASE, 938) },
  ],
  underlyingFollowRedirects: { versions: {}, default: 'False', source: { repo: 'encode/httpx', tag: '0.28.1', path: 'httpx/_client.py', line: 639 } },
  httpClientDocs: at(NEWEST, 'src/openai/_client.py', 170),
  withOptions: at(NEWEST, 'src/openai/_client.py', 765),
  requestTimeout: at(NEWEST, 'src/openai/resources/chat/completions/completions.py', 135),
  docs: 'https://github.com/openai/openai-python#timeouts',
};

const CLIENTS: readonly (SdkClient & { readonly defaultClient: string })[] = [
  { name: 'OpenAI', summary: 'The OpenAI API client (synchronous), over its own httpx client unless `http_client=` is given.', source: at(NEWEST, 'src/openai/_client.py', 118), defaultClient: 'DefaultHttpxClient' },
  { name: 'AsyncOpenAI', summary: 'The OpenAI API client (asynchronous), over its own httpx client unless `http_client=` is given.', source: at(NEWEST, 'src/openai/_client.py', 802), defaultClient: 'DefaultAsyncHttpxClient' },
  { name: 'AzureOpenAI', summary: 'The Azure OpenAI client (synchronous), with the same defaults as `OpenAI`.', source: at(NEWEST, 'src/openai/lib/azure.py', 103), defaultClient: 'DefaultHttpxClient' },
  { name: 'AsyncAzureOpenAI', summary: 'The Azure OpenAI client (asynchronous), with the same defaults as `AsyncOpenAI`.', source: at(NEWEST, 'src/openai/lib/azure.py', 433), defaultClient: 'DefaultAsyncHttpxClient' },
];

const DEFAULT_CLIENTS: readonly [SdkClient, 'Client' | 'AsyncClient'][] = [
  [{ name: 'DefaultHttpxClient', summary: "An httpx client with the SDK's defaults: timeout 600 s (connect 5 s), pool 1000/100, redirects followed.", source: at(NEWEST, BASE, 873), since: '1.17.0' }, 'Client'],
  [{ name: 'DefaultAsyncHttpxClient', summary: "An async httpx client with the SDK's defaults: timeout 600 s (connect 5 s), pool 1000/100, redirects followed.", source: at(NEWEST, BASE, 1470), since: '1.17.0' }, 'AsyncClient'],
  [{ name: 'DefaultAioHttpClient', summary: "An async client over aiohttp (the `aiohttp` extra) with the SDK's defaults: timeout 600 s (connect 5 s), pool 1000/100, redirects followed.", source: at(NEWEST, BASE, 1491), since: '1.89.0' }, 'AsyncClient'],
];

const callables: CallableSpec[] = [
  ...CLIENTS.map((client) => sdkClient(facts, client, client.defaultClient)),
  ...CLIENTS.map((client) => withOptions(facts, client.name)),
  ...CLIENTS.map((client) => resourceMethod(facts, client.name)),
  ...DEFAULT_CLIENTS.map(([client, base]) => sdkDefaultClient(facts, client, base)),
];

/** The openai catalog, checked against v3.3.1 and the earlier tags cited per fact. */
export const openai: LibrarySpec = {
  id: 'openai',
  displayName: 'openai',
  modules: ['openai'],
  newestVersion: NEWEST,
  distribution: 'openai',
  // The releases whose facts are cited, and those where a default changed.
  releases: ['1.0.0', '1.9.0', '1.10.0', '1.15.0', '1.17.0', '1.89.0', '2.47.0', '2.54.0', '3.0.0', NEWEST],
  repo: REPO,
  tagPrefix: 'v',
  callables,
  configs: sdkConfigs(at(NEWEST, 'src/openai/_client.py', 12)),
};
