/**
 * Suppression comments: `# pool-guide: ignore[PG101, ambiguous-timeout-tuple]` (or a bare
 * `# pool-guide: ignore`) on any line of the flagged call, `# noqa: PG101`, and
 * `# pool-guide: ignore-file[...]` in the file's leading comment block.
 */
import { findRule } from './rules';
import { lineIndex, type LineIndex } from './text/lines';
import type { Finding } from './types';

/** Codes, or "all", silenced on one line or in the whole file. */
type Silence = ReadonlySet<string> | 'all';

export type Suppressions = {
  readonly isSuppressed: (finding: Finding) => boolean;
};

/** Every suppression comment holds one of these (the patterns below all start with one of them). */
export const SUPPRESSION_MARKER = /pool-guide:|noqa:/gi;

const LINE_PATTERN = /pool-guide:\s*ignore(?![-\w])(?:\s*\[([^\]]*)\])?/i;
const NOQA_PATTERN = /noqa:\s*([A-Za-z0-9_,\s-]+)/i;
const FILE_PATTERN = /pool-guide:\s*ignore-file(?![-\w])(?:\s*\[([^\]]*)\])?/i;

/** Reads the suppressions from the comments of a document (each comment as its span; comments without a marker may be left out). */
export function collectSuppressions(text: string, comments: readonly { start: number; end: number }[]): Suppressions {
  const lines: LineIndex = lineIndex(text);
  const byLine = new Map<number, Silence>();
  let fileSilence: Silence | undefined;
  const firstCodeOffset = firstNonCommentOffset(text);
  for (const comment of comments) {
    const content = text.slice(comment.start, comment.end);
    const fileMatch = FILE_PATTERN.exec(content);
    if (fileMatch && comment.start < firstCodeOffset) {
      fileSilence = merge(fileSilence, parseCodes(fileMatch[1]));
      continue;
    }
    const lineMatch = LINE_PATTERN.exec(content);
    const noqaMatch = NOQA_PATTERN.exec(content);
    const silence = lineMatch ? parseCodes(lineMatch[1]) : noqaMatch ? parseCodes(noqaMatch[1], true) : undefined;
    if (silence === undefined) continue;
    const line = lines.lineOf(comment.start);
    const merged = merge(byLine.get(line), silence);
    if (merged !== undefined) byLine.set(line, merged);
  }
  const silences = (silence: Silence | undefined, finding: Finding) => silence !== undefined && (silence === 'all' || silence.has(finding.code));
  return {
    isSuppressed(finding) {
      if (silences(fileSilence, finding)) return true;
      const first = lines.lineOf(finding.callSpan.start);
      const last = lines.lineOf(finding.callSpan.end);
      for (let line = first; line <= last; line++) if (silences(byLine.get(line), finding)) return true;
      return false;
    },
  };
}

/** `PG101, timeouts-disabled` → the codes; no list → all. With `onlyOurs`, a list without any of our codes silences nothing. */
function parseCodes(list: string | undefined, onlyOurs = false): Silence | undefined {
  if (list === undefined || list.trim() === '') return onlyOurs ? undefined : 'all';
  // Commas or spaces separate items, as flake8 accepts for noqa (`# noqa: PG101 PG102`).
  const codes = list
    .split(/[,\s]+/)
    .map((item) => findRule(item)?.code)
    .filter((code): code is string => code !== undefined);
  if (codes.length === 0) return onlyOurs ? undefined : new Set();
  return new Set(codes);
}

function merge(current: Silence | undefined, added: Silence | undefined): Silence | undefined {
  if (added === undefined) return current;
  if (current === undefined) return added;
  if (current === 'all' || added === 'all') return 'all';
  return new Set([...current, ...added]);
}

/** The offset of the first line that is neither blank nor a comment (shebang and encoding lines are comments). */
function firstNonCommentOffset(text: string): number {
  let offset = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return offset;
    offset += line.length + 1;
  }
  return text.length;
}
