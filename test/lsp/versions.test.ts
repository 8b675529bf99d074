/**
 * Version awareness over the protocol, against the bundled server: the project's pinned version
 * decides diagnostics and hover cards, `poolGuide/versions` reports it with the deciding file for
 * the status bar, and a changed project file (workspace/didChangeWatchedFiles) refreshes both, and
 * the client's inlay hints.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { VERSIONS_CHANGED_NOTIFICATION, VERSIONS_REQUEST, type VersionsReport } from '../../server/src/protocol';
import { LspTestClient, positionAt } from '../helpers/lspClient';

const SOURCE = 'import httpx\nc = httpx.Client(pool_limits=httpx.PoolLimits(max_keepalive=5, max_connections=10))\n';

let workspace: string;
let client: LspTestClient;
let versionsChanged = 0;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-versions-'));
  fs.writeFileSync(path.join(workspace, 'requirements.txt'), 'httpx==0.13.3\n');
  fs.mkdirSync(path.join(workspace, 'app'));
  fs.writeFileSync(path.join(workspace, 'app', 'main.py'), SOURCE);
  client = LspTestClient.start({ inlayHintRefresh: true });
  client.connection.onNotification(VERSIONS_CHANGED_NOTIFICATION, () => versionsChanged++);
  await client.initialize([{ uri: pathToFileURL(workspace).toString(), name: 'project' }]);
});

after(() => {
  client.dispose();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('the pinned version decides diagnostics, hovers and the status bar report, and a changed pin refreshes them', async () => {
  const uri = pathToFileURL(path.join(workspace, 'app', 'main.py')).toString();
  await client.didOpen(uri, SOURCE);
  assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, [], 'PoolLimits and pool_limits= are current names in httpx 0.13.3');
  const report = await client.request<VersionsReport>(VERSIONS_REQUEST, { uri });
  assert.deepEqual(report.libraries, [
    { library: 'httpx', version: '0.13.3', source: 'requirements.txt', fileUri: pathToFileURL(path.join(workspace, 'requirements.txt')).toString() },
  ]);
  const position = positionAt(SOURCE, SOURCE.indexOf('Client'));
  const card = (await client.hover(uri, position))?.contents as { value: string };
  assert.match(card.value, /httpx 0\.13\.3 \(requirements\.txt\)/);

  fs.writeFileSync(path.join(workspace, 'requirements.txt'), 'httpx==0.18.0\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(workspace, 'requirements.txt')).toString(), type: 2 }] });
  const refreshed = await client.diagnostics(uri, 1);
  assert.deepEqual(
    refreshed.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`),
    ['PG201 1', 'PG201 1', 'PG201 1'],
    'on 0.18.0, pool_limits=, PoolLimits and max_keepalive= are all removed',
  );
  assert.equal((await client.request<VersionsReport>(VERSIONS_REQUEST, { uri })).libraries[0]?.version, '0.18.0');
  assert.ok(versionsChanged >= 1, 'the client is told to refresh its status bar');
  assert.deepEqual(
    client.serverRequests.filter((method) => method === 'workspace/inlayHint/refresh'),
    ['workspace/inlayHint/refresh'],
    'and its inlay hints, once, before the new diagnostics',
  );
});

test('a file outside any project assumes the newest release and says so; untitled documents too', async () => {
  const uri = 'untitled:Untitled-1';
  await client.didOpen(uri, 'import httpx\n');
  const report = await client.request<VersionsReport>(VERSIONS_REQUEST, { uri });
  assert.equal(report.libraries.length, 1);
  assert.equal(report.libraries[0]!.source, 'assumed: newest in the catalog');
  assert.equal(report.libraries[0]!.fileUri, undefined);
});
