/**
 * `--format json`: an array of findings with 1-based positions, one object per finding.
 */
import type { ReportedFinding } from '../report';

export function formatJson(findings: readonly ReportedFinding[]): string {
  return `${JSON.stringify(findings, null, 2)}\n`;
}
