/**
 * `--format gitlab`: a GitLab Code Quality report (the Code Climate issue subset GitLab reads:
 * description, check_name, fingerprint, severity, location.path, location.positions). Paths are
 * relative to CI_PROJECT_DIR when set, else to the working directory. A fingerprint hashes the
 * path, the rule, the finding's source text with whitespace runs collapsed, and its index among
 * findings of the same path, rule and text: it survives reruns and lines moving up or down.
 */
import { createHash } from 'crypto';
import type { Severity } from '../../core/types';
import type { ReportedFinding } from '../report';
import { projectPath } from './projectPath';

const SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', information: 'minor', hint: 'info' };

export type CodeQualityIssue = {
  readonly type: 'issue';
  readonly check_name: string;
  readonly description: string;
  readonly categories: readonly string[];
  readonly severity: string;
  readonly fingerprint: string;
  readonly location: {
    readonly path: string;
    readonly positions: { readonly begin: { line: number; column: number }; readonly end: { line: number; column: number } };
  };
};

export function formatGitlab(findings: readonly ReportedFinding[], sourceOf: (path: string) => string | undefined, root: string): string {
  const seen = new Map<string, number>();
  const issues = findings.map((finding): CodeQualityIssue => {
    const file = projectPath(finding.path, root);
    const identity = [file, finding.code, normalisedSpanText(finding, sourceOf(finding.path))].join('\0');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      type: 'issue',
      check_name: finding.code,
      // GitLab's widget shows the description only: it names the rule too.
      description: `${finding.code} ${finding.name}: ${finding.message}`,
      categories: ['Bug Risk'],
      severity: SEVERITY[finding.severity],
      fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32),
      location: {
        path: file,
        positions: { begin: { line: finding.line, column: finding.column }, end: { line: finding.endLine, column: finding.endColumn } },
      },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/** The source text under the finding's span, whitespace runs collapsed to one space. */
function normalisedSpanText(finding: ReportedFinding, text: string | undefined): string {
  if (text === undefined) return '';
  const lines = text.split('\n').slice(finding.line - 1, finding.endLine);
  if (lines.length === 0) return '';
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, finding.endColumn - 1);
  lines[0] = lines[0].slice(finding.column - 1);
  return lines.join('\n').replace(/\s+/g, ' ').trim();
}
