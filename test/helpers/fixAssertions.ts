/**
 * The two assertions every fix-equivalence test makes, whatever the library: a safe fix builds the
 * configuration the original built (and one offered as changing behaviour builds another), and
 * analysing the fixed text again offers no fix for the same finding.
 */
import assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../server/src/core/analysis/analyze';
import type { Finding, Fix } from '../../server/src/core/types';
import { analyzeText } from './engine';
import { mapSpan } from './fixFixtures';

/** What a Python runner reports for one execution: the objects built and the requests sent. */
export type RunOutcome = { readonly objects?: unknown; readonly sent?: unknown };

export function assertKeepsOrChangesConfiguration(fix: Fix, fixedText: string, original: RunOutcome, fixed: RunOutcome): void {
  const before = { objects: original.objects, sent: original.sent };
  const after = { objects: fixed.objects, sent: fixed.sent };
  if (fix.safe) assert.deepEqual(after, before, `a safe fix changed the configuration:\n${fixedText}`);
  else assert.notDeepEqual(after, before, `a fix offered as changing behaviour builds the same configuration:\n${fixedText}`);
}

export async function assertFixIsStable(each: { finding: Finding; fix: Fix; fixedText: string }, options: AnalysisOptions): Promise<void> {
  const region = mapSpan(each.finding.span, each.fix.edits);
  const again = (await analyzeText(each.fixedText, options)).findings.filter(
    (finding) => finding.code === each.finding.code && finding.fixes.length > 0 && finding.span.start < region.end && region.start < finding.span.end,
  );
  assert.deepEqual(again.map((finding) => finding.message), [], `fixing twice is not stable:\n${each.fixedText}`);
}
