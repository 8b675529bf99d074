/**
 * What closes a human-readable report: the number of findings and how many `--fix` resolves (with
 * `--fix`, how many it resolved), and `--statistics`: one line per rule, most frequent first.
 */
import type { ReportedFinding } from '../report';
import type { Paint } from './paint';

export function summaryLine(findings: readonly ReportedFinding[], fixed: number): string {
  const total = findings.length + fixed;
  const found = `Found ${total} problem${total === 1 ? '' : 's'}`;
  if (fixed > 0) return `${found} (${fixed} fixed, ${findings.length} remaining).\n`;
  if (findings.length === 0) return 'No problems found.\n';
  const fixable = findings.filter((finding) => finding.fixable).length;
  return `${fixable > 0 ? `${found} (${fixable} fixable with \`pool-guide check --fix\`).` : `${found}.`}\n`;
}

export type RuleCount = { readonly code: string; readonly name: string; readonly count: number; readonly fixable: number };

export function ruleCounts(findings: readonly ReportedFinding[]): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const finding of findings) {
    const known = counts.get(finding.code) ?? { code: finding.code, name: finding.name, count: 0, fixable: 0 };
    counts.set(finding.code, { ...known, count: known.count + 1, fixable: known.fixable + (finding.fixable ? 1 : 0) });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** `  3  PG101  [*] ambiguous-timeout-tuple`: `[*]` when `--fix` resolves some of them. */
export function formatStatistics(findings: readonly ReportedFinding[], paint: Paint): string {
  const counts = ruleCounts(findings);
  const width = Math.max(0, ...counts.map((rule) => String(rule.count).length));
  return counts.map((rule) => `${String(rule.count).padStart(width)}  ${paint(rule.code, 'code')}  ${rule.fixable > 0 ? paint('[*]', 'fix') : '   '} ${rule.name}\n`).join('');
}
