/**
 * `--output-format concise` (also `--format text`, its older name): one line per finding,
 * `path:line:col: CODE message [fix available]`.
 */
import type { ReportedFinding } from '../report';
import type { Paint } from './paint';

export function formatConcise(findings: readonly ReportedFinding[], paint: Paint): string {
  return findings
    .map((finding) => `${paint(`${finding.path}:${finding.line}:${finding.column}:`, 'path')} ${paint(finding.code, 'code')} ${finding.message}${finding.fixable ? ` ${paint('[fix available]', 'fix')}` : ''}\n`)
    .join('');
}
