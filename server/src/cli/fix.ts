/**
 * `check --fix`: apply the safe fixes of a file, re-analyse, and repeat until nothing changes
 * (fixes that overlapped in one pass are taken in the next), at most MAX_PASSES times.
 */
import { createTwoFilesPatch } from 'diff';
import type { Analysis } from '../core/analysis/analyze';
import { applyEdits, safeFixOf, safeNonOverlappingEdits, sameEdit } from '../core/fixes/fixAll';

const MAX_PASSES = 5;

/** The analysis of the fixed text, and how many findings the fixes resolved. */
export async function fixText(text: string, analyze: (text: string) => Promise<Analysis>): Promise<{ analysis: Analysis; fixed: number }> {
  let analysis = await analyze(text);
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = safeNonOverlappingEdits(analysis.findings);
    if (edits.length === 0) break;
    fixed += analysis.findings.filter((finding) => safeFixOf(finding)?.edits.every((edit) => edits.some((taken) => sameEdit(edit, taken)))).length;
    analysis = await analyze(applyEdits(analysis.text, edits));
  }
  return { analysis, fixed };
}

/** A unified diff of one file, `a/` and `b/` prefixed as git prints them. */
export function unifiedDiff(file: string, before: string, after: string): string {
  const name = file.split('\\').join('/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
