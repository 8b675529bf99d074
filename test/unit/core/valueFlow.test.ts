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
import type { ImportResolver } from '../../../server/src/core/analysis/evaluate';

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


test('a name imported from another module is asked of the workspace, with the module path and the attributes after it', async () => {
  const source = [
    'import httpx',
    'import myapp.limits',
    'from .settings import HTTP_TIMEOUT',
    'from myapp import config',
    'c = httpx.Client(timeout=HTTP_TIMEOUT, limits=httpx.Limits(max_connections=config.POOL_SIZE, max_keepalive_connections=myapp.limits.KEEP))',
    '',
  ].join('\n');
  const known: Record<string, number> = { '.settings:HTTP_TIMEOUT': 7, 'myapp:config.POOL_SIZE': 30, 'myapp:limits.KEEP': 10 };
  const asked: string[] = [];
  const resolveImport: ImportResolver = (module, path) => {
    const key = `${module}:${path.join('.')}`;
    asked.push(key);
    return key in known ? { value: { kind: 'number', value: known[key] }, where: `module \`${module}\`` } : undefined;
  };
  const at = source.indexOf('Client');
  const card = await hoverTextAt(source, at, { resolveImport });
  assert.equal(row(card, 'connect'), '| `connect` | 7.0 s | explicit, one value for every field, via `HTTP_TIMEOUT` (module `.settings`) |');
  assert.match(row(card, 'max_connections'), /\| 30 \| explicit, via `config\.POOL_SIZE` \(module `myapp`\) \|/);
  assert.match(row(card, 'max_keepalive_connections'), /\| 10 \| explicit, via `myapp\.limits\.KEEP`/);
  assert.deepEqual([...new Set(asked)].sort(), Object.keys(known).sort());
  const alone = await hoverTextAt(source, at);
  assert.match(row(alone, 'connect'), /unknown: `HTTP_TIMEOUT`, imported from `\.settings`/);
});
