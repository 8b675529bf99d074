/**
 * Extreme inputs against the BUNDLED server: an empty file, only NUL bytes, a 2 MB single line,
 * 5,000 nested brackets, 20,000 client calls, CRLF line endings, a byte-order mark, tabs, columns
 * after non-BMP characters, and a file deleted from disk while open. Each opens, gets diagnostics
 * that stay inside the document, and answers hover, code action and inlay hint requests after its
 * diagnostics; nothing is logged as an error. Answers are awaited with the client's usual deadline,
 * which only tells a hang from an answer: how fast they come is measured by `npm run bench`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, Position } from 'vscode-languageserver/node';
import { LspTestClient, positionAt, rangeOf, rangeOfText } from '../helpers/lspClient';

const OPEN_DEADLINE_MS = 60_000;

/** Diagnostics must point at real places: lines that exist, columns within them, start ≤ end. */
function assertInside(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  const valid = (position: Position) => position.line < lines.length && position.character <= lines[position.line]!.length;
  for (const { range, code } of diagnostics) {
    assert.ok(valid(range.start) && valid(range.end), `${String(code)} at ${JSON.stringify(range)} is inside the document`);
    assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${String(code)} range is ordered`);
  }
}

describe('bundled server: extreme inputs', () => {
  let client: LspTestClient;
  let uris = 0;

  before(async () => {
    client = LspTestClient.start();
    await client.initialize();
  });
  after(() => client.dispose());

  /** Opens `text`, checks its diagnostics, and that requests at `positions` answer in time. */
  async function openAndProbe(text: string, positions: readonly Position[], uri = `file:///extreme/case${++uris}.py`): Promise<Diagnostic[]> {
    await client.didOpen(uri, text);
    const { diagnostics } = await client.diagnostics(uri, 1, OPEN_DEADLINE_MS);
    assertInside(text, diagnostics);
    const end = positionAt(text, text.length);
    for (const position of [...positions, { line: 0, character: 0 }, end, { line: end.line + 5, character: 3 }]) {
      await client.request('textDocument/hover', { textDocument: { uri }, position });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
    }
    await client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end } });
    await client.didClose(uri);
    return diagnostics;
  }

  test('an empty file and a file of NUL bytes', async () => {
    assert.deepEqual(await openAndProbe('', []), []);
    assert.deepEqual(await openAndProbe('\0'.repeat(10_000), [{ line: 0, character: 5_000 }]), []);
  });

  test('a 2 MB single line', async () => {
    const line = `import httpx; c = httpx.Client(timeout=None); s = "${'a, b = (c); '.repeat(180_000)}"; d = httpx.Client(timeout=None)`;
    assert.ok(line.length > 2_000_000);
    const diagnostics = await openAndProbe(line, [{ line: 0, character: 20 }, { line: 0, character: line.length - 20 }]);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.range.start.character),
      [line.indexOf('timeout=None'), line.lastIndexOf('timeout=None')],
    );
  });

  test('5,000 nested brackets around a call', async () => {
    const text = `import httpx\nx = ${'('.repeat(5_000)}httpx.Client(timeout=None)${')'.repeat(5_000)}\n`;
    await openAndProbe(text, [positionAt(text, text.indexOf('Client'))]);
  });

  test('20,000 client calls', async () => {
    const text = 'import httpx\n' + Array.from({ length: 20_000 }, (_, index) => `c${index} = httpx.Client(timeout=${index % 3 === 0 ? 'None' : index})\n`).join('');
    const diagnostics = await openAndProbe(text, [positionAt(text, text.lastIndexOf('Client'))]);
    // Every third call has timeout=None: 6,667 PG302, each on its keyword argument, and nothing else.
    const unbounded = [...text.matchAll(/timeout=None/g)].map((match) => rangeOf(text, match.index, match.index + 'timeout=None'.length));
    assert.equal(unbounded.length, 6_667);
    assert.deepEqual(
      diagnostics.map((diagnostic) => ({ code: diagnostic.code, range: diagnostic.range })),
      unbounded.map((range) => ({ code: 'PG302', range })),
    );
  });

  test('CRLF line endings, a byte-order mark and tabs: ranges land on the flagged text', async () => {
    const crlf = 'import httpx\r\n\r\n# note\r\nc = httpx.Client(timeout=None)\r\n';
    const [first] = await openAndProbe(crlf, [{ line: 3, character: 12 }]);
    assert.deepEqual(first?.range, { start: { line: 3, character: 17 }, end: { line: 3, character: 29 } });
    const bom = '\ufeffimport httpx\nc = httpx.Client(timeout=None)\n';
    const [flagged] = await openAndProbe(bom, [{ line: 1, character: 10 }]);
    assert.deepEqual(flagged?.range, rangeOfText(bom, 'timeout=None'));
    const tabs = 'import httpx\ndef f():\n\tif True:\n\t\treturn httpx.Client(timeout=None)\n';
    const [tabbed] = await openAndProbe(tabs, [{ line: 3, character: 16 }]);
    assert.deepEqual(tabbed?.range, rangeOfText(tabs, 'timeout=None'));
  });

  test('columns after non-BMP characters are UTF-16 code units', async () => {
    const text = 'import httpx\ns = "😀𝄞🐍"; c = httpx.Client(timeout=None)\n';
    const [flagged] = await openAndProbe(text, [{ line: 1, character: 24 }]);
    assert.deepEqual(flagged?.range, rangeOfText(text, 'timeout=None'));
    assert.equal(flagged?.range.start.character, 'import httpx\ns = "😀𝄞🐍"; c = httpx.Client('.length - 'import httpx\n'.length);
  });

  test('a file deleted from disk while open keeps working from its editor text', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-deleted-'));
    const file = path.join(folder, 'gone.py');
    const text = 'import httpx\nc = httpx.Client(timeout=None)\n';
    fs.writeFileSync(file, text);
    fs.writeFileSync(path.join(folder, 'pyproject.toml'), '[project]\ndependencies = ["httpx==0.27.2"]\n');
    const uri = pathToFileURL(file).toString();
    await client.didOpen(uri, text);
    assert.equal((await client.diagnostics(uri, 1)).diagnostics.length, 1);
    fs.rmSync(folder, { recursive: true, force: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await client.didChange(uri, 2, [{ range: rangeOfText(text, 'None'), text: '5.0' }]);
    assert.deepEqual((await client.diagnostics(uri, 2)).diagnostics, []);
    assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 12 } }));
    await client.didClose(uri);
  });

  test('afterwards: alive, nothing logged as an error', () => {
    assert.ok(client.alive);
    assert.deepEqual(client.logMessages.filter((message) => message.type === 1), []);
  });
});
