/**
 * The hover card on a callee: first the answer to "what happens when the pool is full?" (editors
 * cut long hovers, so it comes before the table), then the effective pool and timeout configuration
 * of the call, one row per field, each with its value and where it comes from, then other notes.
 */
import type { Catalog } from '../../catalog';
import { CONCURRENCY_MODULES } from '../../catalog/concurrency';
import { defaultAt, nameStatusAt } from '../../catalog/versions';
import type { LazyAnalysis } from '../analysis/analyze';
import { parseDefault } from '../config/defaults';
import { clientDefaultOf, configOfObjectCall, configsOfCall, overridingArg, type EffectiveConfig } from '../config/effective';
import type { BoundCall } from '../types';
import { argumentValue, poolRows, softCapNote } from './poolRows';
import { clientConcurrencyLines } from './concurrencyCard';
import { wrappedClientNote, wrappedClientRows } from './wrappedClientRows';
import { cell, formatFieldValue, formatNumber, formatOrigin, poolWaitSentence, versionLabel } from './format';

/** A text that names no construct's module has no concurrency to show (a word test: cheap, and never misses an import). */
const CONCURRENCY_MODULE_WORD = new RegExp(`\\b(?:${[...CONCURRENCY_MODULES].join('|')})\\b`);

export function calleeCard(call: BoundCall, analysis: LazyAnalysis, catalog: Catalog): string {
  const configs = call.callable.builds ? [configOfObjectCall(call, catalog)].filter((config): config is EffectiveConfig => !!config) : configsOfCall(call, catalog);
  const lines = [`**${call.qualifiedName}** · pool and timeouts · ${versionLabel(call, analysis.options)}`, '', call.callable.summary, ''];
  if (call.callable.poolWait) lines.push(poolWaitSentence(call.callable.poolWait, configs), '');
  const rows = [...tableRows(call, configs, catalog), ...wrappedClientRows(call, catalog), ...poolRows(call, analysis, catalog)];
  if (rows.length > 0) lines.push('| option | value | from |', '|---|---|---|', ...rows, '');
  // Concurrency needs the whole analysis: only for a client of a text that can name a construct's module.
  if (call.callable.kind === 'client' && CONCURRENCY_MODULE_WORD.test(analysis.text)) lines.push(...clientConcurrencyLines(call, analysis.complete(), catalog));
  const notes = [...cardNotes(call), ...[wrappedClientNote(call, catalog)].filter((note): note is string => note !== undefined)];
  if (notes.length > 0) lines.push(...notes.flatMap((note) => [note, '']));
  lines.push(docLinks(call, configs));
  return lines.join('\n');
}

function tableRows(call: BoundCall, configs: readonly EffectiveConfig[], catalog: Catalog): string[] {
  const rows: string[] = [];
  for (const config of configs) {
    const prefix = config.fromTransport ? 'transport: ' : '';
    for (const field of config.fields) {
      const clientDefault = clientDefaultOf(catalog, call, config.config, field.field.name);
      rows.push(`| \`${field.field.name}\` | ${cell(formatFieldValue(field))} | ${cell(prefix + formatOrigin(field, clientDefault))} |`);
    }
  }
  // A config callable's own parameters are the fields already listed.
  const shown = new Set(configs.flatMap((config) => config.fields.map((field) => field.field.name)));
  for (const param of call.callable.params) {
    if (param.config || param.unit === 'none' || shown.has(param.name) || nameStatusAt(call.version, param.since, param.lifecycle) !== 'current') continue;
    const arg = call.args.find((candidate) => candidate.param === param);
    const written = defaultAt(param, call.version);
    const number = parseDefault(written);
    const omitted = param.effectiveDefault?.text ?? (typeof number === 'number' ? formatNumber(number, param.unit) : written);
    const value = arg ? argumentValue(arg.expr, param.unit) : call.splats.length > 0 ? 'unknown: may be set by `**kwargs`' : omitted;
    rows.push(`| \`${param.name}\` | ${cell(value + softCapNote(call.callable, call, param, call.version))} | ${arg ? 'explicit' : call.splats.length > 0 ? 'unknown here' : `\`${call.callable.name}\` default`} |`);
  }
  return rows;
}

function cardNotes(call: BoundCall): string[] {
  const notes: string[] = [];
  const overriding = call.callable.params.map((param) => overridingArg(call, param)).find((arg) => arg !== undefined);
  if (overriding?.param?.overrides) {
    notes.push(`\`${overriding.name}=\` replaces the client's own pool: ${overriding.param.overrides.explanation}.`);
  }
  if (call.callable.poolPerCall) notes.push('Each call opens a new pool and closes it afterwards: connections are not reused between calls.');
  for (const param of call.callable.params) if (param.setOutsideCode && (param.config || !call.args.some((arg) => arg.param === param))) notes.push(param.setOutsideCode);
  if (call.splats.length > 0) notes.push('`*args`/`**kwargs` may set options that are not visible here.');
  return notes;
}

function docLinks(call: BoundCall, configs: readonly EffectiveConfig[]): string {
  const name = call.callable.anyResourcePath ? call.qualifiedName.slice(call.qualifiedName.lastIndexOf('.') + 1) : call.callable.name;
  const links = new Map<string, string>([[call.callable.docs, `${name} docs`]]);
  for (const config of configs) links.set(config.config.docs, `${config.config.callable} docs`);
  return [...links].map(([url, title]) => `[${title}](${url})`).join(' · ');
}
