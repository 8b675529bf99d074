/**
 * Edits that keep every token are applied without a parse (syntax/tokenEdit.ts): the tree edited in
 * place must be, node for node and text for text, the tree a parse of the new text gives, and a
 * document edited that way must analyse like a fresh one. Random edits inside and around the
 * tokens of the fixtures and of generated Python, with characters that keep and that break tokens.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Analysis } from '../../../server/src/core/analysis/analyze';
import { ParsedDocument } from '../../../server/src/core/document';
import type { SyntaxNode, SyntaxTree, TextChange } from '../../../server/src/core/syntax/parser';
import { analyzeText, testEngine } from '../../helpers/engine';
import { fixtureTexts, generatedPython } from '../../helpers/pythonArbitraries';
import { assertProperty } from '../../helpers/seed';

/** Every node of a tree: type, span, and a leaf's text (read through the tree, as the analysis does). */
function nodesOf(tree: SyntaxTree): string[] {
  const lines: string[] = [];
  const visit = (node: SyntaxNode, depth: number) => {
    lines.push(`${depth} ${node.type} ${node.startIndex}-${node.endIndex}${node.childCount === 0 ? ` ${JSON.stringify(node.text)}` : ''}`);
    for (const child of node.children) if (child) visit(child, depth + 1);
  };
  visit(tree.rootNode, 0);
  return lines;
}

const TOKEN_TYPES = new Set(['comment', 'identifier', 'integer', 'float', 'string_content']);

/** The spans of the tokens an in-place edit may keep, in a text's tree. */
function tokenSpans(tree: SyntaxTree): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const visit = (node: SyntaxNode) => {
    if (TOKEN_TYPES.has(node.type)) spans.push({ start: node.startIndex, end: node.endIndex });
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return spans;
}

/** Typed or deleted characters: ones that keep each kind of token, and ones that end or change it. */
const typed = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z0-9_]{0,3}$/), weight: 3 },
  { arbitrary: fc.constantFrom('.', ' ', '"', "'", '\\', '{', '}', '\n', '#', 'if', 'match', '😀', 'é', '\t', '\r', 'e'), weight: 2 },
);

/** An edit at or near a token: which token, where from its start (up to just past its end), how much it removes, what it types. */
const tokenEdit = fc.record({ token: fc.nat({ max: 1_000_000 }), at: fc.integer({ min: -1, max: 40 }), length: fc.nat({ max: 3 }), text: typed });

function resolveTokenEdit(spans: readonly { start: number; end: number }[], textLength: number, edit: { token: number; at: number; length: number; text: string }): TextChange | undefined {
  if (spans.length === 0) return undefined;
  const span = spans[edit.token % spans.length];
  const start = Math.max(0, Math.min(textLength, span.start + Math.min(edit.at, span.end - span.start + 1)));
  return { start, end: Math.min(textLength, start + edit.length), newText: edit.text };
}

const startingText = fc.oneof({ arbitrary: fc.constantFrom(...fixtureTexts()), weight: 3 }, { arbitrary: generatedPython, weight: 1 });

test('a tree edited without a parse is the tree a parse of the new text gives; refusing an edit leaves the tree alone', async () => {
  const { parser } = await testEngine();
  let kept = 0;
  await assertProperty(
    fc.property(startingText, tokenEdit, (text, edit) => {
      const tree = parser.parse(text)!;
      try {
        const change = resolveTokenEdit(tokenSpans(tree), text.length, edit);
        if (!change) return;
        const before = nodesOf(tree);
        const newText = text.slice(0, change.start) + change.newText + text.slice(change.end);
        if (!parser.keepsTokens(tree, text, change)) {
          assert.deepEqual(nodesOf(tree), before, 'a refused edit changes nothing');
          return;
        }
        parser.editWithoutParse(tree, text, change, newText);
        kept++;
        const fresh = parser.parse(newText)!;
        assert.deepEqual(nodesOf(tree), nodesOf(fresh), JSON.stringify(change));
        fresh.delete();
      } finally {
        tree.delete();
      }
    }),
    600,
  );
  assert.ok(kept > 60, `enough edits were kept in place to mean something (${kept})`);
});

/** What must not differ between an analysis of edited text and a fresh one. */
function summary(analysis: Analysis): string[] {
  return [
    ...analysis.calls.map((call) => `call ${call.qualifiedName} ${call.span.start}-${call.span.end} ${JSON.stringify(call.args.map((arg) => [arg.name, arg.expr.text, arg.expr.value, arg.expr.origin]))}`),
    ...analysis.findings.map((finding) => `${finding.code} ${finding.severity} ${finding.span.start}-${finding.span.end} ${finding.message}`),
  ];
}

