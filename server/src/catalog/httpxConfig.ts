/**
 * httpx's configuration objects: the Timeout and Limits callables with their old keyword names,
 * the PoolLimits of releases before 0.15, and the ConfigSpecs they build. Part of the httpx catalog
 * (`httpx.ts`), split off to keep files small. Data only.
 */
import type { CallableSpec, ConfigSpec, ParamSpec, Source } from './schema';

export const HTTPX_REPO = 'encode/httpx';
/** A source in encode/httpx at a release tag. */
export const httpxAt = (tag: string, path: string, line?: number): Source => ({ repo: HTTPX_REPO, tag, path, line });
const at = httpxAt;

const TIMEOUT_SIG = at('0.28.1', 'httpx/_config.py', 86);
const LIMITS_SIG = at('0.28.1', 'httpx/_config.py', 173);

export const TIMEOUT_DOCS = 'https://www.python-httpx.org/advanced/timeouts/';
export const LIMITS_DOCS = 'https://www.python-httpx.org/advanced/resource-limits/';

const TIMEOUT_PHASE_SOURCE = at('0.14.0', 'httpx/_config.py', 207);

function timeoutPhase(name: string, meaning: string): ParamSpec {
  return { name, default: 'UNSET', unit: 'seconds', type: 'float | None', meaning, since: '0.14.0', source: TIMEOUT_SIG };
}

function oldTimeoutName(oldName: string, replacement: string): ParamSpec {
  return {
    name: oldName,
    default: 'UNSET',
    unit: 'seconds',
    type: 'float | None',
    meaning: `The old name of \`${replacement}=\`.`,
    lifecycle: {
      deprecatedIn: '0.14.0',
      removedIn: '0.15.0',
      replacement,
      warning: `httpx.Timeout(..., ${oldName}=...) is deprecated and will raise errors in a future version. Use httpx.Timeout(..., ${replacement}=...) instead.`,
      source: TIMEOUT_PHASE_SOURCE,
    },
    source: at('0.13.3', 'httpx/_config.py', 206),
  };
}

const timeoutCallable: CallableSpec = {
  name: 'Timeout',
  kind: 'config',
  summary: 'Timeouts per phase of a request, in seconds; None means no limit.',
  docs: TIMEOUT_DOCS,
  builds: 'httpx.Timeout',
  params: [
    {
      name: 'timeout',
      default: 'UNSET',
      unit: 'seconds',
      type: 'float | None | tuple | Timeout',
      meaning: 'The default for every phase not given by keyword.',
      config: 'httpx.Timeout',
      defaultsByVersion: [
        // Up to 0.13 the default was None; in 0.14 it is UNSET, but a missing default still falls back to None (with a DeprecationWarning).
        { versions: { until: '0.14.0' }, default: 'None', source: at('0.13.3', 'httpx/_config.py', 206) },
        { versions: { from: '0.14.0', until: '0.15.0' }, default: 'None', source: at('0.14.0', 'httpx/_config.py', 207) },
      ],
      source: TIMEOUT_SIG,
    },
    timeoutPhase('connect', 'The most seconds to wait for a connection to be established.'),
    timeoutPhase('read', 'The most seconds to wait for a chunk of the response.'),
    timeoutPhase('write', 'The most seconds to wait for a chunk of the request body to be sent.'),
    timeoutPhase('pool', 'The most seconds to wait for a free connection when the pool is at `max_connections`; then `httpx.PoolTimeout` is raised.'),
    oldTimeoutName('connect_timeout', 'connect'),
    oldTimeoutName('read_timeout', 'read'),
    oldTimeoutName('write_timeout', 'write'),
    oldTimeoutName('pool_timeout', 'pool'),
  ],
  positional: [{ versions: {}, names: ['timeout'], source: TIMEOUT_SIG }],
  factsKey: 'Timeout',
  source: TIMEOUT_SIG,
};

function limitField(name: string, def: string, unit: 'connections' | 'seconds', meaning: string, clientDefault: number | null, since: string): ParamSpec {
  return { name, default: def, unit, type: unit === 'seconds' ? 'float | None' : 'int | None', meaning, clientDefault, since, source: LIMITS_SIG };
}

const MAX_CONNECTIONS_MEANING = 'The most connections the pool opens at once, across all hosts; a request beyond it waits for a free connection.';
const MAX_KEEPALIVE_MEANING = 'The most idle connections kept open for reuse; more are closed when they become idle.';

