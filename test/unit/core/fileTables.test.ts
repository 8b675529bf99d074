/**
 * File tables (import names, local subclasses) carried over an edit are the tables of the new tree:
 * random edits of the fixtures and of generated Python, and the plain cases either way.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { carryFileTables, collectFileTables, collectFileTablesOfTree, type FileTables } from '../../../server/src/core/analysis/fileTables';
import { createOutline } from '../../../server/src/core/analysis/outline';
import { reparse, type TextChange } from '../../../server/src/core/syntax/parser';
import { testEngine } from '../../helpers/engine';
import { fixtureTexts, generatedPython, relativeEdit, resolveEdit } from '../../helpers/pythonArbitraries';
import { assertProperty } from '../../helpers/seed';

/**
 * The tables of `text` carried over `change` (undefined when not carried), and the tables of the
 * edited text parsed afresh: from its outline, and from its nodes found by type.
 */
async function carriedAndFresh(text: string, change: TextChange): Promise<{ carried: FileTables | undefined; fresh: FileTables; byType: FileTables }> {
  const { parser, runOutline, catalog } = await testEngine();
  const edited = text.slice(0, change.start) + change.newText + text.slice(change.end);
  const old = parser.parse(text)!;
  const before = collectFileTables(createOutline(old.rootNode, runOutline).all(), catalog);
  parser.editTree(old, text, change);
  // As the document does: tables are carried over an incremental reparse only.
  const { tree: next, incremental } = reparse(parser, edited, old);
  const carried = incremental ? carryFileTables(before, change, parser.changedRanges(old, next!), createOutline(next!.rootNode, runOutline).around) : undefined;
  old.delete();
  next!.delete();
  const fresh = parser.parse(edited)!;
  const tables = collectFileTables(createOutline(fresh.rootNode, runOutline).all(), catalog);
  const byType = collectFileTablesOfTree(fresh.rootNode, catalog);
  fresh.delete();
  return { carried, fresh: tables, byType };
}

const at = (text: string, needle: string, newText: string, length = 0): TextChange => ({ start: text.indexOf(needle), end: text.indexOf(needle) + length, newText });

test('an edit away from imports and classes carries the tables; one in an import or class does not', async () => {
  const text = 'import httpx as hx\nclass A(hx.Client):\n    pass\n# a comment\nc = hx.Client(timeout=1)\n';
  for (const change of [at(text, 'a comment', 'x'), at(text, 'timeout', 'pool', 7), at(text, 'c = ', '\n\n')]) {
    const { carried, fresh } = await carriedAndFresh(text, change);
    assert.deepEqual(carried, fresh, JSON.stringify(change));
  }
  for (const change of [at(text, ' as hx', ''), at(text, 'pass', 'def __init__(self): pass', 4), at(text, '# a comment', 'import requests')]) {
    assert.equal((await carriedAndFresh(text, change)).carried, undefined, JSON.stringify(change));
  }
});

test('opening a string that swallows an import below is seen through the changed ranges', async () => {
  const text = 'import httpx\nx = 1\nimport requests\n# """\n';
  const { carried, fresh } = await carriedAndFresh(text, at(text, '1', '"""', 1));
  assert.equal(carried, undefined);
  assert.ok(!fresh.imports.names.has('requests'));
});

test('random edits: carried tables, and tables collected by node type, are the tables of the edited text', async () => {
  let carriedCount = 0;
  await assertProperty(
    fc.asyncProperty(fc.oneof(fc.constantFrom(...fixtureTexts()), generatedPython), relativeEdit, async (text, edit) => {
      const { carried, fresh, byType } = await carriedAndFresh(text, resolveEdit(text, edit));
      assert.deepEqual(byType, fresh);
      if (carried === undefined) return;
      carriedCount++;
      assert.deepEqual(carried, fresh);
    }),
    300,
  );
  assert.ok(carriedCount > 0, 'some edits carry the tables');
});

test('random edit sequences: tables carried from carried tables, as the document carries them, stay the tables of the text', async () => {
  const { parser, runOutline, catalog } = await testEngine();
  let carriedAgain = 0;
  await assertProperty(
    fc.asyncProperty(fc.oneof(fc.constantFrom(...fixtureTexts()), generatedPython), fc.array(relativeEdit, { minLength: 1, maxLength: 5 }), async (start, edits) => {
      let text = start;
      let tree = parser.parse(text)!;
      let tables: FileTables = collectFileTables(createOutline(tree.rootNode, runOutline).all(), catalog);
      let wasCarried = false;
      try {
        for (const edit of edits) {
          const change = resolveEdit(text, edit);
          const edited = text.slice(0, change.start) + change.newText + text.slice(change.end);
          parser.editTree(tree, text, change);
          const { tree: next, incremental } = reparse(parser, edited, tree);
          const outline = createOutline(next!.rootNode, runOutline);
          const carried = incremental && !next!.rootNode.hasError ? carryFileTables(tables, change, parser.changedRanges(tree, next!), outline.around) : undefined;
          if (carried) {
            const fresh = parser.parse(edited)!;
            assert.deepEqual(carried, collectFileTables(createOutline(fresh.rootNode, runOutline).all(), catalog), JSON.stringify(change));
            fresh.delete();
            if (wasCarried) carriedAgain++;
          }
          wasCarried = carried !== undefined;
          tables = carried ?? collectFileTables(outline.all(), catalog);
          tree.delete();
          tree = next!;
          text = edited;
        }
      } finally {
        tree.delete();
      }
    }),
    100,
  );
  assert.ok(carriedAgain > 0, 'some tables were carried from carried tables');
});
