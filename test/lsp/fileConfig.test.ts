/**
 * `exclude` and `per-file-ignores` of `[tool.pool-guide]` in the editor, over real JSON-RPC against
 * the bundled server: an open document that `exclude` covers gets empty diagnostics, one that a
 * `per-file-ignores` pattern matches loses those rules (the editor settings do not bring them back),
 * a changed pyproject.toml (workspace/didChangeWatchedFiles) re-applies, and bad values are logged
 * as warnings while the server keeps answering.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { tempTree } from '../helpers/cli';
import { LspTestClient } from '../helpers/lspClient';

/** PG301 and PG501 (a request per loop iteration without a timeout) and PG101 (a tuple timeout). */
const SOURCE = 'import httpx\nimport requests\n\n\ndef fetch(urls):\n    for url in urls:\n        requests.get(url)\n\n\nclient = httpx.Client(timeout=(1, 2))\n';
const PYPROJECT = '[tool.pool-guide]\nexclude = ["build/**"]\nper-file-ignores = { "tests/**" = ["PG301", "PG5"] }\n';

describe('bundled server: per-file configuration', () => {
  const tree = tempTree({ 'proj/pyproject.toml': PYPROJECT, 'proj/src/app.py': SOURCE, 'proj/tests/test_app.py': SOURCE, 'proj/build/lib/app.py': SOURCE });
  const uriOf = (relative: string) => pathToFileURL(path.join(tree.root, 'proj', relative)).href;
  const codes = async (relative: string, version: number) => (await client.diagnostics(uriOf(relative), version)).diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
  let settings: unknown = {};
  let client: LspTestClient;

  before(async () => {
    client = LspTestClient.start({ settings: () => settings, watchFiles: true });
    await client.initialize([{ uri: pathToFileURL(tree.root).href, name: 'root' }]);
  });
  after(() => {
    client.dispose();
    tree.cleanup();
  });

  test('an excluded document gets no diagnostics; a test file loses its ignored rules', async () => {
    for (const relative of ['src/app.py', 'tests/test_app.py', 'build/lib/app.py']) await client.didOpen(uriOf(relative), SOURCE, 1);
    assert.deepEqual(await codes('src/app.py', 1), ['PG101', 'PG301', 'PG501']);
    assert.deepEqual(await codes('tests/test_app.py', 1), ['PG101']);
    assert.deepEqual(await codes('build/lib/app.py', 1), []);
  });

  test('the editor settings do not bring back what the table drops', async () => {
    settings = { severity: { PG501: 'warning', 'missing-timeout': 'error' } };
    await client.changeSettings(() => settings);
    assert.deepEqual(await codes('tests/test_app.py', 1), ['PG101']);
    assert.deepEqual(await codes('build/lib/app.py', 1), []);
    assert.deepEqual(await codes('src/app.py', 1), ['PG101', 'PG301', 'PG501']);
    settings = {};
    await client.changeSettings(() => settings);
    for (const relative of ['src/app.py', 'tests/test_app.py', 'build/lib/app.py']) await client.diagnostics(uriOf(relative), 1);
  });

  test('a changed pyproject.toml re-applies; bad values are logged and the rest applies', async () => {
    const pyproject = path.join(tree.root, 'proj', 'pyproject.toml');
    fs.writeFileSync(pyproject, '[tool.pool-guide]\nexclude = ["src/**", "[oops"]\nper-file-ignores = { "tests/**" = "PG301" }\n');
    const later = new Date(Date.now() + 2000);
    fs.utimesSync(pyproject, later, later);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(pyproject).href, type: 2 }] });
    assert.deepEqual(await codes('src/app.py', 1), []);
    assert.deepEqual(await codes('tests/test_app.py', 1), ['PG101', 'PG301', 'PG501']);
    assert.deepEqual(await codes('build/lib/app.py', 1), ['PG101', 'PG301', 'PG501']);
    assert.match(await client.logged(/'exclude': the pattern '\[oops' is not a valid glob/), /pyproject\.toml/);
    assert.match(await client.logged(/'per-file-ignores\.tests\/\*\*' must be a list of rule codes or names/), /pyproject\.toml/);
  });

  test('afterwards: alive, hovers still answer, nothing logged as an error', async () => {
    const hover = await client.hover(uriOf('src/app.py'), { line: 9, character: 12 });
    assert.ok(hover, 'an excluded document still has hovers');
    assert.ok(client.alive);
    assert.deepEqual(client.logMessages.filter((message) => message.type === 1), []);
  });
});
