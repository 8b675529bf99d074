/**
 * What `show` lists for a file: every call of a client, transport or request function with its
 * card as data and the findings inside the call, with their fixes.
 */
import type { Catalog } from '../../catalog';
import { completedAnalysis, type Analysis } from '../../core/analysis/analyze';
import type { CalleeCardData } from '../../core/hover/cardData';
import { calleeCardData } from '../../core/hover/calleeCard';
import { findRule } from '../../core/rules';
import { lineIndex } from '../../core/text/lines';
import type { Severity } from '../../core/types';

export type ShownFinding = {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly fixes: readonly { readonly title: string; readonly safe: boolean }[];
};

export type ShownCall = {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  /** The callee as written (`session.get`). */
  readonly written: string;
  readonly card: CalleeCardData;
  readonly findings: readonly ShownFinding[];
};

export function shownCalls(path: string, analysis: Analysis, catalog: Catalog): ShownCall[] {
  const lines = lineIndex(analysis.text);
  const lazy = completedAnalysis(analysis);
  return analysis.calls
    // Config objects are shown in the cards of what takes them; a factory (boto3's Session) has no pool.
    .filter((call) => call.callable.kind !== 'config' && call.callable.kind !== 'factory')
    .map((call) => {
      const { line, character } = lines.positionOf(call.calleeSpan.start);
      const inside = analysis.findings.filter((finding) => finding.span.start >= call.span.start && finding.span.end <= call.span.end);
      return {
        path,
        line: line + 1,
        column: character + 1,
        written: analysis.text.slice(call.calleeSpan.start, call.calleeSpan.end),
        card: calleeCardData(call, lazy, catalog),
        findings: inside.map((finding) => {
          const position = lines.positionOf(finding.span.start);
          return {
            code: finding.code,
            name: findRule(finding.code)?.name ?? finding.code,
            severity: finding.severity,
            line: position.line + 1,
            column: position.character + 1,
            message: finding.message,
            fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe })),
          };
        }),
      };
    });
}