const limitsCallable: CallableSpec = {
  name: 'Limits',
  kind: 'config',
  summary: 'Connection-pool limits; every field is keyword-only, and an omitted field means no limit (not the client default).',
  docs: LIMITS_DOCS,
  builds: 'httpx.Limits',
  params: [
    limitField('max_connections', 'None', 'connections', MAX_CONNECTIONS_MEANING, 100, '0.14.0'),
    limitField('max_keepalive_connections', 'None', 'connections', MAX_KEEPALIVE_MEANING, 20, '0.14.0'),
    limitField('keepalive_expiry', '5.0', 'seconds', 'How long an idle connection is kept before it is closed.', 5.0, '0.17.0'),
    {
      name: 'max_keepalive',
      default: 'None',
      unit: 'connections',
      type: 'int | None',
      meaning: 'The old name of `max_keepalive_connections=`.',
      lifecycle: {
        deprecatedIn: '0.14.0',
        removedIn: '0.15.0',
        replacement: 'max_keepalive_connections',
        warning: "'max_keepalive' is deprecated. Use 'max_keepalive_connections'.",
        source: at('0.14.0', 'httpx/_config.py', 333),
      },
      source: at('0.14.0', 'httpx/_config.py', 333),
    },
  ],
  positional: [{ versions: {}, names: [], source: LIMITS_SIG }],
  since: '0.14.0',
  factsKey: 'Limits',
  source: LIMITS_SIG,
};

const POOL_LIMITS_SOURCE = at('0.13.3', 'httpx/_config.py', 297);

function oldLimitName(name: string, replacement: string, deprecatedIn: string | undefined, removedIn: string, since?: string): ParamSpec {
  return {
    name,
    since,
    default: 'None',
    unit: 'connections',
    type: 'int | None',
    meaning: `Migrates to \`Limits(${replacement}=)\`.`,
    lifecycle: { deprecatedIn, removedIn, replacement, source: at(deprecatedIn ?? removedIn, 'httpx/_config.py') },
    source: POOL_LIMITS_SOURCE,
  };
}

const poolLimitsCallable: CallableSpec = {
  name: 'PoolLimits',
  kind: 'config',
  summary: 'The old name of `httpx.Limits`.',
  docs: LIMITS_DOCS,
  builds: 'httpx.Limits',
  params: [
    oldLimitName('soft_limit', 'max_keepalive_connections', '0.13.0', '0.14.0'),
    oldLimitName('hard_limit', 'max_connections', '0.13.0', '0.14.0'),
    oldLimitName('max_keepalive', 'max_keepalive_connections', '0.14.0', '0.15.0', '0.13.0'),
    { ...limitField('max_connections', 'None', 'connections', MAX_CONNECTIONS_MEANING, 100, '0.13.0'), source: POOL_LIMITS_SOURCE },
  ],
  positional: [{ versions: {}, names: [], source: POOL_LIMITS_SOURCE }],
  lifecycle: {
    deprecatedIn: '0.14.0',
    removedIn: '0.15.0',
    replacement: 'Limits',
    warning: 'httpx.PoolLimits(...) is deprecated and will raise errors in the future. Use httpx.Limits(...) instead.',
    source: at('0.14.0', 'httpx/_config.py', 367),
  },
  factsKey: 'PoolLimits',
  source: POOL_LIMITS_SOURCE,
};

const timeoutConfig: ConfigSpec = {
  id: 'httpx.Timeout',
  callable: 'Timeout',
  fields: [
    { name: 'connect', unit: 'seconds', meaning: 'establishing a connection', noneMeans: 'no limit' },
    { name: 'read', unit: 'seconds', meaning: 'waiting for each chunk of the response', noneMeans: 'no limit' },
    { name: 'write', unit: 'seconds', meaning: 'sending each chunk of the request', noneMeans: 'no limit' },
    { name: 'pool', unit: 'seconds', meaning: 'waiting for a free connection from the pool', noneMeans: 'waits forever' },
  ],
  numberSetsAllFields: true,
  noneSetsAllFields: true,
  tuple: { order: ['connect', 'read', 'write', 'pool'], minLength: 2, ignoresKeywords: true, source: at('0.28.1', 'httpx/_config.py', 102) },
  fallbackParam: 'timeout',
  fallbackOrAllFieldsRequired: {
    error: 'ValueError: httpx.Timeout must either include a default, or set all four parameters explicitly.',
    since: '0.15.0',
    source: at('0.15.0', 'httpx/_config.py'),
  },
  docs: TIMEOUT_DOCS,
};

const limitsConfig: ConfigSpec = {
  id: 'httpx.Limits',
  callable: 'Limits',
  fields: [
    { name: 'max_connections', unit: 'connections', meaning: 'connections open at once', noneMeans: 'no limit' },
    { name: 'max_keepalive_connections', unit: 'connections', meaning: 'idle connections kept for reuse', noneMeans: 'no separate cap' },
    { name: 'keepalive_expiry', unit: 'seconds', meaning: 'how long an idle connection is kept', noneMeans: 'never expires' },
  ],
  constraints: [
    {
      kind: 'not-above',
      field: 'max_keepalive_connections',
      limit: 'max_connections',
      explanation: 'the pool never holds more connections than `max_connections`, so the extra keep-alive allowance is never used (httpcore clamps it)',
    },
    { kind: 'positive', field: 'max_connections', explanation: 'a pool of zero connections cannot send any request' },
  ],
  docs: LIMITS_DOCS,
};

/** The config callables, in catalog order. */
export const httpxConfigCallables: readonly CallableSpec[] = [limitsCallable, timeoutCallable, poolLimitsCallable];

export const httpxConfigs: readonly ConfigSpec[] = [timeoutConfig, limitsConfig];
