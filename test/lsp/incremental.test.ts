/**
 * The BUNDLED server's diagnostics after a sequence of incremental edits are exactly those of the
 * same text opened fresh: the typing-at-the-top reproduction (tree-sitter's incremental reparse of
 * broken text once hid every finding), and a differential test of random edit sequences over every
 * fixture, edits at the top of the file weighted in, a hover after each edit so that the server
 * analyses (and carries its file tables over) the versions in between. `npm test` checks 100
 * sequences with the fixed seed; `POOL_GUIDE_FUZZ_RUNS=10` makes them 1,000, `npm run test:fuzz` 2,500.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LspTestClient, positionAt, rangeOf, REPO_ROOT, summarize } from '../helpers/lspClient';
import { fixtureTexts, relativeEdit, resolveEdit, type RelativeEdit } from '../helpers/pythonArbitraries';
import { assertProperty } from '../helpers/seed';

type Change = { readonly start: number; readonly end: number; readonly newText: string };

/** Sequences checked at once: their debounced diagnostics overlap. */
const SEQUENCES_PER_RUN = 50;
const RUNS = 2;

describe('bundled server: incremental edits analyse like a fresh open', () => {
  let client: LspTestClient;
  let documents = 0;

  before(async () => {
    client = LspTestClient.start();
    await client.initialize();
  });
  after(() => client.dispose());

  /**
   * Opens `start`, applies `changes` one by one (each in offsets of the text before it, a hover at
   * `hoverAt` of the text after it), opens the final text as a new document, and returns both
   * documents' diagnostics and the final text.
   */
  async function editedAndFresh(start: string, changes: readonly Change[], hoverAt: readonly number[] = []) {
    const edited = `file:///incremental/edited${++documents}.py`;
    const fresh = `file:///incremental/fresh${documents}.py`;
    let text = start;
    let version = 1;
    await client.didOpen(edited, text);
    for (const [index, change] of changes.entries()) {
      await client.didChange(edited, ++version, [{ range: rangeOf(text, change.start, change.end), text: change.newText }]);
      text = text.slice(0, change.start) + change.newText + text.slice(change.end);
      const position = positionAt(text, Math.floor((hoverAt[index] ?? 0) * text.length));
      await client.hover(edited, position);
    }
    await client.didOpen(fresh, text);
    const [incremental, opened] = await Promise.all([client.diagnostics(edited, version, 60_000), client.diagnostics(fresh, 1, 60_000)]);
    await Promise.all([client.didClose(edited), client.didClose(fresh)]);
    return { text, incremental: summarize(incremental.diagnostics), fresh: summarize(opened.diagnostics) };
  }

  test('typing at the very top of the aiohttp fixture keeps every finding of a fresh open', async () => {
    const fixture = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'diagnostics', 'aiohttp.py'), 'utf8');
    const changes = [
      { start: 0, end: 2, newText: '(' },
      { start: 0, end: 5, newText: 'c = hx.AsyncClient(' },
      { start: 0, end: 0, newText: '😀' },
    ];
    const { incremental, fresh } = await editedAndFresh(fixture, changes, [0.5, 0.5, 0.5]);
    const codes = fresh.map((diagnostic) => diagnostic.code);
    for (const code of ['PG102', 'PG201', 'PG302', 'PG303']) assert.ok(codes.includes(code), `a fresh open finds ${code}`);
    assert.deepEqual(incremental, fresh);
  });

  test('random edit sequences over every fixture: the same diagnostics as a fresh open', async () => {
    const fixtures = fixtureTexts();
    // Edits anywhere, and edits within the first few characters, where error recovery reaches furthest.
    const nearTheTop = fc.record({ at: fc.double({ min: 0, max: 0.01, noNaN: true }), length: fc.nat({ max: 20 }), text: relativeEdit.map((edit) => edit.text) });
    // The n-th sequence of a run edits fixture n modulo their number: every run edits every fixture.
    const sequence = fc.record({
      steps: fc.array(fc.tuple(fc.oneof(relativeEdit, nearTheTop) as fc.Arbitrary<RelativeEdit>, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 }),
    });
    const covered = new Set<number>();
    await assertProperty(
      fc.asyncProperty(fc.array(sequence, { minLength: SEQUENCES_PER_RUN, maxLength: SEQUENCES_PER_RUN }), async (sequences) => {
        await Promise.all(
          sequences.map(async ({ steps }, index) => {
            const fixture = index % fixtures.length;
            covered.add(fixture);
            let text = fixtures[fixture]!;
            const changes = steps.map(([edit]) => {
              const change = resolveEdit(text, edit);
              text = text.slice(0, change.start) + change.newText + text.slice(change.end);
              return change;
            });
            const result = await editedAndFresh(fixtures[fixture]!, changes, steps.map(([, at]) => at));
            assert.deepEqual(result.incremental, result.fresh, `edits ${JSON.stringify(changes)} of fixture ${fixture} give ${JSON.stringify(result.text)}`);
          }),
        );
      }),
      RUNS,
    );
    assert.equal(covered.size, fixtures.length, 'every fixture is edited');
  });

  test('the test client counts \\r and \\r\\n as line breaks, as the server does', async () => {
    const uri = `file:///incremental/lineBreaks${++documents}.py`;
    const text = 'import httpx\r# note\r\nc = httpx.Client(timeout=None)\n';
    await client.didOpen(uri, text);
    const position = positionAt(text, text.indexOf('Client'));
    assert.deepEqual(position, { line: 2, character: 10 });
    const hover = await client.hover(uri, position);
    assert.match(JSON.stringify(hover?.contents), /Client/);
    await client.didClose(uri);
  });

  test('afterwards: alive, nothing logged as an error', () => {
    assert.ok(client.alive);
    assert.deepEqual(client.logMessages.filter((message) => message.type === 1), []);
  });
});
