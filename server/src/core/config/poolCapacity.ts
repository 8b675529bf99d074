/**
 * How many requests a client's pool serves at once, read generically from the catalog: a cap
 * field whose excess requests queue under a pool timeout (`poolWait`), a size that is only a soft
 * cap unless a flag blocks (`softCapUnless`) on the client itself or on the adapter that serves the
 * request's URL (`defaultPool` and the adapters mounted on it), or no limit at all.
 */
import type { CallableSpec, ParamSpec, PoolWait } from '../../catalog/schema';
import { defaultAt } from '../../catalog/versions';
import type { ConcurrentUse } from '../analysis/concurrency/types';
import type { BoundCall, TextSpan } from '../types';
import { parseDefault } from './defaults';
import type { EffectiveConfigs } from './configQueries';
import type { EffectiveConfig, FieldValue } from './effective';
import { fieldPaths } from './paths';

/** Where a fix that raises the pool writes: over a number, or a new keyword before the closing parenthesis. */
export type CapEdit = { readonly kind: 'replace'; readonly span: TextSpan } | { readonly kind: 'insert'; readonly offset: number; readonly keyword: string; readonly first: boolean };

export type PoolCapacity =
  /** Requests beyond `cap` wait in a queue, bounded by the pool's timeouts (see `poolWait`). */
  | { readonly kind: 'queue'; readonly cap: number; readonly capName: string; readonly poolWait: PoolWait; readonly configs: readonly EffectiveConfig[]; readonly edit?: CapEdit }
  /** Requests beyond `cap` open extra connections (or wait, when `blocking`): `whenFull` says which. */
  | { readonly kind: 'soft'; readonly cap: number; readonly capName: string; readonly scope: string; readonly whenFull: string; readonly blocking: boolean; readonly owner: BoundCall | undefined; readonly edit?: CapEdit }
  | { readonly kind: 'unlimited'; readonly why: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** The pool a client's requests (`requests`, bound calls sent through it) go through. */
export function poolCapacity(client: BoundCall, requests: readonly BoundCall[], calls: readonly BoundCall[], configs: EffectiveConfigs): PoolCapacity {
  const poolWait = client.callable.poolWait;
  if (poolWait) return queueCapacity(client, poolWait, configs);
  if (client.callable.poolSize) return configSizedCapacity(client, client.callable.poolSize, configs);
  const own = softCapParam(client.callable);
  if (own) return softCapacity(client, own, client);
  const pool = client.callable.defaultPool;
  const adapter = pool && configs.catalog.lookup(`${client.library.modules[0]}.${pool.callable}`)?.callable;
  const adapterParam = adapter && softCapParam(adapter);
  if (!pool || !adapter || !adapterParam) return { kind: 'unknown', reason: 'the catalog does not say how its pool is sized' };
  const mounts = calls.filter((call) => call.receiver === client && call.callable.name === pool.mountMethod);
  const mounted = mounts.map((mount) => {
    const prefix = mount.args.find((arg) => arg.param?.name === pool.prefixParam)?.expr.value;
    const given = mount.args.find((arg) => arg.param?.name === pool.adapterParam)?.expr.value;
    const capacity: PoolCapacity = given?.kind === 'call' && given.call.callable === adapter ? softCapacity(given.call, adapterParam, given.call) : { kind: 'unknown', reason: 'an adapter this analysis cannot read is mounted' };
    return { prefix: prefix?.kind === 'string' ? prefix.value : undefined, capacity };
  });
  const byDefault = softCapacity(undefined, adapterParam, undefined, client.version);
  const urls = requests.map((request) => request.args.find((arg) => arg.param?.name === 'url')?.expr.value).map((value) => (value?.kind === 'string' ? value.value : undefined));
  if (urls.length > 0 && urls.every((url) => url !== undefined)) {
    // The longest mounted prefix of each URL serves it; the widest pool among them is what the requests share.
    const serving = urls.map((url) => mounted.filter((mount) => mount.prefix !== undefined && url!.toLowerCase().startsWith(mount.prefix.toLowerCase())).sort((a, b) => b.prefix!.length - a.prefix!.length)[0]?.capacity ?? byDefault);
    return sameCapacity(serving);
  }
  if (mounted.length === 0) return byDefault;
  return sameCapacity(mounted.map((mount) => mount.capacity));
}

/** The pool of the client a concurrent use shares, judged by the requests its tasks send. */
export function capacityOfUse(use: ConcurrentUse, calls: readonly BoundCall[], configs: EffectiveConfigs): PoolCapacity {
  const requests = calls.filter((call) => use.requests.some((span) => span.start === call.span.start && span.end === call.span.end));
  return poolCapacity(use.client, requests, calls, configs);
}

/**
 * The pool of a concurrent use on each path, when its queueing cap is "one of" several values
 * (`Limits(max_connections=5) if fast else Limits(max_connections=8)`); else the one capacity.
 * Undefined when some path's pool is not known.
 */
export function capacityPathsOfUse(use: ConcurrentUse, calls: readonly BoundCall[], configs: EffectiveConfigs): readonly PoolCapacity[] | undefined {
  const capacity = capacityOfUse(use, calls, configs);
  const poolWait = use.client.callable.poolWait;
  const field = poolWait && capField(use.client, poolWait, configs);
  if (capacity.kind !== 'unknown' || !poolWait || field?.origin.kind !== 'one-of' || multiplexedReason(use.client, poolWait)) return [capacity];
  const each = fieldPaths(field).map((path) => queueFromField(path, poolWait, configs.ofCall(use.client)));
  return each.every((path) => path.kind === 'queue' || path.kind === 'unlimited') ? each : undefined;
}

function queueCapacity(client: BoundCall, poolWait: PoolWait, configs: EffectiveConfigs): PoolCapacity {
  const multiplexed = multiplexedReason(client, poolWait);
  return multiplexed ? { kind: 'unknown', reason: multiplexed } : queueFromField(capField(client, poolWait, configs), poolWait, configs.ofCall(client));
}

function multiplexedReason(client: BoundCall, poolWait: PoolWait): string | undefined {
  const multiplexed = poolWait.multiplexedBy ? client.args.find((arg) => arg.param?.name === poolWait.multiplexedBy)?.expr.value : undefined;
  return multiplexed && !(multiplexed.kind === 'bool' && !multiplexed.value) ? `\`${poolWait.multiplexedBy}\` may carry many requests on one connection` : undefined;
}

function capField(client: BoundCall, poolWait: PoolWait, configs: EffectiveConfigs): FieldValue | undefined {
  return configs.ofCall(client).flatMap((config) => config.fields).find((candidate) => candidate.field.name === poolWait.capField);
}

/** A queueing pool capped by this field's value (unknown when the value is not known here). */
function queueFromField(field: FieldValue | undefined, poolWait: PoolWait, ofClient: readonly EffectiveConfig[]): PoolCapacity {
  if (!field || field.value === undefined) return { kind: 'unknown', reason: field?.origin.kind === 'unknown' ? field.origin.reason : `\`${poolWait.capField}\` is not known here` };
  if (field.value === null || (field.value === 0 && field.field.zeroMeans)) return { kind: 'unlimited', why: `\`${poolWait.capField}\` is ${field.value === null ? 'None' : '0'}: ${field.field.zeroMeans ?? field.field.noneMeans}` };
  const edit: CapEdit | undefined = field.origin.kind === 'explicit' && field.via.length === 0 ? { kind: 'replace', span: field.origin.span } : undefined;
  return { kind: 'queue', cap: field.value, capName: poolWait.capField, poolWait, configs: ofClient, edit };
}

/** A soft cap read from a config field (botocore's `max_pool_connections`): its value, or the client's default. */
function configSizedCapacity(client: BoundCall, poolSize: NonNullable<CallableSpec['poolSize']>, configs: EffectiveConfigs): PoolCapacity {
  const field = configs.ofCall(client).flatMap((config) => config.fields).find((candidate) => candidate.field.name === poolSize.field);
  if (typeof field?.value !== 'number') return { kind: 'unknown', reason: field?.origin.kind === 'unknown' ? field.origin.reason : `\`${poolSize.field}\` is not known here` };
  const edit: CapEdit | undefined = field.origin.kind === 'explicit' && field.via.length === 0 ? { kind: 'replace', span: field.origin.span } : undefined;
  return { kind: 'soft', cap: field.value, capName: poolSize.field, scope: poolSize.scope, whenFull: poolSize.whenFull, blocking: false, owner: client, edit };
}

/** A size read from a call's argument (a literal: a fix may replace it), or the parameter's default. */
function softCapacity(bound: BoundCall | undefined, param: ParamSpec, owner: BoundCall | undefined, version = bound?.version ?? '0'): PoolCapacity {
  const flagName = param.softCapUnless!.param;
  const arg = bound?.args.find((candidate) => candidate.param === param);
  const flagArg = bound?.args.find((candidate) => candidate.param?.name === flagName)?.expr.value;
  if (bound && bound.splats.length > 0 && (!arg || !flagArg)) return { kind: 'unknown', reason: 'may be set by `**kwargs`' };
  const flag = bound?.callable.params.find((candidate) => candidate.name === flagName);
  const flagDefault = flag ? (typeof flag.effectiveDefault?.value === 'boolean' ? flag.effectiveDefault.value : defaultAt(flag, version) === 'True') : false;
  if (flagArg && flagArg.kind !== 'bool') return { kind: 'unknown', reason: `\`${flagName}\` is not known here` };
  const blocking = flagArg?.kind === 'bool' ? flagArg.value : flagDefault;
  const value = arg ? arg.expr.value : undefined;
  const byDefault = typeof param.effectiveDefault?.value === 'number' ? param.effectiveDefault.value : parseDefault(defaultAt(param, version));
  const cap = value ? (value.kind === 'number' ? value.value : undefined) : byDefault;
  if (typeof cap !== 'number') return { kind: 'unknown', reason: arg ? `\`${param.name}\` is ${arg.expr.text}` : `\`${param.name}\` has no documented default` };
  const edit: CapEdit | undefined = !bound
    ? undefined
    : arg
      ? arg.expr.via === undefined && value?.kind === 'number' ? { kind: 'replace', span: arg.expr.span } : undefined
      : { kind: 'insert', offset: bound.argumentsSpan.end - 1, keyword: param.name, first: bound.args.length === 0 && bound.splats.length === 0 };
  const { scope, whenFull, whenFullBlocking } = param.softCapUnless!;
  return { kind: 'soft', cap, capName: param.name, scope, whenFull: blocking ? whenFullBlocking : whenFull, blocking, owner, edit };
}

function softCapParam(callable: CallableSpec): ParamSpec | undefined {
  return callable.params.find((param) => param.softCapUnless && param.unit === 'connections');
}

/** One capacity when every candidate pool has the same size and flag; else unknown. */
function sameCapacity(capacities: readonly PoolCapacity[]): PoolCapacity {
  const [first] = capacities;
  const key = (capacity: PoolCapacity) => (capacity.kind === 'soft' ? `${capacity.cap}/${capacity.blocking}` : capacity.kind);
  if (!first || first.kind !== 'soft' || capacities.some((capacity) => key(capacity) !== key(first))) return { kind: 'unknown', reason: 'its requests may go through pools of different sizes' };
  return capacities.find((capacity) => capacity.kind === 'soft' && capacity.owner !== undefined) ?? first;
}
