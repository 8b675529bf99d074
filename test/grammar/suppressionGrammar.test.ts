/**
 * The TextMate injection grammar for suppression comments (syntaxes/), run by vscode-tmgrammar-test
 * on test/fixtures/grammar/*.test.py. VS Code's Python grammar is not available offline, so a
 * minimal base grammar fixture (test/fixtures/grammar/python-base.tmLanguage.json) stands in for it,
 * scoping comments as MagicPython does. Also checks package.json contributes the grammar and that
 * the rule names it knows are exactly the rules'.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { repoRoot } from '../helpers/repo';

const GRAMMAR = 'syntaxes/pool-guide-comments.tmLanguage.json';

function runGrammarTests(cases: string): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [require.resolve('vscode-tmgrammar-test/dist/unit.js'), '--compact', '--grammar', 'test/fixtures/grammar/python-base.tmLanguage.json', cases],
    { cwd: repoRoot(), encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

test('suppression comments get their scopes, and strings do not', () => {
  const { status, output } = runGrammarTests('test/fixtures/grammar/*.test.py');
  assert.equal(status, 0, output);
  assert.match(output, /suppression\.test\.py run successfuly/);
});

test('a wrong expectation fails (the runner really checks scopes)', () => {
  const broken = path.join(repoRoot(), 'test', 'fixtures', 'grammar', 'suppression.test.py');
  const copy = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'pool-guide-grammar-'));
  try {
    const file = path.join(copy, 'broken.test.py');
    fs.writeFileSync(file, fs.readFileSync(broken, 'utf8').replace('keyword.other.directive.noqa.pool-guide', 'keyword.other.directive.wrong'));
    const { status, output } = runGrammarTests(file);
    assert.notEqual(status, 0);
    assert.match(output, /Missing required scopes: \[ keyword\.other\.directive\.wrong \]/);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('package.json contributes the grammar as an injection into source.python', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
  const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot(), GRAMMAR), 'utf8'));
  assert.deepEqual(manifest.contributes.grammars, [{ scopeName: grammar.scopeName, path: `./${GRAMMAR}`, injectTo: ['source.python'] }]);
  assert.equal(grammar.injectionSelector, 'L:source.python comment.line.number-sign.python');
});

test('the grammar knows exactly the rule names', () => {
  const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot(), GRAMMAR), 'utf8'));
  const names = /^\\b\(\?:(.*)\)\\b$/.exec(grammar.repository.rule.patterns[1].match)?.[1].split('|');
  assert.deepEqual(names, RULES.map((rule) => rule.name));
});
