/**
 * Words and numbers for hover cards: field values with units, where a value comes from, the
 * version label, and the sentence that ties the pool cap to the pool wait.
 */
import type { PoolWait } from '../../catalog/schema';
import type { EffectiveConfig, FieldValue } from '../config/effective';
import type { AnalysisOptions } from '../analysis/analyze';
import type { BoundCall, DefinitionSite } from '../types';

/** `5.0 s`, `100`, `None: no limit`, or what is unknown about the value. */
export function formatFieldValue(field: FieldValue): string {
  if (field.origin.kind === 'invalid') return `error: ${field.origin.error}`;
  if (field.origin.kind === 'one-of') return `one of ${field.origin.alternatives.map(formatFieldValue).join(' · ')}`;
  if (field.origin.kind === 'parameter') return parameterValue(field.origin.name, field.origin.default, field.origin.passed);
  if (field.value === undefined) return field.origin.kind === 'unknown' ? `unknown: ${field.origin.reason}` : 'unknown';
  if (field.value === null) return `None: ${field.field.noneMeans}`;
  if (field.value === 0 && field.field.zeroMeans) return `0: ${field.field.zeroMeans}`;
  return formatNumber(field.value, field.field.unit);
}

/** `5.0 s unless the caller passes \`timeout\` (calls here pass 10.0 s)`. */
function parameterValue(name: string, fallback: FieldValue | undefined, passed: readonly FieldValue[]): string {
  const main = fallback ? `${formatFieldValue(fallback)} unless the caller passes \`${name}\`` : `set by the caller (\`${name}\`)`;
  const values = [...new Set(passed.map(formatFieldValue))];
  return values.length > 0 ? `${main} (calls here pass ${values.join(', ')})` : main;
}

export function formatNumber(value: number, unit: string): string {
  if (unit === 'seconds') return `${Number.isInteger(value) ? value.toFixed(1) : value} s`;
  return `${value}`;
}

/** Where the value comes from, in a few words. */
export function formatOrigin(field: FieldValue, clientDefault?: number | null): string {
  const where = field.where ? ` (${field.where})` : '';
  const names = field.via.length > 0 ? `, via ${field.via.map((name) => `\`${name}\``).join(' → ')}${where}` : '';
  const via = field.definedIn ? `${names} (${siteLink(field.definedIn)})` : names;
  const origin = field.origin;
  switch (origin.kind) {
    case 'explicit':
      return `explicit${via}`;
    case 'all-fields':
      return `explicit, one value for every field${via}`;
    case 'tuple-item':
      return `tuple item ${origin.index + 1}${via}`;
    case 'tuple-missing':
      return `left out of the ${origin.length}-tuple${via}`;
    case 'fallback': {
      const what = field.field.unit === 'seconds' ? 'phase' : 'field';
      return `explicit: ${origin.positional ? 'the first argument' : `\`${origin.param}=\``} sets every ${what}${origin.othersNamed ? ' not named' : ''}${via}`;
    }
    case 'object-default': {
      const contrast =
        clientDefault !== undefined && clientDefault !== field.value
          ? ` — a client without it would use ${clientDefault === null ? 'None' : formatNumber(clientDefault, field.field.unit)}`
          : '';
      return `\`${origin.callable}()\` default${contrast}${via}`;
    }
    case 'omitted':
      return origin.noneSpan
        ? `\`${origin.callable}\` default (\`${origin.param}=None\` means the default)`
        : `\`${origin.callable}\` default (no \`${origin.param}=\`)`;
    case 'wrapped-client':
      return `from \`${origin.param}=\` (not the library default, so kept): ${formatOrigin({ ...field, origin: origin.origin }, clientDefault)}`;
    case 'preset':
      return `\`${origin.param}='${origin.name}'\` preset${via}`;
    case 'merged-receiver':
      return `not set by the merged Config, so the receiver's: ${formatOrigin({ ...field, origin: origin.origin }, clientDefault)}`;
    case 'receiver':
      return `from the \`${origin.callable}\`: ${formatOrigin({ ...field, origin: origin.origin }, clientDefault)}`;
    case 'one-of':
      return `one per path${via}: ${origin.alternatives.map((alternative) => formatOrigin(alternative, clientDefault)).join(' · ')}`;
    case 'parameter':
      return `${origin.default ? 'default of ' : ''}parameter \`${origin.name}\`${origin.default && origin.default.origin.kind !== 'explicit' ? `: ${formatOrigin(origin.default, clientDefault)}` : ''}`;
    case 'unknown':
      return `unknown here${via}`;
    case 'invalid':
      return 'raises when run';
  }
}

/** `myapp/settings.py, line 4`, linked to that line when the site has a link. */
export function siteLink(site: DefinitionSite): string {
  const words = `${site.label}, line ${site.line}`;
  return site.uri ? `[${words}](${site.uri}#L${site.line})` : words;
}

/** The library version a card describes and what decided it: a file, `settings`, or `assumed: newest in the catalog`. */
export type VersionOf = { readonly library: string; readonly version: string; readonly source: string };

export function versionOf(call: BoundCall, options: AnalysisOptions): VersionOf {
  const source = options.versionSources?.[call.library.id] ?? (options.versions?.[call.library.id] ? 'settings' : 'assumed: newest in the catalog');
  return { library: call.library.displayName, version: call.version, source };
}

/** The sentence that says what happens when every connection is busy, or undefined when the call has no pool. */
export function poolWaitSentence(poolWait: PoolWait, configs: readonly EffectiveConfig[]): string {
  const cap = findField(configs, poolWait.capField);
  const wait = findField(configs, poolWait.waitField);
  const overall = poolWait.overallField ? findField(configs, poolWait.overallField) : undefined;
  if (cap?.value === null || (cap?.value === 0 && cap.field.zeroMeans)) {
    return `\`${poolWait.capField}\` is ${cap.value === null ? 'None' : '0'}, so requests never wait for a connection from the pool.`;
  }
  const connections = typeof cap?.value === 'number' ? `all ${cap.value} connections` : `all \`${poolWait.capField}\` connections`;
  const bounds = [wait, overall].filter((field): field is FieldValue => field !== undefined);
  if (bounds.every((field) => field.value === null)) {
    return `When ${connections} are busy, a request waits for one with no time limit (${bounds.map((field) => `\`${field.field.name}\``).join(' and ')} ${bounds.length > 1 ? 'are' : 'is'} None).`;
  }
  const known = bounds.filter((field): field is FieldValue & { value: number } => typeof field.value === 'number');
  if (known.length === 0 || bounds.some((field) => field.value === undefined)) return `When ${connections} are busy, a request waits up to the \`${poolWait.waitField}\` timeout for one, then raises \`${poolWait.raises}\`.`;
  const tightest = known.reduce((best, field) => (field.value < best.value ? field : best));
  const which = tightest === wait ? '' : ` (the \`${tightest.field.name}\` deadline${wait?.value === null ? `; \`${poolWait.waitField}\` is None` : ''})`;
  return `When ${connections} are busy, a request waits up to ${formatNumber(tightest.value, 'seconds')} for one${which}, then raises \`${poolWait.raises}\`.`;
}

function findField(configs: readonly EffectiveConfig[], name: string): FieldValue | undefined {
  for (const config of configs) {
    const field = config.fields.find((candidate) => candidate.field.name === name);
    if (field) return field;
  }
  return undefined;
}

/** Escapes text for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
