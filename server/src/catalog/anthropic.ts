/**
 * anthropic (anthropics/anthropic-sdk-python): the Anthropic, Bedrock and Vertex clients (sync and
 * async), `with_options`, the per-request `timeout=` of resource methods, and the SDK's
 * `DefaultHttpxClient` family. Its defaults differ from httpx's (10-minute timeout, 1000/100 pool,
 * redirects followed). Facts read at the release tags in each `source`. Data only.
 */
import { resourceMethod, sdkClient, sdkConfigs, sdkDefaultClient, withOptions, type HttpxSdkFacts, type SdkClient } from './httpxSdk';
import type { CallableSpec, LibrarySpec, Source } from './schema';

const REPO = 'anthropics/anthropic-sdk-python';
const at = (tag: string, path: string, line?: number): Source => ({ repo: REPO, tag: `v${tag}`, path, line });
const NEWEST = '0.121.0';
const BASE = 'src/anthropic/_base_client.py';
const CONSTANTS = 'src/anthropic/_constants.py';

const facts: HttpxSdkFacts = {
  timeout: [
    // DEFAULT_TIMEOUT = Timeout(timeout=600.0, connect=5.0), written `10 * 60` since v0.47.0.
    { versions: {}, values: { connect: 5.0, read: 600, write: 600, pool: 600 }, source: at(NEWEST, CONSTANTS, 9) },
  ],
  limits: [
    { versions: { until: '0.22.0' }, values: { max_connections: 100, max_keepalive_connections: 20, keepalive_expiry: 5.0 }, source: at('0.6.0', CONSTANTS, 10) },
    { versions: { from: '0.22.0' }, values: { max_connections: 1000, max_keepalive_connections: 100, keepalive_expiry: 5.0 }, source: at(NEWEST, CONSTANTS, 11) },
  ],
  followRedirects: [
    { versions: { until: '0.12.0' }, default: 'False', source: at('0.6.0', BASE, 738) },
    { versions: { from: '0.12.0' }, default: 'True', source: at('0.12.0', BASE, 780) },
  ],
  maxRetries: { value: 2, source: at(NEWEST, CONSTANTS, 10) },
  underlyingDefaultTimeout: [{ versions: {}, values: { connect: 5.0, read: 5.0, write: 5.0, pool: 5.0 }, source: at(NEWEST, BASE, 128) }],
  underlyingModules: [{ versions: {}, module: 'httpx', source: at(NEWEST, BASE, 906) }],
  underlyingFollowRedirects: { versions: {}, default: 'False', source: { repo: 'encode/httpx', tag: '0.28.1', path: 'httpx/_client.py', line: 639 } },
  httpClientDocs: at(NEWEST, 'src/anthropic/_client.py', 162),
  withOptions: at(NEWEST, 'src/anthropic/_client.py', 501),
  requestTimeout: at(NEWEST, 'src/anthropic/resources/messages/messages.py', 144),
  docs: 'https://github.com/anthropics/anthropic-sdk-python#timeouts',
};

/**
 * `_calculate_nonstreaming_timeout`: 3600 s × max_tokens / 128,000 above the 600 s default raises, so
 * up to 21,333 tokens run without streaming (since v0.47.0; the per-model lower caps of
 * MODEL_NONSTREAMING_TOKENS are not modelled).
 */
const STREAMING_REQUIRED = {
  paths: ['messages.create', 'messages.parse', 'beta.messages.create', 'beta.messages.parse'],
  tokensParam: 'max_tokens',
  streamParam: 'stream',
  maxTokens: Math.floor((600 * 128_000) / 3600),
  error: 'ValueError: Streaming is required for operations that may take longer than 10 minutes.',
  since: '0.47.0',
  source: at(NEWEST, BASE, 769),
};

