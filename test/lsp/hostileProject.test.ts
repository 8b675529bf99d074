/**
 * A hostile project file against the BUNDLED server: a `pyproject.toml` whose dependencies list
 * 50,000 `httpx==…` pins (an untrusted repository can hand the server any) is read within the
 * usual deadlines, a hover sent right after the document opens is answered, and the pin decides.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { VERSIONS_REQUEST, type VersionsReport } from '../../server/src/protocol';
import { LspTestClient, positionAt } from '../helpers/lspClient';

const SOURCE = 'import httpx\nc = httpx.Client(pool_limits=httpx.PoolLimits(max_keepalive=5, max_connections=10))\n';
const PINS = 50_000;

let workspace: string;
let client: LspTestClient;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-hostile-'));
  // The first pin is 0.13.3; the rest repeat it or pin releases that contradict it.
  const pins = Array.from({ length: PINS }, (_, index) => JSON.stringify(index % 2 === 0 ? 'httpx==0.13.3' : `httpx==0.13.3,!=0.${index}.0`));
  fs.writeFileSync(path.join(workspace, 'pyproject.toml'), `[project]\nname = "hostile"\ndependencies = [\n  ${pins.join(',\n  ')},\n]\n`);
  fs.writeFileSync(path.join(workspace, 'main.py'), SOURCE);
  client = LspTestClient.start();
  await client.initialize([{ uri: pathToFileURL(workspace).toString(), name: 'hostile' }]);
});

after(() => {
  client.dispose();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('50,000 pins in pyproject dependencies: a hover right after opening is answered, and the pin decides', async () => {
  const uri = pathToFileURL(path.join(workspace, 'main.py')).toString();
  await client.didOpen(uri, SOURCE);
  const card = (await client.hover(uri, positionAt(SOURCE, SOURCE.indexOf('Client'))))?.contents as { value: string } | undefined;
  assert.match(card?.value ?? '', /httpx 0\.13\.3 \(pyproject\.toml\)/);
  assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, [], 'PoolLimits and pool_limits= are current names in httpx 0.13.3');
  const report = await client.request<VersionsReport>(VERSIONS_REQUEST, { uri });
  assert.deepEqual(
    report.libraries.map(({ library, version, source }) => ({ library, version, source })),
    [{ library: 'httpx', version: '0.13.3', source: 'pyproject.toml' }],
  );
  assert.ok(client.alive);
});
