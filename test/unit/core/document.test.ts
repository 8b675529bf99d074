/**
 * Incremental parsing: a document edited change by change analyses exactly like the same text
 * parsed fresh, including edits before non-ASCII text and typing at the top of a module, where
 * tree-sitter's incremental reparse of broken text can differ from a fresh parse.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParsedDocument } from '../../../server/src/core/document';
import { reparse, type SyntaxNode } from '../../../server/src/core/syntax/parser';
import { analyzeText, testEngine } from '../../helpers/engine';
import { REPO_ROOT } from '../../helpers/lspClient';

const summary = (findings: readonly { code: string; span: { start: number; end: number } }[]) => findings.map((f) => `${f.code}@${f.span.start}-${f.span.end}`);

test('edits applied one by one give the same findings as a fresh parse', async () => {
  const engine = await testEngine();
  const target = 'import httpx\n# café ☕ 😀\nc = httpx.Client(timeout=(1, 2))\nd = httpx.Client(timeout=None)\n';
  const document = new ParsedDocument(engine, '');
  for (let index = 0; index < target.length; index++) {
    document.applyChanges([{ start: index, end: index, newText: target[index] }]);
    document.analysis();
  }
  assert.equal(document.text, target);
  assert.deepEqual(summary(document.analysis().findings), summary((await analyzeText(target)).findings));
  document.applyChanges([{ start: target.indexOf('(1, 2)'), end: target.indexOf('(1, 2)') + 6, newText: '10.0' }]);
  const edited = target.replace('(1, 2)', '10.0');
  assert.deepEqual(summary(document.analysis().findings), summary((await analyzeText(edited)).findings));
  document.dispose();
});

test('several changes in one batch are applied in order', async () => {
  const engine = await testEngine();
  const document = new ParsedDocument(engine, 'import httpx\nc = httpx.Client()\n');
  document.applyChanges([
    { start: 30, end: 30, newText: 'timeout=None' },
    { start: 0, end: 0, newText: '# header\n' },
  ]);
  assert.equal(document.text, '# header\nimport httpx\nc = httpx.Client(timeout=None)\n');
  assert.deepEqual(document.analysis().findings.map((finding) => finding.code), ['PG302']);
  document.dispose();
});

test('a lazy analysis serves its version only: after a change it throws instead of reading the deleted tree', async () => {
  const engine = await testEngine();
  const text = 'import httpx\nc = httpx.Client()\n';
  const document = new ParsedDocument(engine, text);
  const lazy = document.lazyAnalysis();
  assert.equal(lazy.callsAround(text.indexOf('Client')).length, 1);
  document.applyChanges([{ start: 0, end: 0, newText: '# header\n' }]);
  assert.throws(() => lazy.callsAround(0), /changed since this analysis started/);
  assert.throws(() => lazy.complete(), /changed since this analysis started/);
  const completed = document.lazyAnalysis();
  const analysis = completed.complete();
  document.dispose();
  assert.equal(completed.complete(), analysis, 'a completed analysis stays usable');
  assert.equal(analysis.calls.length, 1);
});

/** Typing at the very top of the aiohttp fixture: the whole file becomes one broken expression, then not. */
const TYPED_AT_THE_TOP = [
  { start: 0, end: 2, newText: '(' },
  { start: 0, end: 5, newText: 'c = hx.AsyncClient(' },
  { start: 0, end: 0, newText: '😀' },
];

function aiohttpFixture(): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'diagnostics', 'aiohttp.py'), 'utf8');
}

test('typing at the very top of a module keeps the findings a fresh parse has (analysed after each keystroke)', async () => {
  const engine = await testEngine();
  const document = new ParsedDocument(engine, aiohttpFixture());
  try {
    document.analysis();
    for (const change of TYPED_AT_THE_TOP) {
      document.applyChanges([change]);
      assert.deepEqual(summary(document.analysis().findings), summary((await analyzeText(document.text)).findings), JSON.stringify(change));
    }
    const codes = document.analysis().findings.map((finding) => finding.code);
    for (const code of ['PG102', 'PG201', 'PG302', 'PG303']) assert.ok(codes.includes(code), code);
  } finally {
    document.dispose();
  }
});

