/**
 * The edit behind "Ignore PG301 on this line": at the end of the finding's first line, extend a
 * trailing `# pool-guide: ignore[...]` comment with the code, or append a new one. A line that ends
 * in a backslash continuation cannot take a comment, so it gets no edit.
 */
import type { Finding, TextEdit } from './types';

const TRAILING_IGNORE = /#\s*pool-guide:\s*ignore\s*\[([^\]]*)\]\s*$/i;

export function ignoreOnLineEdit(text: string, finding: Finding): TextEdit | undefined {
  const lineStart = text.lastIndexOf('\n', finding.span.start - 1) + 1;
  const newline = text.indexOf('\n', finding.span.start);
  // trimEnd also drops the \r of a CRLF line ending.
  const content = text.slice(lineStart, newline === -1 ? text.length : newline).trimEnd();
  if (content.endsWith('\\')) return undefined;
  const contentEnd = lineStart + content.length;
  const existing = TRAILING_IGNORE.exec(content);
  if (existing) {
    // A list that silences nothing of ours yet (an empty one silences everything, so no finding).
    const items = existing[1];
    const insertAt = lineStart + content.lastIndexOf(']') - (items.length - items.trimEnd().length);
    return { span: { start: insertAt, end: insertAt }, newText: `, ${finding.code}` };
  }
  return { span: { start: contentEnd, end: contentEnd }, newText: `  # pool-guide: ignore[${finding.code}]` };
}
