/**
 * Where `check`'s result cache lives and what never goes wrong with it: the project root's
 * `.pool-guide-cache` (git-ignored by its own `.gitignore`), never the checked tree; `cache-dir`,
 * POOL_GUIDE_CACHE_DIR; `--no-cache` writes nothing; a cache that cannot be written, a corrupt cache
 * file, another build of the tool, two runs at once and `--fix` all give exactly the cold result.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { cachedRun, coldRun, loggedCachedRun, pastRacyWindow } from '../helpers/cacheRuns';
import { runCli, tempTree, type CliRun } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';

const JSON_ARGS = ['--format', 'json', '.'];
const CODE = 'import httpx\nlegacy = httpx.Client(timeout=(3.05, 27))\nplain = httpx.Client()\n';

/** runCli without the test processes' cache folder: the CLI decides where its cache goes. */
const runWithDefaultCache = (args: readonly string[], cwd: string) => runCli(['check', ...args], cwd, undefined, { POOL_GUIDE_CACHE_DIR: undefined });

/** The cache files (JSON) under `folder`. */
function cacheFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.endsWith('.json')).map((entry) => path.join(folder, entry));
}

describe('CLI result cache: location and robustness', () => {
  const cleanups: (() => void)[] = [];
  const tree = (files: Readonly<Record<string, string>>) => {
    const made = tempTree(files);
    cleanups.push(made.cleanup);
    return made.root;
  };
  after(() => cleanups.forEach((cleanup) => cleanup()));

  test("by default in the project root (the pyproject nearest the working directory), git-ignored by its own .gitignore", () => {
    const root = tree({ 'pyproject.toml': '[project]\nname = "app"\n', 'src/app/main.py': CODE });
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', '.'], { cwd: root });
    const cold = coldRun(JSON_ARGS, path.join(root, 'src'));
    assert.deepEqual(runWithDefaultCache(JSON_ARGS, path.join(root, 'src')), cold);
    const folder = path.join(root, '.pool-guide-cache');
    assert.equal(cacheFiles(folder).length, 1);
    assert.match(fs.readFileSync(path.join(folder, '.gitignore'), 'utf8'), /^\*$/m);
    assert.match(fs.readFileSync(path.join(folder, 'CACHEDIR.TAG'), 'utf8'), /^Signature: 8a477f597d28d172789f06886806bc55/);
    assert.equal(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' }), 'A  pyproject.toml\nA  src/app/main.py\n');
    assert.deepEqual(runWithDefaultCache(JSON_ARGS, path.join(root, 'src')), cold, 'warm');
  });

  test('checking a tree elsewhere writes into the working directory, never into the checked tree', () => {
    const checked = tree({ 'lib/main.py': CODE });
    const here = tree({ 'notes.txt': 'no pyproject here\n' });
    const cold = coldRun(['--format', 'json', checked], here);
    assert.deepEqual(runWithDefaultCache(['--format', 'json', checked], here), cold);
    assert.deepEqual(fs.readdirSync(checked), ['lib']);
    assert.deepEqual(fs.readdirSync(path.join(checked, 'lib')), ['main.py']);
    assert.equal(cacheFiles(path.join(here, '.pool-guide-cache')).length, 1);
  });

  test('cache-dir in [tool.pool-guide] (relative to the pyproject), POOL_GUIDE_CACHE_DIR over it, --cache-dir over both', () => {
    const root = tree({ 'pyproject.toml': '[tool.pool-guide]\ncache-dir = "build/lint-cache"\n', 'main.py': CODE });
    const cold = coldRun(JSON_ARGS, root);
    assert.deepEqual(runWithDefaultCache(JSON_ARGS, root), cold);
    assert.equal(cacheFiles(path.join(root, 'build', 'lint-cache')).length, 1);
    assert.deepEqual(runCli(['check', ...JSON_ARGS], root, undefined, { POOL_GUIDE_CACHE_DIR: 'from-env' }), cold);
    assert.equal(cacheFiles(path.join(root, 'from-env')).length, 1);
    assert.deepEqual(runCli(['check', ...JSON_ARGS, '--cache-dir', 'from-flag'], root, undefined, { POOL_GUIDE_CACHE_DIR: 'from-env' }), cold);
    assert.equal(cacheFiles(path.join(root, 'from-flag')).length, 1);
  });

  test('--no-cache neither reads nor writes a cache', () => {
    const root = tree({ 'main.py': CODE });
    assert.equal(runCli(['check', '--no-cache', '.'], root, undefined, { POOL_GUIDE_CACHE_DIR: undefined }).status, 1);
    assert.deepEqual(fs.readdirSync(root), ['main.py']);
  });

  test('a cache folder that cannot be made changes nothing, and says nothing', () => {
    const root = tree({ 'main.py': CODE, 'occupied': 'a file where the cache folder would go\n' });
    const cold = coldRun(JSON_ARGS, root);
    for (let run = 0; run < 2; run++) assert.deepEqual(cachedRun(JSON_ARGS, root, path.join(root, 'occupied', 'cache')), cold);
  });

  test('a corrupt cache file is rebuilt, and a cache of another shape is not trusted', async () => {
    const root = tree({ 'main.py': CODE, 'other.py': '"""About httpx."""\n' });
    await pastRacyWindow(root);
    const cache = path.join(root, '..', `${path.basename(root)}-cache`);
    cleanups.push(() => fs.rmSync(cache, { recursive: true, force: true }));
    const cold = coldRun(JSON_ARGS, root);
    assert.deepEqual(cachedRun(JSON_ARGS, root, cache), cold);
    const [file] = cacheFiles(cache);
    const valid = fs.readFileSync(file, 'utf8');
    for (const corrupt of [valid.slice(0, valid.length / 2), '\0\0\0', 'null', '[]', valid.replace('"format":1', '"format":0'), valid.replaceAll('"stamp":', '"stump":')]) {
      fs.writeFileSync(file, corrupt);
      const run = loggedCachedRun(JSON_ARGS, root, cache);
      assert.deepEqual({ status: run.status, stdout: run.stdout, stderr: run.stderr }, cold);
      assert.ok(run.loadedParser, 'analysed again');
      assert.deepEqual(loggedCachedRun(JSON_ARGS, root, cache).pythonFilesRead, [], 'and the cache is whole again');
    }
  });

  test('another build of the tool reads none of this build’s results', () => {
    const root = tree({ 'main.py': CODE });
    const cache = path.join(root, '.cache');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-other-build-'));
    cleanups.push(() => fs.rmSync(dist, { recursive: true, force: true }));
    for (const file of ['web-tree-sitter.wasm', 'tree-sitter-python.wasm']) fs.copyFileSync(path.join(repoRoot(), 'dist', file), path.join(dist, file));
    const bundle = fs.readFileSync(path.join(repoRoot(), 'dist', 'cli.js'), 'utf8');
    assert.ok(bundle.includes('without any limit'), 'the bundle holds the message the other build changes');
    fs.writeFileSync(path.join(dist, 'cli.js'), bundle.replaceAll('without any limit', 'with no limit at all'));
    const other = path.join(dist, 'cli.js');
    const original = cachedRun(JSON_ARGS, root, cache);
    assert.deepEqual(original, coldRun(JSON_ARGS, root));
    const otherCold = coldRun(JSON_ARGS, root, other);
    assert.notDeepEqual(otherCold, original, 'the other build says something else');
    assert.deepEqual(cachedRun(JSON_ARGS, root, cache, other), otherCold);
    assert.deepEqual(cachedRun(JSON_ARGS, root, cache), original, 'and each build keeps its own');
  });

  test('two runs at once on one cache both give the cold result, and leave a cache that reads', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 40; index++) files[`pkg/module_${index}.py`] = index % 4 === 0 ? CODE : `"""httpx docs ${index}."""\nVALUE = ${index}\n`;
    const root = tree(files);
    await pastRacyWindow(root);
    const cache = path.join(root, '..', `${path.basename(root)}-cache`);
    cleanups.push(() => fs.rmSync(cache, { recursive: true, force: true }));
    const cold = coldRun(JSON_ARGS, root);
    const both = await Promise.all([spawnedRun(root, cache), spawnedRun(root, cache)]);
    for (const run of both) assert.deepEqual(run, cold);
    const after = loggedCachedRun(JSON_ARGS, root, cache);
    assert.deepEqual({ status: after.status, stdout: after.stdout, stderr: after.stderr }, cold);
    assert.deepEqual(after.pythonFilesRead, []);
  });

  test('--fix and --fix --diff give what they give without a cache, and the next run gets the fixed files from the cache', () => {
    const files = { 'app/fixable.py': CODE, 'app/clean.py': 'import httpx\nclient = httpx.Client(timeout=5)\n', 'app/docs.py': '"""httpx."""\n' };
    const [cached, uncached] = [tree(files), tree(files)];
    const cache = path.join(cached, '.cache');
    assert.deepEqual(cachedRun(JSON_ARGS, cached, cache), coldRun(JSON_ARGS, uncached), 'primed');
    for (const args of [['--fix', '--diff', '.'], ['--fix', ...JSON_ARGS]]) {
      assert.deepEqual(cachedRun(args, cached, cache), coldRun(args, uncached), args.join(' '));
      for (const file of Object.keys(files)) assert.equal(fs.readFileSync(path.join(cached, file), 'utf8'), fs.readFileSync(path.join(uncached, file), 'utf8'), file);
    }
    assert.notEqual(fs.readFileSync(path.join(cached, 'app/fixable.py'), 'utf8'), CODE, 'fixed');
    const afterFix = loggedCachedRun(JSON_ARGS, cached, cache);
    assert.deepEqual({ status: afterFix.status, stdout: afterFix.stdout, stderr: afterFix.stderr }, coldRun(JSON_ARGS, uncached), 'after the fix');
    assert.equal(afterFix.loadedParser, false, 'the fix kept the outcome of the files it rewrote');
  });
});

function withoutForceColor({ FORCE_COLOR: _force, ...rest }: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return rest;
}

function spawnedRun(cwd: string, cache: string): Promise<CliRun> {
  const child = spawn(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), 'check', ...JSON_ARGS, '--cache-dir', cache], { cwd, env: { ...withoutForceColor(process.env), NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