test('an incremental tree that reuses an error subtree is replaced by a fresh parse; others are kept, broken or not', async () => {
  const { parser } = await testEngine();
  let text = aiohttpFixture();
  let tree = parser.parse(text)!;
  const kept: boolean[] = [];
  for (const change of TYPED_AT_THE_TOP) {
    parser.editTree(tree, text, change);
    text = text.slice(0, change.start) + change.newText + text.slice(change.end);
    const { tree: next, incremental } = reparse(parser, text, tree);
    const fresh = parser.parse(text)!;
    assert.equal(next!.rootNode.hasError, true, 'the text has errors');
    assert.equal(next!.rootNode.toString(), fresh.rootNode.toString(), JSON.stringify(change));
    kept.push(incremental);
    fresh.delete();
    tree.delete();
    tree = next!;
  }
  // The emoji's incremental parse reuses the broken expression recovered before it: that one is parsed afresh.
  assert.deepEqual(kept, [true, true, false]);
  const fixed = { start: 0, end: text.indexOf('\n'), newText: '# typed' };
  parser.editTree(tree, text, fixed);
  const { tree: next, incremental } = reparse(parser, text.slice(fixed.end).replace(/^/, '# typed'), tree);
  assert.equal(incremental, true, 'an error-free reparse stays incremental');
  assert.equal(next!.rootNode.hasError, false);
  tree.delete();
  next!.delete();
});

test('typing inside a call left open in the middle of a module stays incremental and equals a fresh parse', async () => {
  const { parser } = await testEngine();
  const lines = aiohttpFixture().split('\n');
  const middle = lines.slice(0, lines.length >> 1).join('\n').length + 1;
  const open = 'broken = aiohttp.ClientSession(';
  let text = aiohttpFixture();
  let tree = parser.parse(text)!;
  const typed = [{ start: middle, end: middle, newText: `${open}\n` }, ...[...'timeout=5'].map((character, index) => ({ start: middle + open.length + index, end: middle + open.length + index, newText: character }))];
  for (const [index, change] of typed.entries()) {
    parser.editTree(tree, text, change);
    text = text.slice(0, change.start) + change.newText + text.slice(change.end);
    const { tree: next, incremental } = reparse(parser, text, tree);
    const fresh = parser.parse(text)!;
    assert.equal(next!.rootNode.hasError, true);
    assert.equal(next!.rootNode.toString(), fresh.rootNode.toString(), `after ${index + 1} keystrokes`);
    assert.equal(incremental, true, `keystroke ${index + 1} reparsed afresh`);
    fresh.delete();
    tree.delete();
    tree = next!;
  }
  tree.delete();
});

test('the error node ids of a tree name its ERROR and its MISSING nodes', async () => {
  const { parser } = await testEngine();
  const tree = parser.parse('def f(:\n    pass\nx = [1, 2\n')!;
  const ids = parser.errorNodeIds(tree);
  const expected: number[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.isError || node.isMissing) expected.push(node.id);
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  assert.ok(expected.length >= 2, 'the text has both kinds');
  assert.deepEqual([...ids].sort(), expected.sort());
  const clean = parser.parse('x = 1\n')!;
  assert.equal(parser.errorNodeIds(clean).size, 0);
  tree.delete();
  clean.delete();
});

test('under error recovery the changed ranges can miss a difference, so a broken tree collects its file tables anew', async () => {
  const { parser } = await testEngine();
  let text = aiohttpFixture();
  let tree = parser.parse(text)!;
  const errorSpans = (root: SyntaxNode) => {
    const spans: { start: number; end: number }[] = [];
    const visit = (node: SyntaxNode) => {
      if (node.isError || node.isMissing) spans.push({ start: node.startIndex, end: node.endIndex });
      for (const child of node.children) if (child) visit(child);
    };
    visit(root);
    return spans;
  };
  const typed = [{ start: 0, end: 0, newText: 'class S(httpx.Client):\n    def __init__(self):\n        self.c = httpx.Client(verify=False)\n' }, { start: 0, end: 5, newText: '"' }, { start: 0, end: 0, newText: '\\' }];
  let missed = false;
  for (const change of typed) {
    parser.editTree(tree, text, change);
    text = text.slice(0, change.start) + change.newText + text.slice(change.end);
    const next = parser.parse(text, tree)!;
    const changed = parser.changedRanges(tree, next);
    const before = errorSpans(tree.rootNode);
    const inside = (span: { start: number; end: number }, ranges: readonly { start: number; end: number }[]) => ranges.some((range) => range.start <= span.end && span.start <= range.end);
    missed ||= errorSpans(next.rootNode).some((span) => !inside(span, changed) && !inside(span, before));
    tree.delete();
    tree = next;
  }
  tree.delete();
  assert.ok(missed, 'an error node appeared outside every changed range, where the old tree had none');
});
