/**
 * Terminal layout pieces: word wrapping (widths without colour codes, long plain words cut,
 * coloured ones kept whole), tables (columns from content, the widest gives way down to its
 * longest word), inline Markdown for a terminal, and code frames at the edges of a file.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inlineMarkdown, plainText } from '../../../server/src/cli/format/inlineMarkdown';
import { paintWith } from '../../../server/src/cli/format/paint';
import { sourceFrame } from '../../../server/src/cli/format/sourceFrame';
import { table, visibleLength, wrap } from '../../../server/src/cli/format/wrap';
import type { ReportedFinding } from '../../../server/src/cli/report';

const colour = paintWith(true);
const plain = paintWith(false);

describe('wrap and table', () => {
  test('wrap: greedy by words, indents, hanging indents; a plain word wider than the line is cut', () => {
    assert.deepEqual(wrap('one two three four', 10, '  ', '    '), ['  one two', '    three', '    four']);
    assert.deepEqual(wrap('abcdefghijklmnopqrstuvwxyz', 10), ['abcdefghij', 'klmnopqrst', 'uvwxyz']);
    assert.deepEqual(wrap('', 10, '  '), ['  ']);
  });

  test('wrap measures without colour codes and never cuts a coloured word', () => {
    const red = colour('abc', 'error');
    assert.equal(visibleLength(red), 3);
    assert.deepEqual(wrap(`${red} ${red} ${red}`, 7), [`${red} ${red}`, red]);
    const long = colour('x'.repeat(20), 'code');
    assert.deepEqual(wrap(long, 10), [long]);
  });

  test('table: natural widths when they fit; else the widest column wraps, never below its longest word', () => {
    const rows = [
      ['option', 'value', 'from'],
      ['connect', '5.0 s', 'explicit'],
      ['max_keepalive_connections', '20', 'the default of the client, via LIMITS'],
    ];
    assert.deepEqual(table(rows, 100, '  '), [
      '  option                     value  from',
      '  connect                    5.0 s  explicit',
      '  max_keepalive_connections  20     the default of the client, via LIMITS',
    ]);
    assert.deepEqual(table(rows, 50, ''), [
      'option                     value  from',
      'connect                    5.0 s  explicit',
      'max_keepalive_connections  20     the default of',
      '                                  the client, via',
      '                                  LIMITS',
    ]);
    const narrow = table(rows, 20, '');
    assert.ok(narrow.every((line) => !line.includes('max_keepalive_connections') || line.startsWith('max_keepalive_connections ')), 'the word stays whole');
  });
});

describe('inline Markdown for a terminal', () => {
  test('code spans and bold painted, links as their text, escaped pipes unescaped', () => {
    const text = '**Removed** in 2.0: use `timeout=` [docs](https://example.org/a) a \\| b';
    assert.equal(plainText(text), 'Removed in 2.0: use timeout= docs a | b');
    assert.equal(inlineMarkdown(text, plain), plainText(text));
    assert.equal(inlineMarkdown(text, colour), '\x1b[1mRemoved\x1b[22m in 2.0: use \x1b[36mtimeout=\x1b[39m docs a | b');
  });
});

describe('code frames at the edges', () => {
  const at = (line: number, column: number, endLine: number, endColumn: number): ReportedFinding => ({
    path: 'a.py',
    line,
    column,
    endLine,
    endColumn,
    code: 'PG101',
    name: 'ambiguous-timeout-tuple',
    severity: 'warning',
    message: 'm',
    fixable: false,
    fix: null,
  });

  test('a span on the first line, an empty span at the end of a CRLF line, a span past the end of the text', () => {
    assert.deepEqual(sourceFrame(at(1, 1, 1, 6), 'x = (1)\r\ny = 2\r\n', 'L', [], plain), ['  |', '1 | x = (1)', '  | ^^^^^ L', '2 | y = 2', '  |']);
    assert.deepEqual(sourceFrame(at(2, 6, 2, 6), 'x = 1\r\ny = 2\r\n', 'L', [], plain), ['  |', '1 | x = 1', '2 | y = 2', '  |      ^ L', '  |']);
    assert.deepEqual(sourceFrame(at(9, 1, 9, 2), 'x = 1\n', 'L', ['note'], plain), ['  = note']);
  });

  test('a span of many lines shows its first and last lines around a gap', () => {
    const text = ['c = f(', ...Array.from({ length: 10 }, (_, index) => `    a${index},`), ')', ''].join('\n');
    const frame = sourceFrame(at(1, 5, 12, 2), text, 'L', [], plain);
    assert.deepEqual(frame.slice(0, 3), ['   |', ' 1 | c = f(', '   |     ^^']);
    assert.ok(frame.includes('....'));
    assert.deepEqual(frame.slice(-3), ['12 | )', '   | ^ L', '   |']);
  });
});