const CLIENTS: readonly (SdkClient & { readonly defaultClient: string })[] = [
  { name: 'Anthropic', summary: 'The Anthropic API client (synchronous), over its own httpx client unless `http_client=` is given.', source: at(NEWEST, 'src/anthropic/_client.py', 134), defaultClient: 'DefaultHttpxClient' },
  { name: 'AsyncAnthropic', summary: 'The Anthropic API client (asynchronous), over its own httpx client unless `http_client=` is given.', source: at(NEWEST, 'src/anthropic/_client.py', 554), defaultClient: 'DefaultAsyncHttpxClient' },
  { name: 'AnthropicBedrock', summary: 'The Anthropic client for Amazon Bedrock (synchronous), with the same httpx defaults as `Anthropic`.', source: at(NEWEST, 'src/anthropic/lib/bedrock/_client.py', 133), defaultClient: 'DefaultHttpxClient' },
  { name: 'AsyncAnthropicBedrock', summary: 'The Anthropic client for Amazon Bedrock (asynchronous), with the same httpx defaults as `AsyncAnthropic`.', source: at(NEWEST, 'src/anthropic/lib/bedrock/_client.py', 313), defaultClient: 'DefaultAsyncHttpxClient' },
  { name: 'AnthropicVertex', summary: 'The Anthropic client for Google Vertex AI (synchronous), with the same httpx defaults as `Anthropic`.', source: at(NEWEST, 'src/anthropic/lib/vertex/_client.py', 92), defaultClient: 'DefaultHttpxClient' },
  { name: 'AsyncAnthropicVertex', summary: 'The Anthropic client for Google Vertex AI (asynchronous), with the same httpx defaults as `AsyncAnthropic`.', source: at(NEWEST, 'src/anthropic/lib/vertex/_client.py', 256), defaultClient: 'DefaultAsyncHttpxClient' },
];

const DEFAULT_CLIENTS: readonly [SdkClient, 'Client' | 'AsyncClient'][] = [
  [{ name: 'DefaultHttpxClient', summary: "An httpx client with the SDK's defaults: timeout 600 s (connect 5 s), pool 1000/100, redirects followed.", source: at(NEWEST, BASE, 906), since: '0.24.0' }, 'Client'],
  [{ name: 'DefaultAsyncHttpxClient', summary: "An async httpx client with the SDK's defaults: timeout 600 s (connect 5 s), pool 1000/100, redirects followed.", source: at(NEWEST, BASE, 1625), since: '0.24.0' }, 'AsyncClient'],
  [{ name: 'DefaultAioHttpClient', summary: "An async client over aiohttp (the `aiohttp` extra) with the SDK's defaults: timeout 600 s (connect 5 s), pool 1000/100, redirects followed.", source: at(NEWEST, BASE, 1683), since: '0.55.0' }, 'AsyncClient'],
];

const callables: CallableSpec[] = [
  ...CLIENTS.map((client) => sdkClient(facts, client, client.defaultClient)),
  ...CLIENTS.map((client) => withOptions({ ...facts, withOptions: client.name.includes('Bedrock') ? at(NEWEST, 'src/anthropic/lib/bedrock/_client.py', client.name.startsWith('Async') ? 479 : 299) : facts.withOptions }, client.name)),
  ...CLIENTS.map((client) => ({ ...resourceMethod(facts, client.name), streamingRequired: STREAMING_REQUIRED })),
  ...DEFAULT_CLIENTS.map(([client, base]) => sdkDefaultClient(facts, client, base)),
];

/** The anthropic catalog, checked against v0.121.0 and the earlier tags cited per fact. */
export const anthropic: LibrarySpec = {
  id: 'anthropic',
  displayName: 'anthropic',
  modules: ['anthropic'],
  newestVersion: NEWEST,
  distribution: 'anthropic',
  // The releases whose facts are cited, and those where a default changed.
  releases: ['0.6.0', '0.12.0', '0.22.0', '0.24.0', '0.47.0', '0.55.0', NEWEST],
  repo: REPO,
  tagPrefix: 'v',
  callables,
  configs: sdkConfigs(at(NEWEST, 'src/anthropic/_types.py')),
};
