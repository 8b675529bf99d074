/**
 * Text fitted to a width: words wrapped greedily (a word longer than the width is cut), widths
 * measured without colour codes, and a table whose columns take the width of their content until
 * the whole is too wide, when the widest column gives way first (down to its longest word) and its
 * cells wrap.
 */
import { stripVTControlCharacters } from 'util';

const MIN_COLUMN = 8;
const GAP = '  ';

export function visibleLength(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}

/** The lines of `text` within `width` columns; `indent` starts every line, `hanging` every line after the first. */
export function wrap(text: string, width: number, indent = '', hanging = indent): string[] {
  const lines: string[] = [];
  let line = '';
  let lineIndent = indent;
  const room = () => Math.max(MIN_COLUMN, width - lineIndent.length);
  const flush = () => {
    lines.push(lineIndent + line);
    line = '';
    lineIndent = hanging;
  };
  for (const word of text.split(' ').filter((part) => part !== '')) {
    if (line !== '' && visibleLength(line) + 1 + visibleLength(word) > room()) flush();
    let rest = word;
    // A plain word wider than a whole line is cut; a coloured one never is (its escapes would split).
    while (line === '' && visibleLength(rest) > room() && stripVTControlCharacters(rest) === rest) {
      const characters = [...rest];
      line = characters.slice(0, room()).join('');
      rest = characters.slice(room()).join('');
      flush();
    }
    if (rest !== '') line = line === '' ? rest : `${line} ${rest}`;
  }
  if (line !== '' || lines.length === 0) flush();
  return lines;
}

/** Rows of cells (already painted) laid out in columns within `width`, each line after `indent`. */
export function table(rows: readonly (readonly string[])[], width: number, indent: string): string[] {
  const columns = rows[0]?.length ?? 0;
  const widths = Array.from({ length: columns }, (_, column) => Math.max(...rows.map((row) => visibleLength(row[column]))));
  // A column never gets narrower than its longest word: words in cells are not cut.
  const narrowest = widths.map((natural, column) => Math.min(natural, Math.max(MIN_COLUMN, ...rows.flatMap((row) => row[column].split(' ').map(visibleLength)))));
  const room = width - indent.length - GAP.length * (columns - 1);
  while (widths.reduce((sum, each) => sum + each, 0) > room) {
    const shrinkable = widths.map((each, column) => (each > narrowest[column] ? each : -1));
    const widest = shrinkable.indexOf(Math.max(...shrinkable));
    if (shrinkable[widest] < 0) break;
    widths[widest]--;
  }
  return rows.flatMap((row) => {
    const cells = row.map((text, column) => wrap(text, widths[column]));
    const height = Math.max(...cells.map((lines) => lines.length));
    return Array.from({ length: height }, (_, index) =>
      (indent + cells.map((lines, column) => pad(lines[index] ?? '', column === columns - 1 ? 0 : widths[column])).join(GAP)).trimEnd(),
    );
  });
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}
