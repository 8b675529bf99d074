/**
 * Card rows for a client whose pool and timeout live elsewhere: the timeout every request uses
 * when it passes none (a requests Session has none of its own), and the pool of its default
 * adapter, or of the adapters mounted on it in this file (`s.mount("https://", HTTPAdapter(...))`).
 */
import type { Catalog } from '../../catalog';
import type { CallableSpec, ParamSpec } from '../../catalog/schema';
import { defaultAt, nameStatusAt, omittedFieldsAt } from '../../catalog/versions';
import type { Analysis, LazyAnalysis } from '../analysis/analyze';
import type { BoundCall, Expr } from '../types';
import type { CardRow } from './cardData';
import { formatNumber, siteLink } from './format';

export function poolRows(call: BoundCall, analysis: LazyAnalysis, catalog: Catalog): CardRow[] {
  return [...timeoutRows(call, catalog), ...adapterRows(call, analysis, catalog)];
}

function timeoutRows(call: BoundCall, catalog: Catalog): CardRow[] {
  const spec = call.callable.perRequestTimeout;
  const method = spec && catalog.lookup(`${call.library.modules[0]}.${call.callable.name}.${spec.method}`)?.callable;
  const param = method?.params.find((candidate) => candidate.name === spec!.param);
  const values = param ? omittedFieldsAt(param, call.version) : undefined;
  if (!spec || !values) return [];
  const all = Object.values(values);
  const value = all.every((item) => item === null)
    ? 'none: a request can wait forever'
    : Object.entries(values).map(([field, item]) => `${field} ${item === null ? 'None' : formatNumber(item, 'seconds')}`).join(', ');
  return [{ option: `\`${spec.param}\``, value, origin: spec.explanation }];
}

function adapterRows(call: BoundCall, lazy: LazyAnalysis, catalog: Catalog): CardRow[] {
  const pool = call.callable.defaultPool;
  const adapter = pool && catalog.lookup(`${call.library.modules[0]}.${pool.callable}`)?.callable;
  if (!pool || !adapter) return [];
  // Mounts may be anywhere in the file: every call is needed.
  const analysis = lazy.complete();
  const mounts = analysis.calls.filter((candidate) => candidate.receiver === call && candidate.callable.name === pool.mountMethod);
  if (mounts.length === 0) return paramRows(adapter, undefined, call.version, unfollowedMounts(analysis, pool.mountMethod) ? 'unless replaced by a mount this card cannot follow' : '');
  return mounts.flatMap((mount) => {
    const prefix = mount.args.find((arg) => arg.param?.name === pool.prefixParam)?.expr.text ?? '?';
    const given = mount.args.find((arg) => arg.param?.name === pool.adapterParam)?.expr;
    if (given?.value.kind === 'call' && given.value.call.callable === adapter) {
      return paramRows(adapter, given.value.call, call.version, `mounted on ${prefix}`);
    }
    return [{ option: `\`${pool.adapterParam}\` for ${prefix}`, value: `unknown: \`${given?.text ?? '?'}\``, origin: `mounted on ${prefix}` }];
  });
}

/** True when the file calls the mount method on objects the analysis could not resolve (a name assigned twice, say). */
function unfollowedMounts(analysis: Analysis, method: string): boolean {
  const written = analysis.text.match(new RegExp(`\\.${method}\\s*\\(`, 'g'))?.length ?? 0;
  const bound = analysis.calls.filter((candidate) => candidate.callable.name === method && candidate.callable.kind === 'mount-method').length;
  return written > bound;
}

/** One row per counted parameter of an adapter: given in `bound`, else its default; a soft cap says so. `where` names the mount. */
function paramRows(callable: CallableSpec, bound: BoundCall | undefined, version: string, where: string): CardRow[] {
  const params = callable.params.filter((param) => param.unit !== 'none' && !param.config && nameStatusAt(version, param.since, param.lifecycle) === 'current');
  return params.map((param) => {
    const arg = bound?.args.find((candidate) => candidate.param === param);
    if (!arg && bound && bound.splats.length > 0) return { option: `\`${param.name}\``, value: 'unknown: may be set by `**kwargs`', origin: where || 'unknown here' };
    const from = arg ? explicitOrigin(arg.expr) : `\`${shortName(callable)}\` default`;
    const origin = !where ? from : bound ? `${where}: ${from}` : `${from}, ${where}`;
    return { option: `\`${param.name}\``, value: paramValue(param, arg?.expr, version) + softCapNote(callable, bound, param, version), origin };
  });
}

function paramValue(param: ParamSpec, expr: Expr | undefined, version: string): string {
  return expr ? argumentValue(expr, param.unit) : (param.effectiveDefault?.text ?? defaultAt(param, version));
}

/** `explicit`, and for a value another module defines, through which name and where. */
export function explicitOrigin(expr: Expr): string {
  return expr.definedIn ? `explicit, via \`${expr.via}\` (${siteLink(expr.definedIn)})` : 'explicit';
}

/** A plain argument as a card shows it: a number with its unit, `True`/`False`/`None`, else what is unknown. */
export function argumentValue(expr: Expr, unit: string): string {
  const value = expr.value;
  if (value.kind === 'number') return formatNumber(value.value, unit);
  if (value.kind === 'bool') return value.value ? 'True' : 'False';
  if (value.kind === 'none') return 'None';
  // A catalogued construction (`Retry(3)`) is known: its own hover card describes it.
  if (value.kind === 'call') return `\`${expr.text.replace(/\s+/g, ' ')}\``;
  if (value.kind === 'oneOf') return `one of ${value.alternatives.map((alternative) => argumentValue(alternative, unit)).join(' · ')}`;
  if (value.kind === 'parameter') {
    const main = value.default ? `${argumentValue(value.default, unit)} unless the caller passes \`${value.name}\`` : `set by the caller (\`${value.name}\`)`;
    const passed = [...new Set(value.passed.map((argument) => argumentValue(argument, unit)))];
    return passed.length > 0 ? `${main} (calls here pass ${passed.join(', ')})` : main;
  }
  return `unknown: \`${expr.text}\``;
}

/** ` (soft cap: pool_block is False)` for a size that the flag beside it does not enforce. */
export function softCapNote(callable: CallableSpec, bound: BoundCall | undefined, param: ParamSpec, version: string): string {
  const flagName = param.softCapUnless?.param;
  const flag = flagName ? callable.params.find((candidate) => candidate.name === flagName) : undefined;
  if (!flag) return '';
  const value = bound?.args.find((arg) => arg.param === flag)?.expr.value;
  const on = value ? (value.kind === 'bool' ? value.value : undefined) : flag.effectiveDefault?.value ?? defaultAt(flag, version) === 'True';
  if (on === undefined) return ` (a hard cap only if \`${flag.name}\` is true)`;
  return on ? ` (hard cap: \`${flag.name}\` is True)` : ` (soft cap: \`${flag.name}\` is False)`;
}

function shortName(callable: CallableSpec): string {
  return callable.name.slice(callable.name.lastIndexOf('.') + 1);
}
