/**
 * `explain`, `hover`, `show` and `--version`: the rule pages, the hover card at a position, the listing
 * that `npm start` prints for examples/, and the version.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { cliFixture, runCli } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';

test('explain prints the docs page of a rule, by code or by name', () => {
  for (const rule of RULES) {
    const page = fs.readFileSync(path.join(repoRoot(), 'docs', 'rules', `${rule.code}.md`), 'utf8');
    assert.match(page, new RegExp(`^# ${rule.code} ${rule.name}\\n`));
    assert.deepEqual(runCli(['explain', rule.code]), { status: 0, stdout: page, stderr: '' });
  }
  assert.equal(runCli(['explain', 'missing-timeout']).stdout, fs.readFileSync(path.join(repoRoot(), 'docs', 'rules', 'PG301.md'), 'utf8'));
});

test('--version and -V print the version of package.json, help lists them', () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) assert.deepEqual(runCli([flag]), { status: 0, stdout: `pool-guide ${version}\n`, stderr: '' });
  assert.match(runCli(['--help']).stdout, /^--version, -V: /m);
});

test('hover FILE:LINE:COL prints the card of the callee there', () => {
  const run = runCli(['hover', 'plain/one.py:3:16'], cliFixture());
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^\*\*httpx\.Client\*\* · pool and timeouts · httpx /);
  assert.match(run.stdout, /\| `connect` \| 3\.05 s \| tuple item 1 \|/);
});

test('hover where there is no card says so on stderr and exits 1', () => {
  assert.deepEqual(runCli(['hover', 'plain/one.py:1:1'], cliFixture()), { status: 1, stdout: '', stderr: 'pool-guide: no hover card at plain/one.py:1:1\n' });
});

test('show --format markdown examples: each construction with its card, findings and fixes', () => {
  const run = runCli(['show', '--format', 'markdown', 'examples']);
  assert.equal(run.status, 0);
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /── examples\/app\/clients\.py:11:10 {2}httpx\.Client\(\.\.\.\)\n\*\*httpx\.Client\*\*/);
  assert.match(run.stdout, / {2}⚠ PG101 \(warning\) line 11: This 2-tuple/);
  assert.match(run.stdout, / {4}fix: Name the timeout phases: `httpx\.Timeout\(connect=3\.05, read=27, write=None, pool=None\)`/);
  assert.match(run.stdout, /── examples\/app\/legacy\.py:/);
});
