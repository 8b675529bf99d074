/**
 * Editor comforts over real JSON-RPC against the bundled server: inlay hints (and their setting),
 * the "Ignore PGxxx on this line" code action, and `[tool.pool-guide]` read per document with the
 * VS Code settings taking precedence.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, InlayHint } from 'vscode-languageserver/node';
import { tempTree } from '../helpers/cli';
import { applyTextEdits, editsFor, LspTestClient, positionAt, rangeOfText } from '../helpers/lspClient';

const SOURCE = 'import httpx\nc = httpx.Client(timeout=(3.05, 27))\nt = httpx.HTTPTransport(True, None, False)\n';

describe('bundled server: editor comforts', () => {
  const settingsByUri = new Map<string, unknown>();
  const tree = tempTree({
    'proj/pyproject.toml': '[tool.pool-guide]\nseverity = { PG101 = "error", PG102 = "off" }\n',
    'proj/app.py': SOURCE,
  });
  let client: LspTestClient;

  before(async () => {
    client = LspTestClient.start({ settings: (scopeUri: string | undefined) => settingsByUri.get(scopeUri ?? '') ?? {}, inlayHintRefresh: true });
    const init = await client.initialize();
    assert.equal(init.capabilities.inlayHintProvider, true);
  });
  after(() => {
    client.dispose();
    tree.cleanup();
  });

  test('inlay hints name tuple items and positional arguments; the setting turns them off', async () => {
    const uri = 'file:///comforts/hints.py';
    await client.didOpen(uri, SOURCE, 1);
    const range = { start: { line: 0, character: 0 }, end: positionAt(SOURCE, SOURCE.length) };
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    assert.deepEqual(
      hints.map((hint) => [hint.label, hint.position, hint.kind, hint.paddingRight]),
      [
        ['connect:', positionAt(SOURCE, SOURCE.indexOf('3.05')), 2, true],
        ['read:', positionAt(SOURCE, SOURCE.indexOf('27')), 2, true],
        ['verify:', positionAt(SOURCE, SOURCE.indexOf('True')), 2, true],
        ['cert:', positionAt(SOURCE, SOURCE.indexOf('None')), 2, true],
        ['trust_env:', positionAt(SOURCE, SOURCE.indexOf('False')), 2, true],
      ],
    );
    const firstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } };
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri }, range: firstLine }), []);

    settingsByUri.set(uri, { inlayHints: { enable: false } });
    await client.changeSettings((scopeUri: string | undefined) => settingsByUri.get(scopeUri ?? '') ?? {});
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri }, range }), []);
    // Messages keep their order: the server's refresh request came before that answer.
    assert.ok(client.serverRequests.includes('workspace/inlayHint/refresh'), 'the client is asked to refresh the hints it shows');
  });

  test('"Ignore PG101 on this line" writes a suppression comment that silences the finding', async () => {
    const uri = 'file:///comforts/ignore.py';
    await client.didOpen(uri, SOURCE, 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const pg101 = diagnostics.find((diagnostic) => diagnostic.code === 'PG101');
    assert.ok(pg101);
    const actions = (await client.codeAction(uri, pg101.range, { diagnostics: [pg101] })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred ?? false]),
      [
        ['Name the timeout phases: `httpx.Timeout(connect=3.05, read=27, write=None, pool=None)`', 'quickfix', true],
        ['Ignore PG101 on this line', 'quickfix', false],
      ],
    );
    assert.deepEqual(actions[1].diagnostics, [pg101]);
    const silenced = applyTextEdits(SOURCE, editsFor(actions[1].edit, uri));
    assert.equal(silenced, SOURCE.replace('(3.05, 27))', '(3.05, 27))  # pool-guide: ignore[PG101]'));
    await client.didChange(uri, 2, [{ text: silenced }]);
    assert.deepEqual(
      (await client.diagnostics(uri, 2)).diagnostics.map((diagnostic) => diagnostic.code),
      ['PG102'],
    );
  });

  test('[tool.pool-guide] applies to file documents; VS Code settings take precedence', async () => {
    const file = path.join(tree.root, 'proj', 'app.py');
    const uri = pathToFileURL(file).href;
    await client.didOpen(uri, SOURCE, 1);
    assert.deepEqual(
      (await client.diagnostics(uri, 1)).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['PG101', 1]],
      'pyproject: PG101 is an error, PG102 is off',
    );
    settingsByUri.set(uri, { severity: { 'positional-config-args': 'hint', PG101: 'warning' } });
    await client.changeSettings((scopeUri: string | undefined) => settingsByUri.get(scopeUri ?? '') ?? {});
    const refreshed = await client.diagnostics(uri, 1);
    assert.deepEqual(
      refreshed.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [
        ['PG101', 2],
        ['PG102', 4],
      ],
    );
    assert.deepEqual(refreshed.diagnostics[0].range, rangeOfText(SOURCE, '(3.05, 27)'));
  });
});
