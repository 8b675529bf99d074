// The pre-commit hook as a Python team uses it: Debian's `pre-commit try-repo` installs this
// repository in its own node environment (npm from the registry only: the `prepare` script builds
// dist/, `npm pack` + `npm install -g` put the `pool-guide` bin on the hook's PATH) and runs the
// `pool-guide` hook of .pre-commit-hooks.yaml on a throw-away git repository: it fails on a file
// with a finding and passes on a clean one, and on a file that `exclude` of [tool.pool-guide] covers
// (pre-commit names each file: the hook passes --force-exclude).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const paths = require('../lib/paths');
const { tempDir } = require('../lib/workspace');

const FINDING = 'import httpx\n\n\ndef fetch(url):\n    return httpx.get(url)\n';
const CLEAN = 'import httpx\n\nclient = httpx.Client(timeout=httpx.Timeout(5.0))\n';

/** A git repository with the files staged (and any `extra` ones), and the environment pre-commit runs in (its store in a temp folder). */
function throwAwayRepository(extra = {}) {
  const repo = tempDir('pre-commit-repo');
  fs.writeFileSync(path.join(repo, 'finding.py'), FINDING);
  fs.writeFileSync(path.join(repo, 'clean.py'), CLEAN);
  fs.writeFileSync(path.join(repo, 'notes.txt'), 'httpx.get(url) in a text file is not Python\n');
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(repo, name), text);
  const env = {
    ...process.env,
    PRE_COMMIT_HOME: tempDir('pre-commit-home'),
    GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
  execFileSync('git', ['init', '-q'], { cwd: repo, env });
  execFileSync('git', ['add', '.'], { cwd: repo, env });
  return { repo, env };
}

/** `pre-commit try-repo <this repository> pool-guide` on the given files. */
function tryHook(files, extra) {
  const { repo, env } = throwAwayRepository(extra);
  const result = spawnSync('pre-commit', ['try-repo', paths.repo, 'pool-guide', '--verbose', '--files', ...files], { cwd: repo, env, encoding: 'utf8' });
  return { ...result, output: result.stdout + result.stderr };
}

test('the hook fails on a Python file with a finding, and reports it', () => {
  const { status, output } = tryHook(['finding.py', 'notes.txt']);
  assert.equal(status, 1, output);
  const expected = spawnSync(process.execPath, [path.join(paths.repo, 'dist', 'cli.js'), 'check', 'finding.py'], { cwd: path.dirname(tempDirWith('finding.py', FINDING)), encoding: 'utf8' });
  assert.equal(expected.status, 1);
  assert.match(output, /^Pool Guide\.+Failed$/m);
  for (const line of expected.stdout.trim().split('\n')) assert.ok(output.includes(line), `hook output has ${JSON.stringify(line)}:\n${output}`);
  assert.doesNotMatch(output, /notes\.txt/, 'types: [python] keeps other files away from the hook');
});

test('the hook passes on a clean Python file', () => {
  const { status, output } = tryHook(['clean.py']);
  assert.equal(status, 0, output);
  assert.match(output, /^Pool Guide\.+Passed$/m);
});

test('the hook passes on a staged file that exclude covers, and still fails on the others', () => {
  const extra = { 'pyproject.toml': '[tool.pool-guide]\nexclude = ["generated_*.py"]\n', 'generated_client.py': FINDING };
  const excluded = tryHook(['generated_client.py'], extra);
  assert.equal(excluded.status, 0, excluded.output);
  assert.match(excluded.output, /^Pool Guide\.+Passed$/m);
  const both = tryHook(['generated_client.py', 'finding.py'], extra);
  assert.equal(both.status, 1, both.output);
  assert.match(both.output, /finding\.py:5:12: PG501/);
  assert.doesNotMatch(both.output, /generated_client\.py:/);
});

/** A temp folder holding one file; returns the file's path. */
function tempDirWith(name, text) {
  const file = path.join(tempDir('pre-commit-expected'), name);
  fs.writeFileSync(file, text);
  return file;
}
