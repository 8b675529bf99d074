/**
 * The hover card on an option keyword: what the parameter means, its documented default, its
 * value here, and, for the options that bound the pool, how the pool cap and the pool wait tie together.
 */
import type { Catalog } from '../../catalog';
import type { ConfigSpec, ParamSpec } from '../../catalog/schema';
import { clientDefaultAt, defaultAt, nameStatusAt, omittedFieldsAt } from '../../catalog/versions';
import type { LazyAnalysis } from '../analysis/analyze';
import { fieldOfParam } from '../config/effective';
import type { BoundArg, BoundCall } from '../types';
import { retriesOfConfigCall } from '../config/retries';
import { formatFieldValue, formatNumber, formatOrigin, poolWaitSentence } from './format';
import { retryOrigin, retryValue } from './retryRow';

export function optionCard(call: BoundCall, arg: BoundArg, analysis: LazyAnalysis, catalog: Catalog): string {
  const param = arg.param!;
  const lines = [`**${param.name}** · \`${call.qualifiedName}\` · \`${param.type}\`, ${defaultText(call, param, catalog)}`, '', param.meaning];
  const lifecycle = lifecycleText(call, param);
  if (lifecycle) lines.push('', lifecycle);
  const tie = poolTie(call, param, analysis);
  if (tie) lines.push('', tie);
  lines.push('', hereText(call, arg, param, analysis));
  return lines.join('\n');
}

function defaultText(call: BoundCall, param: ParamSpec, catalog: Catalog): string {
  const config = param.config ? catalog.config(call.library, param.config) : undefined;
  const omitted = omittedFieldsAt(param, call.version);
  const written = defaultAt(param, call.version);
  if (config && omitted) return `default \`${written}\` (${describeFields(config, omitted)})`;
  const ownClientDefault = clientDefaultAt(param, call.version);
  const clientDefault = ownClientDefault !== undefined && `${ownClientDefault}` !== written ? `; the client's own default is ${ownClientDefault ?? 'None'}` : '';
  const noneMeaning = written === 'None' && param.unit !== 'none' && !param.effectiveDefault ? ' (no limit)' : '';
  const stands = param.effectiveDefault ? ` (${param.effectiveDefault.text})` : '';
  return `default \`${written}\`${stands}${noneMeaning}${clientDefault}`;
}

function describeFields(config: ConfigSpec, values: Readonly<Record<string, number | null>>): string {
  return config.fields.map((field) => `${field.name} ${values[field.name] === null ? 'None' : formatNumber(values[field.name] ?? NaN, field.unit)}`).join(', ');
}

function lifecycleText(call: BoundCall, param: ParamSpec): string | undefined {
  const status = nameStatusAt(call.version, param.since, param.lifecycle);
  const replacement = param.lifecycle?.replacement ? ` Use \`${param.lifecycle.replacement}\`.` : '';
  if (status === 'removed') return `**Removed** in ${call.library.displayName} ${param.lifecycle!.removedIn}.${replacement}`;
  if (status === 'deprecated') return `**Deprecated** since ${call.library.displayName} ${param.lifecycle!.deprecatedIn}.${replacement}`;
  if (status === 'not-yet') return `**Not available** before ${call.library.displayName} ${param.since}.`;
  return undefined;
}

/** The pool-wait sentence, when this option is the pool cap or the pool wait, for the client it ends up in. */
function poolTie(call: BoundCall, param: ParamSpec, analysis: LazyAnalysis): string | undefined {
  const field = fieldOfParam(param);
  const owner = call.callable.poolWait ? call : clientUsing(call, analysis);
  const poolWait = owner?.callable.poolWait;
  if (!owner || !poolWait) return undefined;
  const fields = [poolWait.capField, poolWait.waitField, ...(poolWait.overallField ? [poolWait.overallField] : [])];
  const concerned = call === owner ? [poolWait.capParam, poolWait.waitParam].includes(param.name) : fields.includes(field);
  return concerned ? poolWaitSentence(poolWait, analysis.configs.ofCall(owner)) : undefined;
}

/** The client call that receives this config call as an argument, directly or through a name: any call of the file may. */
function clientUsing(call: BoundCall, analysis: LazyAnalysis): BoundCall | undefined {
  return analysis.complete().calls.find((candidate) => candidate.args.some((arg) => arg.expr.value.kind === 'call' && arg.expr.value.call === call));
}

function hereText(call: BoundCall, arg: BoundArg, param: ParamSpec, analysis: LazyAnalysis): string {
  const effective = param.config
    ? analysis.configs.ofParam(call, param)
    : call.callable.builds
      ? analysis.configs.ofObjectCall(call)
      : undefined;
  const retries = effective?.config.retries?.param === param.name && call.callable.builds ? retriesOfConfigCall(call, effective.config) : undefined;
  if (retries) return `Here: **${retryValue(retries)}** (${retryOrigin(retries)}).`;
  const preset = effective?.config.defaultsMode?.param === param.name && call.callable.builds ? effective.config.defaultsMode : undefined;
  if (effective && preset) {
    // What the preset decides on this config: the fields any preset sets, and the retry policy.
    const fields = effective.fields.filter((field) => preset.presets.some((each) => each.fields[field.field.name] !== undefined));
    const policy = retriesOfConfigCall(call, effective.config);
    const parts = [...fields.map((field) => `${field.field.name} **${formatFieldValue(field)}** (${formatOrigin(field)})`), ...(policy ? [`retries **${retryValue(policy)}**`] : [])];
    return `Here: **${arg.expr.text}**: ${parts.join('; ')}.`;
  }
  const fieldName = fieldOfParam(param);
  const single = effective?.fields.find((field) => field.field.name === fieldName);
  if (single) return `Here: **${formatFieldValue(single)}** (${formatOrigin(single, clientDefaultAt(param, call.version))}).`;
  // A whole config (a client's `timeout=`); a config callable's own non-field parameter (`ceil_threshold`) reads as written.
  if (effective && param.config) {
    const parts = effective.fields.map((field) => `${field.field.name} **${formatFieldValue(field)}** (${formatOrigin(field)})`);
    return `Here: ${parts.join('; ')}.`;
  }
  const value = arg.expr.value;
  return `Here: **${value.kind === 'number' ? formatNumber(value.value, param.unit) : arg.expr.text}**${arg.expr.via ? `, via \`${arg.expr.via}\`` : ''}.`;
}
