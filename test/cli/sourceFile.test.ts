/**
 * The CLI's reader (cli/sourceFile.ts): one buffer for a whole tree, so a file larger than the
 * buffer, and a small file after a large one, must still read exactly; bytes turned down by the
 * caller are validated but not decoded; a byte-order mark is kept aside.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceReader } from '../../server/src/cli/sourceFile';
import { tempTree } from '../helpers/cli';

const needsAll = () => true;

test('files larger than the buffer, then smaller ones, read exactly', () => {
  const large = `import httpx\n${'x = "é"  # filler\n'.repeat(200_000)}`; // About 4 MB: the buffer grows twice.
  const tree = tempTree({ 'large.py': large, 'small.py': 'import requests\n', 'empty.py': '' });
  try {
    const reader = new SourceReader();
    for (const [file, text] of [['large.py', large], ['small.py', 'import requests\n'], ['empty.py', ''], ['large.py', large], ['small.py', 'import requests\n']]) {
      const source = reader.read(`${tree.root}/${file}`, needsAll);
      assert.ok('text' in source, file);
      assert.equal(source.text, text, file);
    }
  } finally {
    tree.cleanup();
  }
});

test('bytes the caller turns down are validated, not decoded; a BOM is kept aside', () => {
  const tree = tempTree({ 'bom.py': '\ufeffimport httpx\n', 'latin1.py': Buffer.from([0x23, 0x20, 0xe9, 0x0a]), 'plain.py': 'print(1)\n' });
  try {
    const reader = new SourceReader();
    const seen: string[] = [];
    const needsHttpx = (bytes: Buffer) => {
      seen.push(bytes.toString('latin1'));
      return bytes.includes('httpx');
    };
    assert.deepEqual(reader.read(`${tree.root}/plain.py`, needsHttpx), { path: `${tree.root}/plain.py`, unneeded: true });
    assert.deepEqual(reader.read(`${tree.root}/latin1.py`, needsHttpx), { path: `${tree.root}/latin1.py`, skipped: 'not valid UTF-8' });
    assert.deepEqual(reader.read(`${tree.root}/bom.py`, needsHttpx), { path: `${tree.root}/bom.py`, text: 'import httpx\n', bom: true });
    assert.deepEqual(seen, ['print(1)\n', '# \xe9\n', '\xef\xbb\xbfimport httpx\n'], 'the caller saw each file whole');
    assert.match((reader.read(`${tree.root}/missing.py`, needsAll) as { skipped: string }).skipped, /^cannot be read \(ENOENT\)$/);
  } finally {
    tree.cleanup();
  }
});
