/**
 * The workspace index over the protocol, against the bundled server: a hover reads a value another
 * module defines (with a link to it), an edit of that module (open: its text wins) or of its file
 * on disk (workspace/didChangeWatchedFiles) changes the hover, and the diagnostics are published again.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient, positionAt, rangeOfText } from '../helpers/lspClient';
import { workspaceFixture } from '../helpers/workspace';

let workspace: string;
let client: LspTestClient;
const uriOf = (relative: string) => pathToFileURL(path.join(workspace, relative)).toString();
const read = (relative: string) => fs.readFileSync(path.join(workspace, relative), 'utf8');

async function hoverRow(relative: string, needle: string, occurrence: number, field: string): Promise<string> {
  const text = read(relative);
  let at = -1;
  for (let count = 0; count <= occurrence; count++) at = text.indexOf(needle, at + 1);
  const hover = await client.hover(uriOf(relative), positionAt(text, at + needle.length - 2));
  const markdown = (hover?.contents as { value: string } | undefined)?.value ?? '';
  const line = markdown.split('\n').find((candidate) => candidate.startsWith(`| \`${field}\` |`));
  assert.ok(line, `no ${field} row in:\n${markdown}`);
  return line;
}

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-index-'));
  fs.cpSync(workspaceFixture('values-package'), workspace, { recursive: true });
  client = LspTestClient.start({ watchFiles: true });
  await client.initialize([{ uri: pathToFileURL(workspace).toString(), name: 'shop' }]);
});

after(() => {
  client.dispose();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('the server registers a watcher for Python files and indexes the workspace in the background', async () => {
  assert.match(await client.logged(/workspace index: \d+ modules/), /workspace index: 6 modules in \d+ ms/);
  const watchers = client.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles');
  assert.deepEqual(watchers.map((registration) => registration.registerOptions), [{ watchers: [{ globPattern: '**/*.py' }] }]);
});

test('a hover reads the value another module defines, with a link to its line', async () => {
  await client.logged(/workspace index:/);
  await client.didOpen(uriOf('shop/api/client.py'), read('shop/api/client.py'));
  const row = await hoverRow('shop/api/client.py', 'httpx.Client', 0, 'connect');
  assert.ok(row.includes(`| 2.5 s | explicit, via \`HTTP_TIMEOUT\` ([shop/settings.py, line 5](${uriOf('shop/settings.py')}#L5)) |`), row);
});

test('an edit of the open module changes the hover and publishes the diagnostics again; closing it returns to the file', async () => {
  await client.logged(/workspace index:/);
  const client_ = 'shop/api/client.py';
  await client.didOpen(uriOf(client_), read(client_));
  await client.diagnostics(uriOf(client_), 1);
  assert.match(await hoverRow(client_, 'httpx.Client', 0, 'connect'), /\| 2\.5 s \|/);

  const settings = read('shop/settings.py');
  await client.didOpen(uriOf('shop/settings.py'), settings);
  await client.didChange(uriOf('shop/settings.py'), 2, [{ range: rangeOfText(settings, '2.5'), text: '4.0' }]);
  assert.match(await hoverRow(client_, 'httpx.Client', 0, 'connect'), /\| 4\.0 s \| explicit, via `HTTP_TIMEOUT`/);
  await client.diagnostics(uriOf(client_), 1);

  await client.didClose(uriOf('shop/settings.py'));
  assert.match(await hoverRow(client_, 'httpx.Client', 0, 'connect'), /\| 2\.5 s \|/);
});

test('a changed, created or deleted file on disk (didChangeWatchedFiles) changes the hover', async () => {
  await client.logged(/workspace index:/);
  const client_ = 'shop/api/client.py';
  await client.didOpen(uriOf(client_), read(client_));
  assert.match(await hoverRow(client_, 'httpx.Client', 1, 'read'), /\| 30\.0 s \|/);

  fs.writeFileSync(path.join(workspace, 'shop/core/config.py'), read('shop/core/config.py').replace('READ_TIMEOUT = 30.0', 'READ_TIMEOUT = 45.0'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('shop/core/config.py'), type: 2 }] });
  assert.match(await hoverRow(client_, 'httpx.Client', 1, 'read'), /\| 45\.0 s \| explicit, via `READ_TIMEOUT` \(\[shop\/core\/config\.py, line 3\]/);

  fs.renameSync(path.join(workspace, 'shop/settings.py'), path.join(workspace, 'shop/old_settings.py'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: uriOf('shop/settings.py'), type: 3 },
      { uri: uriOf('shop/old_settings.py'), type: 1 },
    ],
  });
  assert.match(await hoverRow(client_, 'httpx.Client', 0, 'max_connections'), /unknown: `settings` is not defined in shop\/__init__\.py \| unknown here, via `POOL_SIZE` \|/);
});
