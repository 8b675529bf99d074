/**
 * Property-based robustness of the core (fast-check): random edits of the fixture files and of
 * generated Python, applied incrementally, never throw, analyse exactly like a fresh parse of the
 * same text, keep every finding inside the text, and every fix yields text that parses at least as
 * well as before (no more ERROR or MISSING nodes) and, on a text that compiles, text that compiles
 * under /usr/bin/python3.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Analysis } from '../../../server/src/core/analysis/analyze';
import { ParsedDocument } from '../../../server/src/core/document';
import { analyzeText, testEngine } from '../../helpers/engine';
import { fixtureTexts, generatedPython, parseProblems, relativeEdit, resolveEdit } from '../../helpers/pythonArbitraries';
import { runPythonScript } from '../../helpers/python';
import { assertProperty } from '../../helpers/seed';

const RUNS = 60;

/** What must not differ between an incremental and a fresh analysis. */
function summary(analysis: Analysis): string[] {
  return [
    ...analysis.calls.map((call) => `call ${call.qualifiedName} ${call.span.start}-${call.span.end} loop=${call.inLoop}`),
    ...analysis.findings.map((finding) => `${finding.code} ${finding.severity} ${finding.span.start}-${finding.span.end} fixes=${finding.fixes.length}`),
  ];
}

function assertInside(analysis: Analysis): void {
  const inside = (span: { start: number; end: number }) => 0 <= span.start && span.start <= span.end && span.end <= analysis.text.length;
  for (const finding of analysis.findings) {
    assert.ok(inside(finding.span) && inside(finding.callSpan), `${finding.code} span inside the text`);
    for (const fix of finding.fixes) for (const edit of fix.edits) assert.ok(inside(edit.span), `${finding.code} fix edit inside the text`);
  }
}

/** Applies a fix's edits (non-overlapping, in offsets of `text`) from the end. */
function applyEdits(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

const startingText = fc.oneof(fc.constantFrom(...fixtureTexts()), generatedPython);

test('random edits, applied incrementally, analyse like a fresh parse and never throw', async () => {
  const engine = await testEngine();
  await assertProperty(
    fc.asyncProperty(startingText, fc.array(relativeEdit, { minLength: 1, maxLength: 8 }), async (start, edits) => {
      const document = new ParsedDocument(engine, start);
      try {
        for (const edit of edits) {
          document.applyChanges([resolveEdit(document.text, edit)]);
          const incremental = document.analysis();
          assertInside(incremental);
          assert.deepEqual(summary(incremental), summary(await analyzeText(document.text)));
        }
      } finally {
        document.dispose();
      }
    }),
    RUNS,
  );
});

test('every fix of every finding parses at least as well as the text before it', async () => {
  const engine = await testEngine();
  await assertProperty(
    fc.asyncProperty(startingText, fc.array(relativeEdit, { maxLength: 3 }), async (start, edits) => {
      let text = start;
      for (const edit of edits) {
        const { start: from, end, newText } = resolveEdit(text, edit);
        text = text.slice(0, from) + newText + text.slice(end);
      }
      const analysis = await analyzeText(text);
      const before = parseProblems(engine, text);
      for (const finding of analysis.findings) {
        for (const fix of finding.fixes) {
          const after = parseProblems(engine, applyEdits(text, fix.edits));
          assert.ok(after <= before, `${finding.code} "${fix.title}": ${before} → ${after} ERROR/MISSING nodes in ${JSON.stringify(text)}`);
        }
      }
    }),
    RUNS,
  );
});

test('every fix of every finding on the fixtures and generated Python compiles under /usr/bin/python3 when the text before it does', async () => {
  const pairs: { before: string; after: string; what: string }[] = [];
  await assertProperty(
    fc.asyncProperty(startingText, async (text) => {
      for (const finding of (await analyzeText(text)).findings) {
        for (const fix of finding.fixes) pairs.push({ before: text, after: applyEdits(text, fix.edits), what: `${finding.code} "${fix.title}"` });
      }
    }),
    RUNS,
  );
  const compiled = runPythonScript<boolean[]>('compiles.py', pairs.flatMap(({ before, after }) => [before, after]));
  const checked = pairs.filter((_, index) => compiled[2 * index]);
  assert.ok(checked.length > 20, `only ${checked.length} fixes of compiling texts`);
  for (const [index, pair] of pairs.entries()) {
    if (compiled[2 * index]) assert.ok(compiled[2 * index + 1], `${pair.what} does not compile:\n${pair.after}`);
  }
});
