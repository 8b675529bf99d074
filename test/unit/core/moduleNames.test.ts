/**
 * The search for module names (core/moduleNames.ts) finds exactly the names a plain regular
 * expression finds, standing alone and in text order, on the fixtures and examples and on generated text
 * (names glued to letters, dots, digits and non-ASCII characters, in UTF-16 and in UTF-8 bytes read
 * as Latin-1), whichever place the search goes on from; and its anchors cover every name.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { createCatalog, LIBRARIES } from '../../../server/src/catalog';
import { anchorsFor, ModuleNames } from '../../../server/src/core/moduleNames';
import { generatedPython } from '../../helpers/pythonArbitraries';
import { listFiles, repoRoot } from '../../helpers/repo';
import { assertProperty } from '../../helpers/seed';

const HEADS = [...new Set(createCatalog(LIBRARIES).libraries.flatMap((library) => library.modules.map((module) => module.split('.')[0])))];
const ANCHORS = anchorsFor(HEADS);

/** The names that stand alone at or after `from` (a digit may come before one: tree-sitter splits `1requests`), by a regular expression: longer names first. */
function expected(text: string, from: number): string[] {
  const names = [...HEADS].sort((a, b) => b.length - a.length).join('|');
  const search = new RegExp(`(?<![A-Za-z_.])(?:${names})(?![A-Za-z0-9_])`, 'g');
  search.lastIndex = from;
  return [...text.matchAll(search)].filter((match) => match.index >= from).map((match) => `${match.index}:${match[0]}`);
}

/** The names `ModuleNames` finds at or after `from`, the search going on past each. */
function found(text: string, from: number): string[] {
  const names = new ModuleNames(text, ANCHORS);
  const result: string[] = [];
  for (let name = names.next(from); name !== undefined; name = names.next(name.index + 1)) result.push(`${name.index}:${name.word}`);
  return result;
}

test('every catalogued top-level module name has an anchor letter, and no anchor is needless', () => {
  assert.ok(HEADS.length >= 8, HEADS.join(' '));
  for (const head of HEADS) assert.ok(ANCHORS.some((anchor) => head.includes(anchor.letter)), head);
  for (const anchor of ANCHORS) {
    const others = ANCHORS.filter((other) => other !== anchor);
    assert.ok(
      HEADS.some((head) => !others.some((other) => head.includes(other.letter))),
      `anchor ${anchor.letter} covers no name the others miss`,
    );
  }
});

test('on every fixture and example, the names found are the ones a regular expression finds, in text as in bytes', () => {
  const files = [...listFiles('test/fixtures', ['.py']), ...listFiles('examples', ['.py'])];
  const texts = files.map((file) => fs.readFileSync(path.join(repoRoot(), file), 'utf8'));
  assert.ok(texts.length >= 30, `only ${texts.length} Python files found`);
  let named = 0;
  for (const text of texts) {
    const want = expected(text, 0);
    assert.deepEqual(found(text, 0), want);
    const latin1 = Buffer.from(text, 'utf8').toString('latin1');
    assert.deepEqual(found(latin1, 0), expected(latin1, 0));
    if (want.length > 0) named++;
  }
  assert.ok(named >= 15 && named < texts.length, `${named} of ${texts.length} files name a catalogued module`);
});

/** Names and what may stand around them. */
const PIECES = [...HEADS, ...HEADS.map((head) => head.slice(1)), ...HEADS.map((head) => head.slice(0, -1)), '.', '_', '2', 'x', ' ', '\n', '(', '"', 'é', '😀', '\u00e2\u0080\u008b', 'p', 'q', 'b', 'tp', 'op'];
const namedText = fc.array(fc.oneof(fc.constantFrom(...PIECES), generatedPython), { maxLength: 24 }).map((parts) => parts.join(''));

test('on generated text, the names found from any place on are the ones a regular expression finds', async () => {
  await assertProperty(
    fc.property(namedText, fc.double({ min: 0, max: 1, noNaN: true }), (text, where) => {
      const from = Math.floor(where * text.length);
      assert.deepEqual(found(text, from), expected(text, from), JSON.stringify(text));
      const latin1 = Buffer.from(text, 'utf8').toString('latin1');
      assert.deepEqual(found(latin1, from), expected(latin1, from), JSON.stringify(latin1));
    }),
    1500,
  );
});
