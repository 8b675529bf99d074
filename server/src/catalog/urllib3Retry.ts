/**
 * urllib3's `Retry` (1.26 and 2.x): every parameter with its default, the positional orders
 * (`other` inserted in 1.26, `backoff_max` in 2.0, `retry_after_max` in 2.6.3) and the removed
 * `method_whitelist`. A bare `Retry()` is total=10; a pool given no `retries=` uses `Retry(3)`. Data only.
 */
import type { CallableSpec, ParamSpec, Source } from './schema';

const at = (tag: string, path: string, line?: number): Source => ({ repo: 'urllib3/urllib3', tag, path, line });
const OLD = (path: string, line?: number) => at('1.26.20', `src/urllib3/${path}`, line);
const RETRY_SIG = at('2.7.0', 'src/urllib3/util/retry.py', 219);
const OLD_RETRY_SIG = OLD('util/retry.py', 245);
const RETRY_DOCS = 'https://urllib3.readthedocs.io/en/stable/reference/urllib3.util.html#urllib3.util.Retry';

function retryParam(name: string, def: string, unit: 'retries' | 'seconds' | 'none', type: string, meaning: string, extra: Partial<ParamSpec> = {}): ParamSpec {
  return { name, default: def, unit, type, meaning, source: RETRY_SIG, ...extra };
}

const COUNT = 'int | None';
export const retryCallable: CallableSpec = {
  name: 'Retry',
  kind: 'config',
  summary: 'A retry policy. A bare `Retry()` allows 10 retries, but a pool given no `retries=` uses `Retry.DEFAULT` = `Retry(3)`, and requests uses `Retry(0, read=False)`.',
  docs: RETRY_DOCS,
  params: [
    retryParam('total', '10', 'retries', 'int | bool | None', 'The most retries of any kind; it takes precedence over the other counts.'),
    retryParam('connect', 'None', 'retries', COUNT, 'The most retries after connection errors.'),
    retryParam('read', 'None', 'retries', COUNT, 'The most retries after read errors (the request may have reached the server).'),
    retryParam('redirect', 'None', 'retries', 'int | bool | None', 'The most redirects followed.'),
    retryParam('status', 'None', 'retries', COUNT, 'The most retries on a status in `status_forcelist`.'),
    retryParam('other', 'None', 'retries', COUNT, 'The most retries after other errors.', { since: '1.26.0' }),
    retryParam('allowed_methods', 'DEFAULT_ALLOWED_METHODS', 'none', 'Collection[str] | None', 'The methods that are retried on read and status errors.', {
      defaultsByVersion: [{ versions: { until: '2.0.0' }, default: '_Default', source: OLD_RETRY_SIG }],
    }),
    retryParam('status_forcelist', 'None', 'none', 'Collection[int] | None', 'The response statuses that are retried.'),
    retryParam('backoff_factor', '0', 'seconds', 'float', 'The factor of the exponential wait between retries.'),
    retryParam('backoff_max', 'DEFAULT_BACKOFF_MAX', 'seconds', 'float', 'The longest wait between retries.', { since: '2.0.0', effectiveDefault: { value: 120, text: '120 s' } }),
    retryParam('raise_on_redirect', 'True', 'none', 'bool', 'Raise when redirects run out, instead of returning the response.'),
    retryParam('raise_on_status', 'True', 'none', 'bool', 'Raise when status retries run out, instead of returning the response.'),
    retryParam('history', 'None', 'none', 'tuple | None', 'The retries made so far.'),
    retryParam('respect_retry_after_header', 'True', 'none', 'bool', 'Wait as long as a Retry-After header says.'),
    retryParam('remove_headers_on_redirect', 'DEFAULT_REMOVE_HEADERS_ON_REDIRECT', 'none', 'Collection[str]', 'Headers dropped on a redirect to another host.', {
      defaultsByVersion: [{ versions: { until: '2.0.0' }, default: '_Default', source: OLD_RETRY_SIG }],
    }),
    retryParam('backoff_jitter', '0.0', 'seconds', 'float', 'Random extra wait added to each backoff.', { since: '2.0.0' }),
    retryParam('retry_after_max', 'DEFAULT_RETRY_AFTER_MAX', 'seconds', 'int', 'The longest Retry-After wait honoured.', {
      since: '2.6.3',
      effectiveDefault: { value: 21600, text: '21600 s' },
    }),
    retryParam('method_whitelist', '_Default', 'none', 'Collection[str]', 'The old name of `allowed_methods=`.', {
      lifecycle: {
        deprecatedIn: '1.26.0',
        removedIn: '2.0.0',
        replacement: 'allowed_methods',
        warning: "Using 'method_whitelist' with Retry is deprecated and will be removed in v2.0. Use 'allowed_methods' instead",
        source: OLD('util/retry.py', 265),
      },
      source: OLD_RETRY_SIG,
    }),
  ],
  positional: [
    {
      versions: { until: '2.0.0' },
      names: ['total', 'connect', 'read', 'redirect', 'status', 'other', 'allowed_methods', 'status_forcelist', 'backoff_factor', 'raise_on_redirect', 'raise_on_status', 'history', 'respect_retry_after_header', 'remove_headers_on_redirect', 'method_whitelist'],
      source: OLD_RETRY_SIG,
    },
    {
      versions: { from: '2.0.0', until: '2.6.3' },
      names: ['total', 'connect', 'read', 'redirect', 'status', 'other', 'allowed_methods', 'status_forcelist', 'backoff_factor', 'backoff_max', 'raise_on_redirect', 'raise_on_status', 'history', 'respect_retry_after_header', 'remove_headers_on_redirect', 'backoff_jitter'],
      source: at('2.0.0', 'src/urllib3/util/retry.py', 198),
    },
    {
      versions: { from: '2.6.3' },
      names: ['total', 'connect', 'read', 'redirect', 'status', 'other', 'allowed_methods', 'status_forcelist', 'backoff_factor', 'backoff_max', 'raise_on_redirect', 'raise_on_status', 'history', 'respect_retry_after_header', 'remove_headers_on_redirect', 'backoff_jitter', 'retry_after_max'],
      source: RETRY_SIG,
    },
  ],
  aliases: ['util.Retry', 'util.retry.Retry'],
  factsKey: 'Retry',
  source: RETRY_SIG,
};
