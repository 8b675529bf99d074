/**
 * `--format text`: `path:line:col: CODE message [fix available]`, then a summary line. Colours
 * only when the stream is a terminal and NO_COLOR is not set.
 */
import type { ReportedFinding } from '../report';

export type Paint = (text: string, style: 'path' | 'code' | 'fix' | 'dim') => string;

const STYLES = { path: '1', code: '31;1', fix: '36', dim: '2' } as const;

export function painter(stream: NodeJS.WriteStream): Paint {
  const colour = stream.isTTY === true && !process.env.NO_COLOR;
  return (text, style) => (colour ? `\x1b[${STYLES[style]}m${text}\x1b[0m` : text);
}

export function formatText(findings: readonly ReportedFinding[], paint: Paint): string {
  const lines = findings.map(
    (finding) => `${paint(`${finding.path}:${finding.line}:${finding.column}:`, 'path')} ${paint(finding.code, 'code')} ${finding.message}${finding.fixable ? ` ${paint('[fix available]', 'fix')}` : ''}`,
  );
  return [...lines, summary(findings)].join('\n') + '\n';
}

function summary(findings: readonly ReportedFinding[]): string {
  if (findings.length === 0) return 'No problems found.';
  const fixable = findings.filter((finding) => finding.fixable).length;
  const count = `Found ${findings.length} problem${findings.length === 1 ? '' : 's'}`;
  return fixable > 0 ? `${count} (${fixable} fixable with \`pool-guide check --fix\`).` : `${count}.`;
}
