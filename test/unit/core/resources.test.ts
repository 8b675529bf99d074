/**
 * Bounded resources: every tree a document parses is deleted (on each reparse and on dispose), a
 * text that names no catalogued module keeps no tree at all, and the LRU map behind the project
 * caches never holds more than its capacity.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParsedDocument, type AnalysisEngine } from '../../../server/src/core/document';
import { LruMap } from '../../../server/src/project/lruMap';
import { testEngine } from '../../helpers/engine';

/** The test engine with a parser that counts the trees it makes and the trees deleted. */
async function countingEngine(): Promise<{ engine: AnalysisEngine; live: () => number; parsed: () => number }> {
  const base = await testEngine();
  let parsed = 0;
  let deleted = 0;
  const parser = {
    ...base.parser,
    parse: (text: string, oldTree?: Parameters<typeof base.parser.parse>[1]) => {
      const tree = base.parser.parse(text, oldTree);
      if (tree) {
        parsed++;
        const remove = tree.delete.bind(tree);
        tree.delete = () => {
          deleted++;
          remove();
        };
      }
      return tree;
    },
  };
  return { engine: { ...base, parser }, live: () => parsed - deleted, parsed: () => parsed };
}

test('each reparse deletes the tree it replaces, and dispose deletes the last one', async () => {
  const { engine, live, parsed } = await countingEngine();
  const document = new ParsedDocument(engine, 'import httpx\nc = httpx.Client(timeout=None)\n');
  for (let index = 0; index < 20; index++) {
    document.applyChanges([{ start: 0, end: 0, newText: '# x\n' }]);
    assert.equal(document.analysis().findings.length, 1);
    assert.equal(live(), 1);
  }
  document.setText('import httpx\n');
  assert.equal(live(), 1);
  document.dispose();
  assert.equal(live(), 0);
  assert.equal(parsed(), 22);
});

test('a text that names no catalogued module keeps no tree until an edit names one', async () => {
  const { engine, live } = await countingEngine();
  const document = new ParsedDocument(engine, 'import os\nprint(os.getcwd())\n');
  assert.equal(live(), 0);
  assert.deepEqual(document.analysis().calls, []);
  document.applyChanges([{ start: 0, end: 0, newText: 'import httpx\nc = httpx.Client(timeout=None)\n' }]);
  assert.equal(live(), 1);
  assert.deepEqual(document.analysis().findings.map((finding) => finding.code), ['PG302']);
  document.setText('import os\n');
  assert.equal(live(), 0);
  document.dispose();
  assert.equal(live(), 0);
});

test('LruMap keeps at most its capacity and forgets the least recently used entry first', () => {
  const map = new LruMap<string, number>(3);
  for (const [key, value] of [['a', 1], ['b', 2], ['c', 3]] as const) map.set(key, value);
  assert.equal(map.get('a'), 1); // a is now the most recently used
  map.set('d', 4);
  assert.equal(map.size, 3);
  assert.equal(map.get('b'), undefined);
  assert.deepEqual([map.get('a'), map.get('c'), map.get('d')], [1, 3, 4]);
  map.clear();
  assert.equal(map.size, 0);
});
