/**
 * A finding as the CLI reports it: the file, 1-based line and column (UTF-16 code units) of its
 * start and end, the rule, whether `check --fix` can resolve it, and the fix a person would
 * take (the safe one `--fix` applies, else one that changes behaviour, offered in the editor).
 */
import type { Analysis } from '../core/analysis/analyze';
import { safeFixOf } from '../core/fixes/fixAll';
import { findRule } from '../core/rules';
import { lineIndex } from '../core/text/lines';
import type { Finding, Severity } from '../core/types';

export type ReportedFinding = {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fixable: boolean;
  readonly fix: ReportedFix | null;
};

/** `safe`: `check --fix` applies it; otherwise it changes behaviour and only the editor offers it. */
export type ReportedFix = { readonly title: string; readonly safe: boolean };

export function reportedFindings(path: string, analysis: Analysis): ReportedFinding[] {
  if (analysis.findings.length === 0) return [];
  const lines = lineIndex(analysis.text);
  return analysis.findings.map((finding) => {
    const start = lines.positionOf(finding.span.start);
    const end = lines.positionOf(finding.span.end);
    return {
      path,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      code: finding.code,
      name: findRule(finding.code)?.name ?? finding.code,
      severity: finding.severity,
      message: finding.message,
      fixable: safeFixOf(finding) !== undefined,
      fix: fixOf(finding),
    };
  });
}

function fixOf(finding: Finding): ReportedFix | null {
  const safe = safeFixOf(finding);
  const fix = safe ?? finding.fixes[0];
  return fix ? { title: fix.title, safe: fix === safe } : null;
}
