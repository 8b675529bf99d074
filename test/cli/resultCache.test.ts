/**
 * `check`'s result cache gives exactly what a run without it gives: on the fixtures (where a warm run
 * reads no source file and never loads the parser), and after each change an outcome rests on — a
 * file edited, a module another imports a constant from edited, a module added that an import now
 * resolves to, the pyproject's rules, a requirements pin that changes the detected version — and
 * after a touch that changes nothing (the file is read, not analysed again).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cachedRun, coldRun, loggedCachedRun, pastRacyWindow } from '../helpers/cacheRuns';
import { cliFixture, runCli, tempTree, testCacheFolder } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';

const JSON_ARGS = ['--format', 'json', '.'];

const TREE: Readonly<Record<string, string | Buffer>> = {
  // A key the table does not know: every run, cold or warm, reports it on stderr.
  'pyproject.toml': '[project]\nname = "shop"\n\n[tool.pool-guide]\nfrobnicate = true\nignore = []\n',
  'requirements.txt': 'httpx==0.16.1\n',
  'app/__init__.py': '',
  'app/limits.py': 'NO_TIMEOUT = None\nPOOL = 7\n',
  'app/main.py': [
    'import httpx',
    'from .limits import NO_TIMEOUT, POOL',
    'from .conf import SLOW',
    'client = httpx.Client(timeout=NO_TIMEOUT, limits=httpx.Limits(max_connections=POOL))',
    'legacy = httpx.Client(pool_limits=httpx.Limits(max_connections=5), timeout=(3.05, 27))',
    'slow = httpx.Client(timeout=SLOW)',
    '',
  ].join('\n'),
  'app/docs.py': '"""Talks about httpx and requests, imports neither."""\nVALUE = 1\n',
  'app/latin.py': Buffer.from('# caf\xe9\nimport httpx\n', 'latin1'),
};

/** A change to a tree, and whether it changes the result (it must, unless it leaves every byte as it was). */
type Change = { readonly name: string; readonly apply: (root: string) => void; readonly changesResult: boolean };

