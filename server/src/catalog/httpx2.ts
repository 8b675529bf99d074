/**
 * httpx2 (pydantic/httpx2), the maintained fork of httpx. Its pool and timeout API is httpx
 * 0.28.1's, checked against the httpx2 2.13.1 release: Limits and Timeout keep their signatures
 * and defaults (`httpx2/_config.py:157`, `:99`, DEFAULT_LIMITS `:219`, DEFAULT_TIMEOUT_CONFIG `:218`),
 * Client/AsyncClient stay keyword-only and still ignore `limits=` next to `transport=`
 * (`httpx2/_client.py:613`, `:1450`, `:700`), HTTPTransport keeps 0.28's positional order
 * (`httpx2/_transports/default.py:132`), and the request functions keep `timeout=DEFAULT_TIMEOUT_CONFIG`
 * (`httpx2/_api.py:50`). So the callables are httpx's, with httpx2's sources on the constructors.
 * The versions 2.x sort after 0.28, so every version range of the httpx facts selects 0.28's view.
 */
import { httpx } from './httpx';
import type { CallableSpec, ConfigSpec, LibrarySpec, Source } from './schema';

const REPO = 'pydantic/httpx2';
const TAG = '2.13.1';
const at = (path: string, line: number): Source => ({ repo: REPO, tag: TAG, path, line });

const HTTPX2_SOURCES: Readonly<Record<string, Source>> = {
  Client: at('src/httpx2/httpx2/_client.py', 613),
  AsyncClient: at('src/httpx2/httpx2/_client.py', 1450),
  HTTPTransport: at('src/httpx2/httpx2/_transports/default.py', 132),
  AsyncHTTPTransport: at('src/httpx2/httpx2/_transports/default.py', 275),
  Limits: at('src/httpx2/httpx2/_config.py', 157),
  Timeout: at('src/httpx2/httpx2/_config.py', 99),
  request: at('src/httpx2/httpx2/_api.py', 50),
};

function forHttpx2(callable: CallableSpec): CallableSpec {
  const source = HTTPX2_SOURCES[callable.name] ?? callable.source;
  const poolWait = callable.poolWait && { ...callable.poolWait, raises: 'httpx2.PoolTimeout' };
  return { ...callable, source, poolWait };
}

function configForHttpx2(config: ConfigSpec): ConfigSpec {
  const required = config.fallbackOrAllFieldsRequired;
  return required
    ? { ...config, fallbackOrAllFieldsRequired: { ...required, error: required.error.replace('httpx.', 'httpx2.'), source: at('src/httpx2/httpx2/_config.py', 135) } }
    : config;
}

export const httpx2: LibrarySpec = {
  ...httpx,
  id: 'httpx2',
  displayName: 'httpx2',
  modules: ['httpx2'],
  newestVersion: TAG,
  distribution: 'httpx2',
  releases: [TAG],
  repo: REPO,
  callables: httpx.callables.filter((callable) => callable.name !== 'PoolLimits').map(forHttpx2),
  configs: httpx.configs.map(configForHttpx2),
};
