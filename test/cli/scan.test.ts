/**
 * A run's files as the CLI reads them (cli/scan.ts): in the order given, each with its text, or
 * unneeded, or skipped with the reason; the digest of each file's bytes only when the run keeps a
 * result cache (a cold run without one hashes nothing).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { contentDigest } from '../../server/src/cli/cache/digest';
import { readFiles } from '../../server/src/cli/scan';
import { tempTree } from '../helpers/cli';

test('files come in order, with digests of their bytes only when asked', () => {
  const tree = tempTree({
    'a.py': 'import httpx\nclient = httpx.Client(timeout=(1, 2))\n',
    'b.py': '"""Talks to the service through requests."""\nVALUE = 1\n',
    'c.py': Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
    'd.py': '\ufeffimport requests\n',
  });
  try {
    const files = ['a.py', 'b.py', 'c.py', 'd.py', 'missing.py'].map((name) => path.join(tree.root, name));
    const plain = [...readFiles(files, false)];
    assert.deepEqual(
      plain.map((source) => ('text' in source ? 'text' : 'unneeded' in source ? 'unneeded' : source.skipped.replace(/ \(.*/, ''))),
      ['text', 'unneeded', 'not valid UTF-8', 'text', 'cannot be read'],
    );
    assert.ok(plain.every((source) => source.digest === undefined), 'no digest unless asked');
    const digested = [...readFiles(files, true)];
    assert.deepEqual(
      digested.map((source) => source.digest),
      [...files.slice(0, 4).map((file) => contentDigest(fs.readFileSync(file))), undefined],
    );
    assert.deepEqual(
      digested.map((source) => Object.fromEntries(Object.entries(source).filter(([key]) => key !== 'digest'))),
      plain,
    );
  } finally {
    tree.cleanup();
  }
});
