/**
 * Line arithmetic on UTF-16 offsets, for the core's own needs (suppressions, CLI output).
 */

export type LineIndex = {
  /** The zero-based line of an offset. */
  lineOf(offset: number): number;
  /** Zero-based line and UTF-16 column of an offset. */
  positionOf(offset: number): { line: number; character: number };
};

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return { lineOf, positionOf: (offset) => ({ line: lineOf(offset), character: offset - starts[lineOf(offset)] }) };
}