test('a document typed into token by token analyses like a fresh parse after every keystroke', async () => {
  const engine = await testEngine();
  await assertProperty(
    fc.asyncProperty(startingText, fc.array(tokenEdit, { minLength: 1, maxLength: 6 }), async (text, edits) => {
      const document = new ParsedDocument(engine, text);
      try {
        for (const edit of edits) {
          const tree = engine.parser.parse(document.text)!;
          const change = resolveTokenEdit(tokenSpans(tree), document.text.length, edit);
          tree.delete();
          if (!change) return;
          document.lazyAnalysis().callsAround(change.start); // A hover before the keystroke, as in an editor.
          document.applyChanges([change]);
          assert.deepEqual(summary(document.analysis()), summary(await analyzeText(document.text)), JSON.stringify(change));
        }
      } finally {
        document.dispose();
      }
    }),
    50,
  );
});

test('a comment, a name, a number or a string typed into keeps the tree; a keyword, a quote or a line break does not', async () => {
  const { parser } = await testEngine();
  const text = 'import httpx\ni = 1\n# a note\nclient = httpx.Client(timeout=5.0, limits=httpx.Limits(max_connections=10), base_url="https://example.com")\n';
  const at = (needle: string, offset: number, newText: string, length = 0): TextChange => ({ start: text.indexOf(needle) + offset, end: text.indexOf(needle) + offset + length, newText });
  const keeps = (change: TextChange) => {
    const tree = parser.parse(text)!;
    const kept = parser.keepsTokens(tree, text, change);
    tree.delete();
    return kept;
  };
  for (const change of [at('a note', 6, 's'), at('client', 6, '_2'), at('5.0', 2, '5'), at('10)', 1, '0'), at('example', 7, 'x'), at('example', 0, '', 3)]) {
    assert.equal(keeps(change), true, JSON.stringify(change));
  }
  const refused = [at('a note', 6, '\n'), at('client', 6, '"'), at('client', 0, 'x'), at('i = 1', 1, 'f'), at('5.0', 3, 'j'), at('example', 7, '"'), at('example', 7, '\\'), at('https', 0, 'x')];
  for (const change of refused) assert.equal(keeps(change), false, JSON.stringify(change));
  const broken = parser.parse('c = httpx.Client(\n# a note\n')!;
  assert.equal(parser.keepsTokens(broken, 'c = httpx.Client(\n# a note\n', { start: 22, end: 22, newText: 'x' }), false, 'a module with errors is parsed');
  broken.delete();
});

test('a lazy analysis of the version before a change made without a parse throws instead of reading the edited tree', async () => {
  const engine = await testEngine();
  const text = 'import httpx\n# a note\nc = httpx.Client()\n';
  const document = new ParsedDocument(engine, text);
  const lazy = document.lazyAnalysis();
  document.applyChanges([{ start: text.indexOf('note'), end: text.indexOf('note'), newText: 'long ' }]);
  assert.throws(() => lazy.callsAround(text.indexOf('Client')), /changed since this analysis started/);
  assert.equal(document.lazyAnalysis().callsAround(document.text.indexOf('Client')).length, 1);
  document.dispose();
});

test('renaming the only catalogued import in place leaves nothing to find, as a fresh parse (which the prefilter skips) does', async () => {
  const engine = await testEngine();
  const text = 'import httpx\nc = httpx.Client(timeout=None)\n';
  const document = new ParsedDocument(engine, text);
  assert.ok(document.analysis().findings.length > 0, 'the client is flagged before');
  const end = text.indexOf('\n');
  const tree = engine.parser.parse(text)!;
  assert.equal(engine.parser.keepsTokens(tree, text, { start: end, end, newText: 'y' }), true, 'the rename keeps every token');
  tree.delete();
  document.applyChanges([{ start: end, end, newText: 'y' }]);
  assert.deepEqual(summary(document.analysis()), []);
  assert.deepEqual(summary(await analyzeText(document.text)), []);
  document.dispose();
});

test('an edit that changes an import asks the prefilter again: a text left with no catalogued import keeps no tree', async () => {
  const engine = await testEngine();
  const text = 'import httpx\nc = httpx.Client(timeout=None)\n';
  const document = new ParsedDocument(engine, text);
  assert.ok(document.analysis().calls.length > 0);
  document.applyChanges([{ start: text.indexOf('httpx'), end: text.indexOf('\n'), newText: 'os' }]);
  const analysis = document.analysis();
  assert.deepEqual(summary(analysis), []);
  assert.equal(analysis.imports.names.size, 0, 'no tree was kept to read imports from');
  document.dispose();
});
