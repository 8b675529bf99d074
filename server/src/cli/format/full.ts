/**
 * `--output-format full` (the default): each finding as `path:line:col: CODE [*] message`, where
 * `[*]` marks a fix that `check --fix` applies, then its source lines with carets under the span
 * labelled with the rule's code and name, then the fix it has, safe or not.
 */
import type { ReportedFinding } from '../report';
import type { Paint } from './paint';
import { sourceFrame } from './sourceFrame';

export function formatFull(findings: readonly ReportedFinding[], sourceOf: (path: string) => string | undefined, paint: Paint): string {
  return findings.map((finding) => `${fullFinding(finding, sourceOf(finding.path), paint).join('\n')}\n\n`).join('');
}

function fullFinding(finding: ReportedFinding, text: string | undefined, paint: Paint): string[] {
  const header = `${paint(`${finding.path}:${finding.line}:${finding.column}:`, 'path')} ${paint(finding.code, finding.severity)} ${
    finding.fix?.safe ? `${paint('[*]', 'fix')} ` : ''
  }${finding.message}`;
  const notes = finding.fix ? [`${finding.fix.safe ? 'fix (safe, applied by `--fix`)' : 'fix (unsafe, not applied by `--fix`)'}: ${finding.fix.title}`] : [];
  return [header, ...sourceFrame(finding, text, `${finding.code} ${finding.name}`, notes, paint)];
}
