/**
 * The hover card on a callee: first the answer to "what happens when the pool is full?" (editors
 * cut long hovers, so it comes before the table), then the effective pool and timeout configuration
 * of the call, one row per field, each with its value and where it comes from, then other notes.
 * `calleeCardData` is the card as data (texts in inline Markdown), which the hover renders as
 * Markdown and the CLI's `show` renders for a terminal or as JSON.
 */
import type { Catalog } from '../../catalog';
import { CONCURRENCY_MODULES } from '../../catalog/concurrency';
import { defaultAt, nameStatusAt } from '../../catalog/versions';
import type { LazyAnalysis } from '../analysis/analyze';
import { parseDefault } from '../config/defaults';
import type { EffectiveConfigs } from '../config/configQueries';
import { overridingArg, type EffectiveConfig } from '../config/effective';
import type { BoundCall } from '../types';
import { argumentValue, explicitOrigin, poolRows, softCapNote } from './poolRows';
import type { CalleeCardData, CardLink, CardRow } from './cardData';
import { clientConcurrencyRows } from './concurrencyCard';
import { retrySection, type RetrySection } from './retryRow';
import { wrappedClientNote, wrappedClientRows } from './wrappedClientRows';
import { cell, formatFieldValue, formatNumber, formatOrigin, poolWaitSentence, versionOf } from './format';

/** A text that names no construct's module has no concurrency to show (a word test: cheap, and never misses an import). */
const CONCURRENCY_MODULE_WORD = new RegExp(`\\b(?:${[...CONCURRENCY_MODULES].join('|')})\\b`);
/** That test's answer per analysis (one per document version in the server): a scan of a large text costs more than the rest of a card. */
const namesConcurrencyModule = new WeakMap<LazyAnalysis, boolean>();

function mayRunConcurrently(analysis: LazyAnalysis): boolean {
  let names = namesConcurrencyModule.get(analysis);
  if (names === undefined) {
    names = CONCURRENCY_MODULE_WORD.test(analysis.text);
    namesConcurrencyModule.set(analysis, names);
  }
  return names;
}

export function calleeCard(call: BoundCall, analysis: LazyAnalysis, catalog: Catalog): string {
  return calleeCardMarkdown(calleeCardData(call, analysis, catalog));
}

export function calleeCardData(call: BoundCall, analysis: LazyAnalysis, catalog: Catalog): CalleeCardData {
  const configs = call.callable.builds ? [analysis.configs.ofObjectCall(call)].filter((config): config is EffectiveConfig => !!config) : analysis.configs.ofCall(call);
  const retries = retrySection(call, configs, catalog);
  return {
    callee: call.qualifiedName,
    version: versionOf(call, analysis.options),
    summary: call.callable.summary,
    poolWait: call.callable.poolWait ? poolWaitSentence(call.callable.poolWait, configs) : undefined,
    rows: [...tableRows(call, configs, retries, analysis.configs), ...wrappedClientRows(call, analysis.configs), ...poolRows(call, analysis, catalog)],
    // Concurrency needs the whole analysis: only for a client of a text that can name a construct's module.
    concurrency: call.callable.kind === 'client' && mayRunConcurrently(analysis) ? clientConcurrencyRows(call, analysis.complete()) : [],
    notes: [...cardNotes(call), ...retries.notes, ...[wrappedClientNote(call, analysis.configs)].filter((note): note is string => note !== undefined)],
    links: docLinks(call, configs),
  };
}

export function calleeCardMarkdown(card: CalleeCardData): string {
  const { library, version, source } = card.version;
  const lines = [`**${card.callee}** · pool and timeouts · ${library} ${version} (${source})`, '', card.summary, ''];
  if (card.poolWait) lines.push(card.poolWait, '');
  if (card.rows.length > 0) {
    lines.push('| option | value | from |', '|---|---|---|', ...card.rows.map((row) => `| ${cell(row.option)} | ${cell(row.value)} | ${cell(row.origin)} |`), '');
  }
  if (card.concurrency.length > 0) {
    const rows = card.concurrency.map((row) => `| ${cell(row.where)} | ${cell(row.atOnce)} | ${cell(row.enough)} |`);
    lines.push('Used concurrently:', '', '| where | at once | pool enough? |', '|---|---|---|', ...rows, '');
  }
  lines.push(...card.notes.flatMap((note) => [note, '']));
  lines.push(card.links.map((link) => `[${link.title}](${link.url})`).join(' · '));
  return lines.join('\n');
}

function tableRows(call: BoundCall, configs: readonly EffectiveConfig[], retries: RetrySection, shared: EffectiveConfigs): CardRow[] {
  const rows: CardRow[] = [];
  for (const config of configs) {
    const prefix = config.fromTransport ? 'transport: ' : '';
    for (const field of config.fields) {
      const clientDefault = shared.clientDefault(call, config.config, field.field.name);
      rows.push({ option: `\`${field.field.name}\``, value: formatFieldValue(field), origin: prefix + formatOrigin(field, clientDefault) });
    }
  }
  rows.push(...retries.rows);
  // A config callable's own parameters are the fields (and the retry policy) already listed.
  const shown = new Set(configs.flatMap((config) => [...config.fields.map((field) => field.field.name), ...(config.config.retries ? [config.config.retries.param] : [])]));
  for (const param of call.callable.params) {
    if (param.config || param.unit === 'none' || shown.has(param.name) || nameStatusAt(call.version, param.since, param.lifecycle) !== 'current') continue;
    const arg = call.args.find((candidate) => candidate.param === param);
    const written = defaultAt(param, call.version);
    const number = parseDefault(written);
    const omitted = param.effectiveDefault?.text ?? (typeof number === 'number' ? formatNumber(number, param.unit) : written);
    const value = arg ? argumentValue(arg.expr, param.unit) : call.splats.length > 0 ? 'unknown: may be set by `**kwargs`' : omitted;
    const origin = arg ? explicitOrigin(arg.expr) : call.splats.length > 0 ? 'unknown here' : `\`${call.callable.name}\` default`;
    rows.push({ option: `\`${param.name}\``, value: value + softCapNote(call.callable, call, param, call.version), origin });
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
  const known = call.splatKeys ?? [];
  if (known.length > 0) {
    const certain = known.filter((entry) => entry.certain).map((entry) => `\`${entry.key}\``);
    const maybe = known.filter((entry) => !entry.certain).map((entry) => `\`${entry.key}\``);
    const parts = [...(certain.length > 0 ? [`carries ${certain.join(', ')}`] : []), ...(maybe.length > 0 ? [`only on some paths ${maybe.join(', ')}`] : [])];
    notes.push(`The \`**\` dict ${parts.join('; ')}.`);
  }
  if (call.splats.length > 0) notes.push('`*args`/`**kwargs` may set options that are not visible here.');
  return notes;
}

function docLinks(call: BoundCall, configs: readonly EffectiveConfig[]): CardLink[] {
  const name = call.callable.anyResourcePath ? call.qualifiedName.slice(call.qualifiedName.lastIndexOf('.') + 1) : call.callable.name;
  const links = new Map<string, string>([[call.callable.docs, `${name} docs`]]);
  for (const config of configs) links.set(config.config.docs, `${config.config.callable} docs`);
  return [...links].map(([url, title]) => ({ title, url }));
}
