/**
 * Fix-all: the edits of every safe, preferred fix of a document, leaving out any fix that overlaps
 * one already taken (a second pass picks it up). Shared by the editor's fix-all and `check --fix`.
 */
import type { Finding, Fix, TextEdit } from '../types';

/** The fix that fix-all and `check --fix` apply for a finding: its safe, preferred one. */
export function safeFixOf(finding: Finding): Fix | undefined {
  return finding.fixes.find((candidate) => candidate.safe && candidate.preferred);
}

export function safeNonOverlappingEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const clashes = (a: TextEdit, b: TextEdit) =>
    !sameEdit(a, b) && (a.span.start < b.span.end && b.span.start < a.span.end || (a.span.start === b.span.start && (a.span.start === a.span.end || b.span.start === b.span.end)));
  for (const finding of findings) {
    const fix = safeFixOf(finding);
    if (!fix || fix.edits.some((edit) => taken.some((other) => clashes(edit, other)))) continue;
    for (const edit of fix.edits) if (!taken.some((other) => sameEdit(edit, other))) taken.push(edit);
  }
  return taken;
}

/** Two edits that make the same change. */
export function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}
