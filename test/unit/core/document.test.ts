/**
 * Incremental parsing: a document edited change by change analyses exactly like the same text
 * parsed fresh, including edits before non-ASCII text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParsedDocument } from '../../../server/src/core/document';
import { analyzeText, testEngine } from '../../helpers/engine';

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
