/**
 * The BUNDLED server under random edits and protocol misuse: fast-check drives didChange with
 * random edits of the fixture files and generated Python, each followed by requests at random
 * positions (past the end too) that must be answered (within the client's usual deadline, which
 * tells a hang from an answer; how fast is measured by `npm run bench`), and diagnostics that must
 * stay inside the document; `$/cancelRequest` is honoured on a request with long work ahead; a
 * `shutdown` that arrives while the server is busy still ends in a clean exit.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver/node';
import { LspTestClient, positionAt, rangeOf } from '../helpers/lspClient';
import { fixtureTexts, generatedPython, relativeEdit, resolveEdit } from '../helpers/pythonArbitraries';
import { assertProperty } from '../helpers/seed';

function assertInside(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const { range, code } of diagnostics) {
    for (const position of [range.start, range.end]) {
      assert.ok(position.line < lines.length && position.character <= lines[position.line]!.length, `${String(code)} ${JSON.stringify(range)} inside the document`);
    }
  }
}

/** A module with `count` client constructions, each flagged (timeout=None). */
function manyClients(count: number): string {
  return 'import httpx\n' + Array.from({ length: count }, (_, index) => `c${index} = httpx.Client(timeout=None, limits=httpx.Limits(max_connections=${index + 1}))\n`).join('');
}

describe('bundled server: random edits and protocol misuse', () => {
  let client: LspTestClient;

  before(async () => {
    client = LspTestClient.start();
    await client.initialize();
  });
  after(() => client.dispose());

  test('random edits: every request answered, diagnostics inside the document', async () => {
    let documents = 0;
    await assertProperty(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...fixtureTexts()), generatedPython),
        fc.array(fc.tuple(relativeEdit, fc.double({ min: 0, max: 1.2, noNaN: true })), { minLength: 1, maxLength: 6 }),
        async (start, steps) => {
          const uri = `file:///property/doc${++documents}.py`;
          let text = start;
          let version = 1;
          await client.didOpen(uri, text);
          for (const [edit, where] of steps) {
            const { start: from, end, newText } = resolveEdit(text, edit);
            await client.didChange(uri, ++version, [{ range: rangeOf(text, from, end), text: newText }]);
            text = text.slice(0, from) + newText + text.slice(end);
            const position = positionAt(text, Math.floor(where * text.length));
            await client.request('textDocument/hover', { textDocument: { uri }, position });
            await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
          }
          assertInside(text, (await client.diagnostics(uri, version)).diagnostics);
          await client.didClose(uri);
        },
      ),
      40,
    );
  });

  test('$/cancelRequest on a hover with the analysis of a large change ahead answers RequestCancelled', async () => {
    const uri = 'file:///misuse/cancel.py';
    // Large enough that the change keeps the server busy, small enough to parse well within the parse time limit on a loaded machine.
    const text = manyClients(5_000);
    await client.didOpen(uri, text);
    await client.diagnostics(uri, 1, 60_000);
    // A whole-text change keeps the server parsing while the hover and its cancellation arrive.
    const changed = `# changed\n${text}`;
    await client.didChange(uri, 2, [{ text: changed }]);
    const source = new CancellationTokenSource();
    const position = positionAt(changed, changed.lastIndexOf('Client('));
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }, source.token);
    source.cancel();
    await assert.rejects(hover, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    // The next hover does the work and answers.
    assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position }, 30_000));
    await client.didClose(uri);
  });

  test('afterwards: alive, nothing logged as an error', () => {
    assert.ok(client.alive);
    assert.deepEqual(client.logMessages.filter((message) => message.type === 1), []);
  });
});

test('a shutdown that arrives while the server is busy: answered, then a clean exit', async () => {
  const busy = LspTestClient.start();
  try {
    await busy.initialize();
    const uri = 'file:///misuse/busy.py';
    const text = manyClients(10_000);
    await busy.didOpen(uri, text);
    const fixAll = busy.codeAction(uri, { start: { line: 0, character: 0 }, end: positionAt(text, text.length) }, { diagnostics: [], only: ['source.fixAll.poolGuide'] });
    const { code, stderr } = await busy.shutdownAndExit(60_000);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    await fixAll.catch(() => undefined); // Answered before the exit, or dropped with the connection: either is fine.
  } finally {
    busy.dispose();
  }
});
