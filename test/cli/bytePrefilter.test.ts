/**
 * The CLI decides on the bytes whether a file may import a catalogued module (cli/sourceFile.ts,
 * `mayImportCatalogModule`: the import test on the bytes read as Latin-1), and decodes only the files
 * that pass. It must never turn down a file the decoded test lets through, so that findings stay the
 * same: on every fixture and example the two decisions are equal, on generated text with non-ASCII
 * characters anywhere the byte decision is at least as permissive (and equal on ASCII text), and the
 * broken-text signs that stop the lexer (zero-width spaces, a leading byte-order mark) read the same
 * in bytes as in text.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { defaultCatalog } from '../../server/src/catalog';
import { mayImportCatalogModule } from '../../server/src/cli/sourceFile';
import { importsCatalogModule } from '../../server/src/core/prefilter';
import { listFiles, repoRoot } from '../helpers/repo';
import { generatedPython } from '../helpers/pythonArbitraries';

/** The import test on the decoded text (what cli/analyzer.ts and the server ask). */
const decodedDecision = (text: string) => importsCatalogModule(defaultCatalog, text);
const byteDecision = (text: string) => mayImportCatalogModule(defaultCatalog, Buffer.from(text, 'utf8'));

test('on every fixture and example, the byte decision is the decoded one', () => {
  const files = [...listFiles('test/fixtures', ['.py']), ...listFiles('examples', ['.py'])];
  assert.ok(files.length >= 30, `only ${files.length} Python files found`);
  let imported = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.join(repoRoot(), file), 'utf8');
    const decoded = decodedDecision(text);
    assert.equal(byteDecision(text), decoded, file);
    if (decoded) imported++;
  }
  assert.ok(imported >= 15 && imported < files.length, `${imported} of ${files.length} files import a catalogued module`);
});

/** Pieces of imports, strings and comments, and characters whose UTF-8 bytes are not ASCII (spaces and zero-width spaces among them). */
const PIECES = ['import ', 'from ', 'requests', 'httpx', 'urllib3', ' as r', ', ', '.adapters', ' Session', 'pip._vendor.', ' import ', '(', ')', '\n', ' \\\n', ';', ':', '#', '"', '"""', "'''", "f'", "'", '\\', '\0', '\r\n', 'é', '😀', '\u00a0', '\u3000', '\u2060', '\u200b', '\ufeff', '\u00e2\u0080\u008b', 'λ'];
const pieceText = fc.array(fc.oneof(fc.constantFrom(...PIECES), generatedPython), { maxLength: 24 }).map((parts) => parts.join(''));

test('on generated text, the bytes let through everything the decoded text does, and exactly that on ASCII', () => {
  fc.assert(
    fc.property(pieceText, (text) => {
      const decoded = decodedDecision(text);
      const bytes = byteDecision(text);
      if (decoded) assert.equal(bytes, true, JSON.stringify(text));
      // eslint-disable-next-line no-control-regex
      if (/^[\x00-\x7f]*$/.test(text)) assert.equal(bytes, decoded, JSON.stringify(text));
    }),
    { numRuns: 1500, seed: 20261203 },
  );
});

test('a zero-width space in code stops lexing in bytes as in text; a leading byte-order mark does not', () => {
  for (const space of ['\u2060', '\u200b', '\ufeff']) {
    const text = `x = 1${space}"""\nimport requests\n"""\n`; // After the space, the quotes open no string: the import is code.
    assert.equal(decodedDecision(text), true, JSON.stringify(space));
    assert.equal(byteDecision(text), true, JSON.stringify(space));
  }
  for (const text of ['\ufeff"""\nimport requests\n"""\n', '\ufeff# import requests\n"""\nimport httpx\n"""\n']) {
    assert.equal(decodedDecision(text), false, JSON.stringify(text));
    assert.equal(byteDecision(text), false, JSON.stringify(text));
  }
  assert.equal(byteDecision('\ufeffimport urllib3\n'), true);
});
