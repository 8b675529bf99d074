/**
 * What an SDK client that sends through another HTTP client (`OpenAI(http_client=...)`) ends up
 * with for its pool and redirects: the SDK's own client when the parameter is omitted, else the
 * passed client's configuration, and whether that client is a plain one of the underlying library
 * (which drops the SDK's defaults). Generic over the catalog's `wrapsClient`.
 */
import type { WrappedClient } from '../../catalog/schema';
import { defaultAt, isInRange, versionedFieldsAt } from '../../catalog/versions';
import type { BoundArg, BoundCall } from '../types';
import type { EffectiveConfigs } from './configQueries';
import type { EffectiveConfig, FieldValue } from './effective';

export type WrappedClientState = {
  readonly spec: WrappedClient;
  /** The `http_client=` argument, when given (and not None). */
  readonly arg?: BoundArg;
  /** The passed client's construction, when known. */
  readonly client?: BoundCall;
  /** The passed client is a plain client of the underlying library, not the SDK's own. */
  readonly plain: boolean;
  /** The pool limits in effect (undefined when not known). */
  readonly limits?: EffectiveConfig;
  /** Whether redirects are followed (`True`/`False`), or undefined when not known; and from where. */
  readonly redirects: { readonly value?: string; readonly from: string };
};

export function wrappedClientState(call: BoundCall, configs: EffectiveConfigs): WrappedClientState | undefined {
  const spec = call.callable.wrapsClient;
  if (!spec) return undefined;
  const arg = call.args.find((candidate) => candidate.param?.name === spec.param);
  const config = configs.catalog.config(call.library, spec.limits.config);
  if (!arg || arg.expr.value.kind === 'none') {
    if (call.splats.length > 0) return { spec, plain: false, redirects: { from: 'may be set by `**kwargs`' } };
    const values = versionedFieldsAt(spec.limits.sdkDefault, call.version);
    const own = `the SDK's own client (no \`${spec.param}=\`)`;
    const fields = config && values ? config.fields.map((field): FieldValue => ({ field, value: values[field.name], origin: { kind: 'omitted', param: spec.param, callable: call.callable.name }, via: [] })) : [];
    const redirects = spec.redirects.sdkDefault.find((entry) => isInRange(call.version, entry.versions))?.default;
    return { spec, plain: false, limits: config ? { config, fields } : undefined, redirects: { value: redirects, from: own } };
  }
  if (arg.expr.value.kind !== 'call') return { spec, arg, plain: false, redirects: { from: `set by \`${arg.expr.text}\`, not known here` } };
  const client = arg.expr.value.call;
  const underlying = spec.underlyingModules.filter((entry) => isInRange(call.version, entry.versions)).map((entry) => entry.module);
  const plain = underlying.some((module) => client.library.modules.includes(module));
  const limitsParam = client.callable.params.find((param) => param.config === spec.limits.config);
  const limits = limitsParam ? configs.ofParam(client, limitsParam) : undefined;
  return { spec, arg, client, plain, limits, redirects: redirectsOf(spec, client) };
}

function redirectsOf(spec: WrappedClient, client: BoundCall): WrappedClientState['redirects'] {
  const given = client.args.find((arg) => arg.name === spec.redirects.param);
  if (given) return given.expr.value.kind === 'bool' ? { value: given.expr.value.value ? 'True' : 'False', from: 'explicit' } : { from: `\`${given.expr.text}\`, not known here` };
  if (client.splats.length > 0) return { from: 'may be set by `**kwargs`' };
  const param = client.callable.params.find((candidate) => candidate.name === spec.redirects.param);
  if (param) return { value: defaultAt(param, client.version), from: `\`${client.callable.name}\` default` };
  return { value: spec.redirects.underlyingDefault.default, from: `\`${client.qualifiedName}\` default` };
}
