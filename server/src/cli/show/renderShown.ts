/**
 * The three faces of `show`: for a terminal (a heading line per call, the card's sentences wrapped
 * to the width, its table aligned in columns, a footer with the version and what decided it and the
 * docs links shortened to their text, findings with their severity coloured),
 * as Markdown (the hover cards as the editor shows them, for docs), and as JSON data.
 */
import { calleeCardMarkdown } from '../../core/hover/calleeCard';
import { inlineMarkdown, plainText } from '../format/inlineMarkdown';
import type { Paint } from '../format/paint';
import { table, wrap } from '../format/wrap';
import type { ShownCall, ShownFinding } from './shownCalls';

const INDENT = '  ';

export function showTerminal(call: ShownCall, width: number, paint: Paint): string {
  const text = (markdown: string) => inlineMarkdown(keepUnits(markdown), paint);
  const paragraph = (markdown: string) => ['', ...wrap(text(markdown), width, INDENT)];
  const { card } = call;
  const heading = `${paint(`${call.path}:${call.line}:${call.column}`, 'path')} · ${paint(card.callee, 'bold')}`;
  const out = [...wrap(heading, width, '', INDENT), ...wrap(text(card.summary), width, INDENT)];
  if (card.poolWait) out.push(...paragraph(card.poolWait));
  if (card.rows.length > 0) {
    const header = ['option', 'value', 'from'].map((title) => paint(title, 'dim'));
    out.push('', ...table([header, ...card.rows.map((row) => [text(row.option), text(row.value), text(row.origin)])], width, INDENT));
  }
  if (card.concurrency.length > 0) {
    const header = ['used concurrently at', 'at once', 'pool enough?'].map((title) => paint(title, 'dim'));
    out.push('', ...table([header, ...card.concurrency.map((row) => [text(row.where), text(row.atOnce), text(row.enough)])], width, INDENT));
  }
  for (const note of card.notes) out.push(...paragraph(note));
  const footer = [`${card.version.library} ${card.version.version} (${card.version.source})`, ...card.links.map((link) => link.title)].join(' · ');
  out.push('', ...wrap(paint(footer, 'dim'), width, INDENT));
  for (const finding of call.findings) out.push(...terminalFinding(finding, width, paint));
  return `${out.join('\n')}\n\n`;
}

/** A number and its unit stay on one line (a no-break space, which a terminal shows as a space). */
function keepUnits(text: string): string {
  return text.replace(/(\d) s\b/g, '$1\u00a0s');
}

function terminalFinding(finding: ShownFinding, width: number, paint: Paint): string[] {
  const label = paint(`${finding.severity} ${finding.code}`, finding.severity);
  const lines = wrap(`${label} line ${finding.line}: ${inlineMarkdown(keepUnits(finding.message), paint)}`, width, INDENT, INDENT.repeat(3));
  for (const fix of finding.fixes) lines.push(...wrap(`${paint(fix.safe ? 'fix:' : 'fix (changes behaviour):', 'fix')} ${inlineMarkdown(keepUnits(fix.title), paint)}`, width, INDENT.repeat(2), INDENT.repeat(3)));
  return lines;
}

/** Today's Markdown listing: each call's hover card as the editor shows it, then its findings and fixes. */
export function showMarkdown(call: ShownCall): string {
  const out = [`── ${call.path}:${call.line}:${call.column}  ${call.written}(...)\n`, `${calleeCardMarkdown(call.card)}\n`];
  for (const finding of call.findings) {
    out.push(`  ⚠ ${finding.code} (${finding.severity}) line ${finding.line}: ${finding.message}\n`);
    for (const fix of finding.fixes) out.push(`    fix${fix.safe ? '' : ' (changes behaviour)'}: ${fix.title}\n`);
  }
  return `${out.join('')}\n`;
}

/** The call as data, its texts plain (code spans and links as their text). */
export function showData(call: ShownCall): object {
  const { card } = call;
  return {
    path: call.path,
    line: call.line,
    column: call.column,
    callee: card.callee,
    library: card.version.library,
    version: card.version.version,
    versionSource: card.version.source,
    summary: plainText(card.summary),
    poolWait: card.poolWait === undefined ? null : plainText(card.poolWait),
    rows: card.rows.map((row) => ({ option: plainText(row.option), value: plainText(row.value), origin: plainText(row.origin) })),
    concurrency: card.concurrency.map((row) => ({ where: plainText(row.where), atOnce: plainText(row.atOnce), enough: plainText(row.enough) })),
    notes: card.notes.map(plainText),
    links: card.links,
    findings: call.findings.map((finding) => ({ ...finding, message: plainText(finding.message), fixes: finding.fixes.map((fix) => ({ ...fix, title: plainText(fix.title) })) })),
  };
}