const edit = (root: string, file: string, from: string, to: string) => {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, 'utf8');
  assert.ok(text.includes(from), `${file} holds ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
};

const CHANGES: readonly Change[] = [
  { name: 'a file edited (same size)', apply: (root) => edit(root, 'app/main.py', 'timeout=(3.05, 27)', 'timeout=(3.05, 2.)'), changesResult: true },
  { name: 'a module another file imports a constant from, edited', apply: (root) => edit(root, 'app/limits.py', 'NO_TIMEOUT = None', 'NO_TIMEOUT = 5.0'), changesResult: true },
  { name: 'a module added that an import now resolves to', apply: (root) => fs.writeFileSync(path.join(root, 'app/conf.py'), 'SLOW = None\n'), changesResult: true },
  { name: "the pyproject's rules", apply: (root) => edit(root, 'pyproject.toml', 'ignore = []', 'ignore = ["PG201"]'), changesResult: true },
  { name: 'a requirements pin that changes the detected version', apply: (root) => edit(root, 'requirements.txt', '0.16.1', '0.23.0'), changesResult: true },
  {
    name: 'every file touched with the same content',
    apply: (root) => {
      for (const file of ['app/main.py', 'app/limits.py', 'app/docs.py', 'app/latin.py', 'requirements.txt', 'pyproject.toml']) fs.writeFileSync(path.join(root, file), fs.readFileSync(path.join(root, file)));
    },
    changesResult: false,
  },
];

describe('CLI result cache: a warm run gives what a cold run gives', () => {
  const trees = new Map<string, { root: string; cleanup: () => void }>();
  const cacheFolders = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-cache-test-'));

  before(async () => {
    for (const change of CHANGES) {
      const tree = tempTree(TREE);
      trees.set(change.name, tree);
      await pastRacyWindow(tree.root);
    }
  });

  after(() => {
    for (const tree of trees.values()) tree.cleanup();
    fs.rmSync(cacheFolders, { recursive: true, force: true });
  });

  test('on the fixtures, in every format; warm, it reads no source file and never loads the parser', () => {
    const everyFormat = [['.'], JSON_ARGS, ['--format', 'sarif', '.'], ['--format', 'gitlab', '.'], ['--statistics', '.']];
    for (const fixture of ['plain', 'configured', 'fixable', 'frames']) {
      const cwd = cliFixture(fixture);
      const cache = path.join(cacheFolders, `fixture-${fixture}`);
      for (const args of fixture === 'configured' ? everyFormat : [['.']]) {
        const cold = coldRun(args, cwd);
        assert.deepEqual(cachedRun(args, cwd, cache), cold, `${fixture} ${args.join(' ')}: the run that fills the cache`);
        const warm = loggedCachedRun(args, cwd, cache);
        assert.deepEqual({ status: warm.status, stdout: warm.stdout, stderr: warm.stderr }, cold, `${fixture} ${args.join(' ')}: warm`);
        assert.deepEqual(warm.pythonFilesRead, [], `${fixture}: no source file read`);
        assert.equal(warm.loadedParser, false, `${fixture}: the parser is not loaded`);
      }
    }
  });

  test('the read log sees a cold run read and parse (so that its silence above means something)', () => {
    const run = loggedCachedRun(['--no-cache', '.'], cliFixture('plain'), path.join(cacheFolders, 'unused'));
    assert.ok(run.pythonFilesRead.length > 0 && run.loadedParser, JSON.stringify(run));
  });

  for (const change of CHANGES) {
    test(`after ${change.name}`, () => {
      const { root } = trees.get(change.name)!;
      const cache = path.join(cacheFolders, change.name.replace(/\W+/g, '-'));
      const before = coldRun(JSON_ARGS, root);
      assert.equal(before.status, 1, before.stderr);
      assert.match(before.stderr, /app\/latin\.py: skipped: not valid UTF-8\n.*unknown key 'frobnicate'/);
      assert.deepEqual(cachedRun(JSON_ARGS, root, cache), before, 'the run that fills the cache');
      const stillWarm = loggedCachedRun(JSON_ARGS, root, cache);
      assert.deepEqual(stillWarm.pythonFilesRead, [], 'unchanged files older than the racy window are not read');
      change.apply(root);
      const cold = coldRun(JSON_ARGS, root);
      if (change.changesResult) assert.notDeepEqual(cold, before, 'the change shows in a cold run');
      else assert.deepEqual(cold, before);
      const warm = loggedCachedRun(JSON_ARGS, root, cache);
      assert.deepEqual({ status: warm.status, stdout: warm.stdout, stderr: warm.stderr }, cold);
      if (!change.changesResult) assert.equal(warm.loadedParser, false, 'same bytes: read, not analysed again');
      assert.deepEqual(cachedRun(JSON_ARGS, root, cache), cold, 'and the run after it');
    });
  }

  test('a relative path, an absolute one and a single file share the cache and each gives its cold result', () => {
    const { root } = trees.get(CHANGES[0].name)!;
    const cache = path.join(cacheFolders, 'paths');
    for (const args of [JSON_ARGS, ['--format', 'json', root], ['--format', 'json', 'app/main.py'], ['--format', 'json', 'app'], JSON_ARGS]) {
      assert.deepEqual(cachedRun(args, root, cache), coldRun(args, root), args.join(' '));
    }
  });

  test('the tests keep the cache out of the repository (runCli gives each test process a temp cache folder)', () => {
    assert.equal(runCli(['check', '.'], cliFixture('plain')).status, 1);
    assert.ok(fs.readdirSync(testCacheFolder()).length > 0, 'the run wrote its cache there');
    assert.ok(!fs.existsSync(path.join(cliFixture('plain'), '.pool-guide-cache')));
    assert.ok(!fs.existsSync(path.join(repoRoot(), '.pool-guide-cache')));
  });
});
