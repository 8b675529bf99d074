/**
 * The CLI reads a large run in a worker thread (cli/scan.ts, cli/scanWorker.ts bundled as
 * dist/cliScan.js) while the main thread analyses: the files must come in the same order with the
 * same contents, digests and reasons as when the main thread reads them, also when the thread runs
 * ahead of a slow reader by more texts than it may hold (it then waits), and a run's findings must
 * not depend on which thread read.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readFiles } from '../../server/src/cli/scan';
import type { ReadFile } from '../../server/src/cli/sourceFile';
import { repoRoot } from '../helpers/repo';
import { runCli, tempTree } from '../helpers/cli';

const WORKER = path.join(repoRoot(), 'dist', 'cliScan.js');

/** A tree of `count` modules: every third one builds a client (a finding), others only mention one, or are not UTF-8, or start with a BOM. */
function treeOf(count: number): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  for (let index = 0; index < count; index++) {
    const name = `pkg/m${String(index).padStart(4, '0')}.py`;
    if (index % 3 === 0) files[name] = `import httpx\n\nclient = httpx.Client(timeout=(1, 2))  # module ${index}\n`;
    else if (index % 17 === 1) files[name] = Buffer.from([0x23, 0x20, 0xe9, 0x0a]);
    else if (index % 19 === 2) files[name] = '\ufeffimport requests\nrequests.get("https://example.com", timeout=5)\n';
    else files[name] = `"""Talks to the service through requests and httpx, see rest.py."""\nVALUE = ${index}\n`;
  }
  return files;
}

async function collect(sources: AsyncIterable<ReadFile>, pause: boolean): Promise<ReadFile[]> {
  const all: ReadFile[] = [];
  for await (const source of sources) {
    all.push(source);
    // A slow reader: the thread runs ahead until it holds as many texts as it may.
    if (pause && 'text' in source) await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return all;
}

test('a worker thread reads what the main thread reads, in the same order, also ahead of a slow reader', async () => {
  assert.ok(fs.existsSync(WORKER), 'npm test builds dist/cliScan.js');
  const tree = tempTree(treeOf(240));
  try {
    fs.mkdirSync(path.join(tree.root, 'pkg', 'folder.py')); // Read as a file: skipped, with the reason.
    const files = [...fs.readdirSync(path.join(tree.root, 'pkg')).sort().map((name) => path.join(tree.root, 'pkg', name)), path.join(tree.root, 'missing.py')];
    const here = await collect(readFiles(files, true, undefined), false);
    const inWorker = await collect(readFiles(files, true, WORKER), true);
    assert.deepEqual(inWorker, here);
    assert.ok(here.every((source) => ('skipped' in source && source.skipped.startsWith('cannot be read')) === (source.digest === undefined)), 'a digest for each file read');
    assert.ok((await collect(readFiles(files, false, WORKER), false)).every((source) => source.digest === undefined), 'no digest unless asked');
    const texts = here.filter((source) => 'text' in source).length;
    assert.ok(texts > 64, `${texts} texts: more than the thread may hold ahead`);
    assert.ok(here.some((source) => 'skipped' in source && source.skipped === 'not valid UTF-8'));
    assert.ok(here.some((source) => 'skipped' in source && source.skipped.startsWith('cannot be read')));
    assert.ok(here.some((source) => 'text' in source && source.bom));
  } finally {
    tree.cleanup();
  }
});

test('a run large enough to read in a worker thread reports what the main thread reading reports', () => {
  // A copy of the bundled CLI without the reading thread's bundle reads on the main thread.
  const bundle = Object.fromEntries(['cli.js', 'web-tree-sitter.wasm', 'tree-sitter-python.wasm'].map((name) => [`bin/${name}`, fs.readFileSync(path.join(repoRoot(), 'dist', name))]));
  const tree = tempTree({ ...treeOf(600), ...bundle });
  try {
    const inWorker = runCli(['check', '--no-cache', '--format', 'concise', 'pkg'], tree.root);
    const here = runCli(['check', '--no-cache', '--format', 'concise', 'pkg'], tree.root, path.join(tree.root, 'bin', 'cli.js'));
    assert.equal(inWorker.status, 1);
    assert.match(inWorker.stdout, /^pkg\/m0000\.py:3:\d+: PG/);
    assert.match(inWorker.stderr, /^pkg\/m0001\.py: skipped: not valid UTF-8$/m);
    assert.deepEqual(inWorker, here);
  } finally {
    tree.cleanup();
  }
});
