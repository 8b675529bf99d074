/**
 * The source lines of a finding as a code frame: a numbered gutter, two lines of context on each
 * side (blank ones at the edges left out), and carets under the span on each of its lines, the
 * last one labelled. Tabs show as four spaces; a span longer than MAX_SPAN_LINES shows its first
 * and last lines around a `...` gutter. Notes (`= fix: …`) follow, aligned on the gutter.
 */
import type { ReportedFinding } from '../report';
import type { Paint } from './paint';

const CONTEXT_LINES = 2;
const MAX_SPAN_LINES = 6;
const TAB = '    ';

type FrameLine = { readonly number: number; readonly text: string; readonly underline?: readonly [number, number] } | 'gap';

export function sourceFrame(finding: ReportedFinding, text: string | undefined, label: string, notes: readonly string[], paint: Paint): string[] {
  const frame = text === undefined ? [] : frameLines(finding, text);
  const width = Math.max(1, ...frame.map((line) => (line === 'gap' ? 0 : String(line.number).length)));
  const rendered = frame.length > 0 ? render(frame, width, label, finding, paint) : [];
  return [...rendered, ...notes.map((note) => `${' '.repeat(width + 1)}${paint('=', 'gutter')} ${note}`)];
}

function frameLines(finding: ReportedFinding, text: string): FrameLine[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const first = finding.line - 1;
  // A span that ends at the start of a line does not reach into it.
  const last = Math.max(first, finding.endColumn === 1 && finding.endLine > finding.line ? finding.endLine - 2 : finding.endLine - 1);
  if (first >= lines.length) return [];
  const frame: FrameLine[] = [];
  for (let index = contextStart(lines, first); index < first; index++) frame.push({ number: index + 1, text: lines[index] });
  for (let index = first; index <= Math.min(last, lines.length - 1); index++) {
    if (last - first + 1 > MAX_SPAN_LINES && index === first + MAX_SPAN_LINES - 2) {
      frame.push('gap');
      index = last - 1;
      continue;
    }
    const line = lines[index];
    const from = index === first ? finding.column - 1 : line.length - line.trimStart().length;
    const to = index === finding.endLine - 1 ? finding.endColumn - 1 : line.length;
    frame.push({ number: index + 1, text: line, underline: [from, Math.max(to, from + 1)] });
  }
  for (let index = last + 1; index <= contextEnd(lines, last); index++) frame.push({ number: index + 1, text: lines[index] });
  return frame;
}

function contextStart(lines: readonly string[], first: number): number {
  let start = Math.max(0, first - CONTEXT_LINES);
  while (start < first && lines[start].trim() === '') start++;
  return start;
}

function contextEnd(lines: readonly string[], last: number): number {
  let end = Math.min(lines.length - 1, last + CONTEXT_LINES);
  while (end > last && lines[end].trim() === '') end--;
  return end;
}

function render(frame: readonly FrameLine[], width: number, label: string, finding: ReportedFinding, paint: Paint): string[] {
  const gutter = (number = '') => paint(`${number.padStart(width)} |`, 'gutter');
  const lastUnderlined = frame.reduce((found, line, index) => (line !== 'gap' && line.underline ? index : found), -1);
  const out = [gutter()];
  frame.forEach((line, index) => {
    if (line === 'gap') {
      out.push(paint('.'.repeat(width + 2), 'gutter'));
      return;
    }
    out.push(`${gutter(String(line.number))} ${expandTabs(line.text)}`.trimEnd());
    if (!line.underline) return;
    const [from, to] = line.underline.map((column) => expandTabs(line.text.slice(0, column)).length);
    const carets = paint('^'.repeat(Math.max(1, to - from)), finding.severity);
    out.push(`${gutter()} ${' '.repeat(from)}${carets}${index === lastUnderlined ? ` ${paint(label, finding.severity)}` : ''}`);
  });
  out.push(gutter());
  return out;
}

function expandTabs(text: string): string {
  return text.replace(/\t/g, TAB);
}
