/**
 * The CLI reads names imported from other files of the tree it checks through the same workspace
 * index as the server: `show` says where a value is defined, `check` reports what such a value
 * causes, only a file of the tree counts, the server agrees, and a huge module is not summarised.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ReportedFinding } from '../../server/src/cli/report';
import { runCli, tempTree } from '../helpers/cli';
import { LspTestClient } from '../helpers/lspClient';
import { workspaceFixture } from '../helpers/workspace';

const TREE = {
  'app/__init__.py': '',
  'app/limits.py': 'import httpx\nNO_TIMEOUT = None\nPOOL = 7\n',
  'app/main.py': 'import httpx\nfrom .limits import NO_TIMEOUT, POOL\nclient = httpx.Client(timeout=NO_TIMEOUT, limits=httpx.Limits(max_connections=POOL))\n',
};

describe('CLI: values from other files of the tree', () => {
  test('show: the value and where it is defined, as a path from the working directory', () => {
    const run = runCli(['show', '--format', 'markdown', '.'], workspaceFixture('values-package'));
    assert.equal(run.status, 0);
    assert.ok(run.stdout.includes('| `connect` | 2.5 s | explicit, via `HTTP_TIMEOUT` (shop/settings.py, line 5) |'), run.stdout);
    assert.ok(run.stdout.includes('| `read` | 30.0 s | explicit, via `READ_TIMEOUT` (shop/core/config.py, line 3) |'));
    assert.ok(!run.stdout.includes('file:'), 'no links in plain output');
  });

  test('check: a finding caused by a value of another file of the tree; a file checked alone does not see it', () => {
    const { root, cleanup } = tempTree(TREE);
    try {
      const whole = JSON.parse(runCli(['check', '--format', 'json', '.'], root).stdout) as ReportedFinding[];
      assert.deepEqual(whole.map((finding) => `${finding.path}:${finding.line} ${finding.code}`), ['app/main.py:3 PG302']);
      const alone = JSON.parse(runCli(['check', '--format', 'json', 'app/main.py'], root).stdout) as ReportedFinding[];
      assert.deepEqual(alone, []);
    } finally {
      cleanup();
    }
  });

  test('hover: a value from another module of the workspace (the working directory, or --root), as the editor shows it', () => {
    const fixture = workspaceFixture('values-package');
    const position = 'shop/api/client.py:9:19';
    const run = runCli(['hover', position], fixture);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.includes('| `connect` | 2.5 s | explicit, via `HTTP_TIMEOUT` (shop/settings.py, line 5) |'), run.stdout);
    const fromElsewhere = runCli(['hover', '--root', fixture, path.join(fixture, position)], path.dirname(fixture));
    assert.equal(fromElsewhere.status, 0, fromElsewhere.stderr);
    assert.match(fromElsewhere.stdout, /\| `connect` \| 2\.5 s \| explicit, via `HTTP_TIMEOUT` \(.*shop\/settings\.py, line 5\) \|/);
    const packageOnly = runCli(['hover', '--root', path.join(fixture, 'shop', 'api'), path.join(fixture, position)], fixture);
    assert.match(packageOnly.stdout, /\| `connect` \| unknown: `HTTP_TIMEOUT`: `\.\.settings` [^|]*\|/, 'a workspace without the module cannot know the value');
  });

  test('hover: --root must be a directory', () => {
    const run = runCli(['hover', '--root', 'no-such-folder', 'shop/api/client.py:9:19'], workspaceFixture('values-package'));
    assert.deepEqual(run, { status: 2, stdout: '', stderr: 'pool-guide: --root: no such directory: no-such-folder\n' });
  });

  test('a 50 MB generated module is not summarised: the name reads as unknown, and the run ends', () => {
    const line = 'GENERATED_VALUE_WITH_A_LONG_NAME_0000000 = 1\n';
    const { root, cleanup } = tempTree({
      'big/__init__.py': '',
      'big/generated.py': line.repeat(Math.ceil(50_000_000 / line.length)) + 'POOL = 3\n',
      'big/use.py': 'import httpx\nfrom .generated import POOL\nclient = httpx.Client(limits=httpx.Limits(max_connections=POOL))\n',
    });
    try {
      const run = runCli(['show', '--format', 'markdown', 'big/use.py', 'big/generated.py'], root);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /\| `max_connections` \| unknown: big\/generated\.py is too large to index \(50 MB\) \|/);
    } finally {
      cleanup();
    }
  });
});

describe('CLI and server agree across modules', () => {
  let client: LspTestClient;
  let tree: ReturnType<typeof tempTree>;
  before(async () => {
    tree = tempTree(TREE);
    client = LspTestClient.start();
    await client.initialize([{ uri: pathToFileURL(tree.root).toString(), name: 'app' }]);
  });
  after(() => {
    client.dispose();
    tree.cleanup();
  });

  test('the same findings for a file that reads another module', async () => {
    const fromCli = (JSON.parse(runCli(['check', '--format', 'json', '.'], tree.root).stdout) as ReportedFinding[]).map((finding) => `${finding.line}:${finding.column} ${finding.code} ${finding.message}`);
    await client.logged(/workspace index:/);
    const uri = pathToFileURL(path.join(tree.root, 'app', 'main.py')).toString();
    await client.didOpen(uri, fs.readFileSync(path.join(tree.root, 'app', 'main.py'), 'utf8'));
    const { diagnostics } = await client.diagnostics(uri, 1);
    const fromServer = diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${String(diagnostic.code)} ${diagnostic.message}`);
    assert.deepEqual(fromServer, fromCli);
    assert.equal(fromCli.length, 1);
  });
});
