/**
 * Value-flow fixtures (test/fixtures/values): under a call, a comment line of carets marks its
 * callee and names a field with the value its hover card must show there. Annotation lines stay
 * valid Python, so each fixture parses as a user's file would.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { hoverTextAt, row } from '../../helpers/hover';
import { repoRoot } from '../../helpers/repo';

const FIXTURES = join(repoRoot(), 'test/fixtures/values');
const ANNOTATION = /^(\s*#\s*?)(\^+) (\w+): (.+)$/;

type Expectation = { readonly line: number; readonly offset: number; readonly field: string; readonly value: string };

function expectations(text: string): Expectation[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  lines.reduce((offset, line) => (starts.push(offset), offset + line.length + 1), 0);
  const found: Expectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (!match) target = index;
    else found.push({ line: index + 1, offset: starts[target] + match[1].length, field: match[3], value: match[4] });
  });
  return found;
}

for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.py'))) {
  test(`value flow fixture ${file}`, async () => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const expected = expectations(text);
    assert.ok(expected.length > 0, `${file} has no annotations`);
    for (const { line, offset, field, value } of expected) {
      const card = await hoverTextAt(text, offset);
      const cell = row(card, field).split(' | ')[1].replace(/\\\|/g, '|');
      assert.equal(cell, value, `${file}:${line} ${field}`);
    }
  });
}


test('a name an import binds, with no workspace index, is unknown and says where it comes from', async () => {
  const source = ['import httpx', 'from .settings import HTTP_TIMEOUT', 'from myapp import config', 'c = httpx.Client(timeout=HTTP_TIMEOUT, limits=httpx.Limits(max_connections=config.POOL_SIZE))', ''].join('\n');
  const card = await hoverTextAt(source, source.indexOf('Client'));
  assert.match(row(card, 'connect'), /unknown: `HTTP_TIMEOUT`, imported from `\.settings`/);
  assert.match(row(card, 'max_connections'), /unknown: `config\.POOL_SIZE`, imported from `myapp`/);
});
