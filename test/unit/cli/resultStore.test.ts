/**
 * The result cache's file: entries survive a save and a load; an entry unused for 30 days is
 * dropped; what another run wrote meanwhile is kept (its entries merged in, ours winning for the
 * files we checked); the cache folder gets its `.gitignore` and CACHEDIR.TAG; a save never throws.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { cacheFolder, prepareCacheFolder } from '../../../server/src/cli/cache/location';
import { ResultStore, today, type CacheEntry } from '../../../server/src/cli/cache/store';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-store-'));
const entry = (digest: string, seen = today()): CacheEntry => ({ stamp: `1:2:3:${digest}`, digest, seen, result: { kind: 'clean' } });

describe('result cache store', () => {
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  test('entries survive a save and a load; one unused for 30 days is dropped; another tool digest reads nothing', () => {
    const file = path.join(folder, 'v', 'prune.json');
    const store = new ResultStore(file, 'tool-a');
    store.set('/recent.py', entry('recent'));
    store.set('/stale.py', entry('stale', today() - 31));
    store.set('/month.py', entry('month', today() - 30));
    store.save(() => prepareCacheFolder(folder, 'v'));
    const loaded = new ResultStore(file, 'tool-a');
    assert.deepEqual(loaded.get('/recent.py'), entry('recent'));
    assert.equal(loaded.get('/stale.py'), undefined);
    assert.deepEqual(loaded.get('/month.py'), entry('month', today() - 30));
    assert.equal(new ResultStore(file, 'tool-b').get('/recent.py'), undefined);
    assert.equal(fs.readFileSync(path.join(folder, '.gitignore'), 'utf8'), '# Automatically created by pool-guide.\n*\n');
    assert.ok(fs.existsSync(path.join(folder, 'CACHEDIR.TAG')));
  });

  test('a save keeps what another run saved meanwhile, and ours wins for the files we checked', () => {
    const file = path.join(folder, 'v', 'merge.json');
    const first = new ResultStore(file, 'tool');
    first.set('/shared.py', entry('old'));
    first.save(() => prepareCacheFolder(folder, 'v'));
    const ours = new ResultStore(file, 'tool');
    const theirs = new ResultStore(file, 'tool');
    theirs.set('/theirs.py', entry('theirs'));
    theirs.set('/shared.py', entry('theirs-shared'));
    theirs.save(() => prepareCacheFolder(folder, 'v'));
    ours.set('/ours.py', entry('ours'));
    ours.set('/shared.py', entry('ours-shared'));
    ours.save(() => prepareCacheFolder(folder, 'v'));
    const merged = new ResultStore(file, 'tool');
    assert.deepEqual([merged.get('/theirs.py')?.digest, merged.get('/ours.py')?.digest, merged.get('/shared.py')?.digest], ['theirs', 'ours', 'ours-shared']);
  });

  test('a save into a folder that cannot be made does nothing, quietly', () => {
    const blocker = path.join(folder, 'a-file');
    fs.writeFileSync(blocker, '');
    const store = new ResultStore(path.join(blocker, 'v', 'x.json'), 'tool');
    store.set('/a.py', entry('a'));
    assert.doesNotThrow(() => store.save(() => prepareCacheFolder(blocker, 'v')));
  });

  test('the folder: --cache-dir, else POOL_GUIDE_CACHE_DIR, else the nearest pyproject’s cache-dir or folder, else the working directory', () => {
    const project = path.join(folder, 'project');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'pyproject.toml'), '[project]\nname = "x"\n');
    const bare = path.join(folder, 'bare');
    fs.mkdirSync(bare);
    assert.equal(cacheFolder('flag', { POOL_GUIDE_CACHE_DIR: 'env' }, bare), path.join(bare, 'flag'));
    assert.equal(cacheFolder(undefined, { POOL_GUIDE_CACHE_DIR: 'env' }, bare), path.join(bare, 'env'));
    assert.equal(cacheFolder(undefined, {}, bare), path.join(bare, '.pool-guide-cache'));
    assert.equal(cacheFolder(undefined, {}, path.join(project, 'src')), path.join(project, '.pool-guide-cache'));
    fs.writeFileSync(path.join(project, 'pyproject.toml'), '[tool.pool-guide]\ncache-dir = "../common-cache"\n');
    assert.equal(cacheFolder(undefined, {}, path.join(project, 'src')), path.join(folder, 'common-cache'));
  });
});
