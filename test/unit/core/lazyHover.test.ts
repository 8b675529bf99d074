/**
 * A hover binds only the calls around the cursor, with the file tables carried over edits; its card
 * must be exactly the card of the whole analysis, and the whole analysis completed after it exactly
 * the analysis of a fresh parse: on every callee and keyword of the fixtures, when calls bind each
 * other through names in a cycle, and right after random edits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Analysis } from '../../../server/src/core/analysis/analyze';
import { ParsedDocument } from '../../../server/src/core/document';
import { hoverAt } from '../../../server/src/core/hover/hover';
import type { OffsetRange, SyntaxNode } from '../../../server/src/core/syntax/parser';
import { analyzeText, testEngine } from '../../helpers/engine';
import { row } from '../../helpers/hover';
import { fixtureTexts, generatedPython, relativeEdit, resolveEdit } from '../../helpers/pythonArbitraries';
import { assertProperty } from '../../helpers/seed';

/** Where a hover may show a card: the ends of every callee, keyword and call of the whole analysis. */
async function hoverOffsets(text: string): Promise<number[]> {
  const { calls } = await analyzeText(text);
  return calls.flatMap((call) => [call.calleeSpan.start, call.calleeSpan.end, call.span.end, ...call.args.flatMap((arg) => (arg.keywordSpan ? [arg.keywordSpan.start] : []))]);
}

/** What must not differ between two analyses: every call as bound, every finding. */
function summary(analysis: Analysis): string[] {
  const value = (expr: { text: string; value: { kind: string } }) => `${expr.text}:${expr.value.kind}`;
  return [
    ...analysis.calls.map((call) => `call ${call.qualifiedName} ${call.span.start}-${call.span.end} loop=${call.inLoop} ${call.args.map((arg) => `${arg.name}=${value(arg.expr)}`).join(',')}`),
    ...analysis.findings.map((finding) => `${finding.code} ${finding.severity} ${finding.span.start}-${finding.span.end} fixes=${finding.fixes.length}`),
  ];
}

/** The hover at `offset` of a document opened afresh, binding only what the hover asks for; then the whole analysis of that document. */
async function lazyHover(text: string, offset: number) {
  const engine = await testEngine();
  const document = new ParsedDocument(engine, text);
  try {
    const hover = hoverAt(document.lazyAnalysis(), offset, engine.catalog);
    return { hover, completed: summary(document.analysis()) };
  } finally {
    document.dispose();
  }
}

test('on every callee and keyword of the fixtures, the lazy hover is the hover of the whole analysis', async () => {
  const engine = await testEngine();
  for (const text of fixtureTexts()) {
    const whole = await analyzeText(text);
    for (const offset of await hoverOffsets(text)) {
      const { hover, completed } = await lazyHover(text, offset);
      assert.deepEqual(hover, hoverAt(whole, offset, engine.catalog), `offset ${offset} of:\n${text}`);
      assert.deepEqual(completed, summary(whole), `after offset ${offset} of:\n${text}`);
    }
  }
});

test('calls that name each other in a cycle bind as in document order, whichever is hovered first', async () => {
  const engine = await testEngine();
  const text = 'import httpx\nt = httpx.HTTPTransport(limits=c)\nc = httpx.Client(transport=t)\n';
  const whole = await analyzeText(text);
  for (const needle of ['HTTPTransport', 'Client', 'limits', 'transport=']) {
    const offset = text.indexOf(needle) + 1;
    assert.ok(hoverAt(whole, offset, engine.catalog), needle);
    const { hover, completed } = await lazyHover(text, offset);
    assert.deepEqual(hover, hoverAt(whole, offset, engine.catalog), needle);
    assert.deepEqual(completed, summary(whole), needle);
  }
});

test('after an edit away from imports and classes, a hover reads only the tree around the cursor', async () => {
  const engine = await testEngine();
  let wholeTreeRuns = 0;
  const counting = { ...engine, runOutline: (root: SyntaxNode, range?: OffsetRange) => ((wholeTreeRuns += range ? 0 : 1), engine.runOutline(root, range)) };
  const text = 'import httpx\nfor u in urls:\n    # note\n    c = httpx.Client(limits=httpx.Limits(max_connections=1))\n';
  const document = new ParsedDocument(counting, text);
  document.analysis(); // The diagnostics after opening.
  wholeTreeRuns = 0;
  document.applyChanges([{ start: text.indexOf('note'), end: text.indexOf('note'), newText: 'x' }]);
  const hover = hoverAt(document.lazyAnalysis(), document.text.indexOf('Client') + 1, engine.catalog);
  document.dispose();
  assert.match(row(hover?.markdown, 'max_connections'), /\| 1 \| explicit/);
  assert.equal(wholeTreeRuns, 0);
});

test('a hover right after each random edit is the hover on a fresh parse of the text', async () => {
  const engine = await testEngine();
  await assertProperty(
    fc.asyncProperty(fc.oneof(fc.constantFrom(...fixtureTexts()), generatedPython), fc.array(fc.tuple(relativeEdit, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }), async (start, steps) => {
      const document = new ParsedDocument(engine, start);
      try {
        document.analysis(); // Tables to carry, as after the diagnostics of an open document.
        for (const [edit, at] of steps) {
          document.applyChanges([resolveEdit(document.text, edit)]);
          const text = document.text;
          const offsets = await hoverOffsets(text);
          const offset = offsets.length > 0 ? offsets[Math.floor(at * offsets.length)] : Math.floor(at * text.length);
          const fresh = await analyzeText(text);
          assert.deepEqual(hoverAt(document.lazyAnalysis(), offset, engine.catalog), hoverAt(fresh, offset, engine.catalog), `offset ${offset} of ${JSON.stringify(text)}`);
          assert.deepEqual(summary(document.analysis()), summary(fresh), `after offset ${offset} of ${JSON.stringify(text)}`);
        }
      } finally {
        document.dispose();
      }
    }),
    60,
  );
});
