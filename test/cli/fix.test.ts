/**
 * `check --fix` applies the safe fixes only, until nothing changes, and the fixed files build the
 * same configuration with the real httpx (Debian's, under /usr/bin/python3, via run_config.py);
 * `--fix --diff` prints the same change as a unified diff and writes nothing.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { ReportedFinding } from '../../server/src/cli/report';
import { cliFixture, runCli, tempTree } from '../helpers/cli';
import { runPythonScript } from '../helpers/python';

type RunResult = { compiles: boolean; error: string | null; objects?: Record<string, unknown> };

const ORIGINAL = fs.readFileSync(cliFixture('fixable', 'clients.py'), 'utf8');

function fixableTree() {
  return tempTree({ 'clients.py': ORIGINAL });
}

describe('check --fix', () => {
  test('rewrites the file, reports what is left, and a second run changes nothing', () => {
    const tree = fixableTree();
    try {
      const run = runCli(['check', '--fix', '--format', 'json', '.'], tree.root);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 1, 'the unfixable PG302 is left');
      assert.deepEqual(
        (JSON.parse(run.stdout) as ReportedFinding[]).map((finding) => [finding.code, finding.line, finding.fixable]),
        [['PG302', 11, false]],
      );
      const fixed = fs.readFileSync(path.join(tree.root, 'clients.py'), 'utf8');
      assert.equal(
        fixed,
        ORIGINAL.replace('Limits(max_connections=50)', 'Limits(max_connections=50, max_keepalive_connections=None, keepalive_expiry=5.0)')
          .replace('timeout=(3.05, 27)', 'timeout=httpx.Timeout(connect=3.05, read=27, write=None, pool=None)')
          .replace('timeout=(1, 2, 3)', 'timeout=httpx.Timeout(connect=1, read=2, write=3, pool=None)')
          .replace('httpx.Limits(max_keepalive_connections=5)', 'httpx.Limits(max_keepalive_connections=5, max_connections=None, keepalive_expiry=5.0)')
          .replace('httpx.Timeout((1, 2, 3, 4))', 'httpx.Timeout(connect=1, read=2, write=3, pool=4)')
          .replace('timeout=(5, 6)', 'timeout=httpx.Timeout(connect=5, read=6, write=None, pool=None)'),
      );
      const again = runCli(['check', '--fix', '.'], tree.root);
      assert.equal(fs.readFileSync(path.join(tree.root, 'clients.py'), 'utf8'), fixed);
      assert.match(again.stdout, /^Found 1 problem\.$/m);
    } finally {
      tree.cleanup();
    }
  });

  test('the fixed file builds the same configuration with the real httpx', () => {
    const tree = fixableTree();
    try {
      runCli(['check', '--fix', '.'], tree.root);
      const fixed = fs.readFileSync(path.join(tree.root, 'clients.py'), 'utf8');
      assert.notEqual(fixed, ORIGINAL);
      const { results } = runPythonScript<{ results: RunResult[] }>('run_config.py', [{ source: ORIGINAL }, { source: fixed }]);
      const [before, after] = results;
      assert.equal(before.error, null, `the original runs: ${before.error}`);
      assert.equal(after.error, null, `the fixed file runs: ${after.error}`);
      assert.deepEqual(Object.keys(after.objects ?? {}), ['LIMITS', 'legacy', 'three', 'explicit', 'pooled', 'patient']);
      assert.deepEqual(after.objects, before.objects);
    } finally {
      tree.cleanup();
    }
  });

  test('--diff prints the fixes as a unified diff, writes nothing, and exits 1', () => {
    const tree = fixableTree();
    try {
      const run = runCli(['check', '--fix', '--diff', 'clients.py'], tree.root);
      assert.equal(run.status, 1);
      assert.equal(fs.readFileSync(path.join(tree.root, 'clients.py'), 'utf8'), ORIGINAL);
      const lines = run.stdout.split('\n');
      assert.deepEqual(lines.slice(0, 3), ['--- a/clients.py', '+++ b/clients.py', '@@ -2,10 +2,10 @@']);
      assert.ok(lines.includes('-legacy = httpx.Client(timeout=(3.05, 27))'));
      assert.ok(lines.includes('+legacy = httpx.Client(timeout=httpx.Timeout(connect=3.05, read=27, write=None, pool=None))'));
      assert.ok(!lines.some((line) => /^[-+]patient/.test(line)), 'the line with only an unsafe-or-no fix is not touched');
      assert.deepEqual(runCli(['check', '--fix', '--diff', '../plain/clean.py'], tree.root).status, 2, 'a missing path is still an error');
      assert.deepEqual(runCli(['check', '--fix', '--diff', 'plain/clean.py'], cliFixture()), { status: 0, stdout: '', stderr: '' });
    } finally {
      tree.cleanup();
    }
  });

  test('--fix --diff --exit-zero prints the same diff, writes nothing, and exits 0', () => {
    const tree = fixableTree();
    try {
      const withChanges = runCli(['check', '--fix', '--diff', 'clients.py'], tree.root);
      const run = runCli(['check', '--fix', '--diff', '--exit-zero', 'clients.py'], tree.root);
      assert.equal(run.status, 0);
      assert.notEqual(run.stdout, '');
      assert.equal(run.stdout, withChanges.stdout);
      assert.equal(fs.readFileSync(path.join(tree.root, 'clients.py'), 'utf8'), ORIGINAL);
    } finally {
      tree.cleanup();
    }
  });

  test('keeps a UTF-8 byte-order mark and CRLF line endings', () => {
    const tree = tempTree({ 'bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('import httpx\r\nc = httpx.Client(timeout=(1, 2))\r\n')]) });
    try {
      runCli(['check', '--fix', '.'], tree.root);
      assert.deepEqual(
        fs.readFileSync(path.join(tree.root, 'bom.py')),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('import httpx\r\nc = httpx.Client(timeout=httpx.Timeout(connect=1, read=2, write=None, pool=None))\r\n')]),
      );
    } finally {
      tree.cleanup();
    }
  });
});
