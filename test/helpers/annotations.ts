/**
 * Self-checking diagnostic fixtures: a Python file where a comment line of carets marks the span of
 * the line above it and names the expected rule, e.g.
 *
 *     client = httpx.Client(timeout=(1, 2))
 *     #                             ^^^^^^ PG101 warning
 *
 * Annotation lines stay valid Python, so the fixture parses exactly as a user's file would.
 */

export type ExpectedFinding = { readonly code: string; readonly severity?: string; readonly start: number; readonly end: number };

const ANNOTATION = /^(\s*#\s*?)(\^+)\s+(PG\d{3})(?:\s+(error|warning|information|hint))?\s*$/;

/** Expected findings from the caret lines of a fixture, as offsets into the fixture text. */
export function expectedFindings(text: string): ExpectedFinding[] {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const expected: ExpectedFinding[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (!match) {
      target = index;
      return;
    }
    if (target < 0) throw new Error(`annotation on line ${index + 1} has no line above it`);
    const column = match[1].length;
    expected.push({ code: match[3], severity: match[4], start: lineStarts[target] + column, end: lineStarts[target] + column + match[2].length });
  });
  return expected;
}
