import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../helpers/engine';
import { hoverText, row } from '../../helpers/hover';
import { filesUnder, workspaceFixture, workspaceOptions } from '../../helpers/workspace';

async function hoverIn(fixture: string, file: string, needle: string, occurrence = 0): Promise<string | undefined> {
  const files = filesUnder(workspaceFixture(fixture));
  return hoverText(files[file], needle, 1, occurrence, await workspaceOptions(files, file));
}

describe('values from other modules of the workspace', () => {
  test('a construction in settings.py used through a relative import: bound here, with where it is defined', async () => {
    const card = await hoverIn('values-package', 'shop/api/client.py', 'httpx.Client', 0);
    assert.match(row(card, 'connect'), /\| 2\.5 s \| explicit, via `HTTP_TIMEOUT` \(shop\/settings\.py, line 5\) \|/);
    assert.match(row(card, 'read'), /\| 10\.0 s \|.*via `HTTP_TIMEOUT` \(shop\/settings\.py, line 5\)/);
    assert.match(row(card, 'max_connections'), /\| 40 \| explicit, via `POOL_SIZE` \(shop\/settings\.py, line 6\) \|/);
  });

  test('re-exports of a package, aliases and `from .. import config`', async () => {
    const reader = await hoverIn('values-package', 'shop/api/client.py', 'httpx.Client', 1);
    assert.match(row(reader, 'read'), /\| 30\.0 s \| explicit, via `READ_TIMEOUT` \(shop\/core\/config\.py, line 3\) \|/);
    assert.match(row(reader, 'max_connections'), /\| 4 \| explicit, via `WORKER_COUNT` \(shop\/core\/config\.py, line 4\) \|/);
  });

  test('class attributes, inherited ones included, through the class and through the module', async () => {
    const card = await hoverIn('values-package', 'shop/api/client.py', 'httpx.Client', 2);
    assert.match(row(card, 'max_connections'), /\| 64 \| explicit, via `ProductionConfig\.POOL_SIZE` \(shop\/settings\.py, line 16\) \|/);
    assert.match(row(card, 'max_keepalive_connections'), /\| 8 \| explicit, via `settings\.ProductionConfig\.KEEPALIVE` \(shop\/settings\.py, line 11\) \|/);
  });

  test('a function that returns a construction, and a value only some runs assign', async () => {
    const card = await hoverIn('values-package', 'shop/api/client.py', 'httpx.Client', 3);
    assert.match(row(card, 'max_connections'), /\| 40 \| explicit, via `default_limits` \(shop\/settings\.py, line 19\) \|/);
    assert.match(row(card, 'max_keepalive_connections'), /\| 8 \|/);
    assert.match(row(card, 'connect'), /unknown: `config\.DEADLINE` in shop\/core\/config\.py is assigned under a condition \(line 5\)/);
  });

  test('src/ layout, namespace packages, `import a.b.c as d`, `from a.b import c`', async () => {
    const session = await hoverIn('values-src', 'src/billing/http/session.py', 'HTTPAdapter(');
    assert.match(row(session, 'pool_maxsize'), /\| 25 \(soft cap: `pool_block` is False\) \| explicit, via `defaults\.POOL_MAXSIZE` \(src\/billing\/http\/defaults\.py, line 4\) \|/);
    assert.match(row(session, 'max_retries'), /\| `also_defaults\.RETRY` \| explicit, via `also_defaults\.RETRY` \(src\/billing\/http\/defaults\.py, line 6\) \|/);
    const get = await hoverIn('values-src', 'src/billing/http/session.py', 'requests.get');
    assert.match(row(get, 'read'), /\| 27\.0 s \| tuple item 2, via `TIMEOUT` \(src\/billing\/http\/defaults\.py, line 5\) \|/);
  });

  test('a module the workspace does not have stays unknown, and says so', async () => {
    const card = await hoverIn('values-src', 'tests/test_session.py', 'requests.get', 1);
    assert.match(row(card, 'connect'), /unknown: `NOWHERE`: `billing\.http\.missing` is not found in the workspace/);
    const found = await hoverIn('values-src', 'tests/test_session.py', 'requests.get', 0);
    assert.match(row(found, 'connect'), /\| 3\.05 s \| tuple item 1, via `TIMEOUT` \(src\/billing\/http\/defaults\.py, line 5\) \|/);
  });

  test('cycles of imports and a module that imports itself end with a reason', async () => {
    const card = await hoverIn('values-cycles', 'loop/use.py', 'httpx.Client');
    assert.match(row(card, 'connect'), /unknown: .*imports itself/);
    assert.match(row(card, 'max_connections'), /unknown: .*(imports itself|not defined)/);
  });

  test('without a workspace index, an imported name is unknown as before', async () => {
    const files = filesUnder(workspaceFixture('values-package'));
    const card = await hoverText(files['shop/api/client.py'], 'httpx.Client', 1);
    assert.match(row(card, 'max_connections'), /unknown: `POOL_SIZE`, imported from `\.\.settings`/);
  });

  test('class attributes inherited from a class of another module: through the class, `self`, a module-qualified base, and its own bases', async () => {
    const inherited = await hoverIn('values-inherit', 'app/service.py', 'httpx.Limits', 1);
    assert.match(row(inherited, 'max_connections'), /\| 12 \| explicit, via `MyConfig\.POOL_SIZE` \(attribute inherited from class `BaseConfig`\) \(app\/base\.py, line 9\) \|/);
    assert.match(row(inherited, 'max_keepalive_connections'), /\| 4 \| explicit, via `MyConfig\.KEEPALIVE` \(attribute of class `MyConfig`\) \|/, 'the class itself wins over its base');
    const service = await hoverIn('values-inherit', 'app/service.py', 'httpx.Client');
    assert.match(row(service, 'connect'), /\| 7\.5 s \|.*via `self\.TIMEOUT` \(attribute inherited from class `BaseConfig`\) \(app\/base\.py, line 5\)/);
    assert.match(row(service, 'max_connections'), /\| 12 \|.*via `self\.POOL_SIZE`/);
    const throughModule = await hoverIn('values-inherit', 'app/service.py', 'httpx.Limits', 2);
    assert.match(row(throughModule, 'max_connections'), /\| 12 \| explicit, via `ThroughModule\.POOL_SIZE` \(attribute inherited from class `base\.BaseConfig`\)/);
    const missing = await hoverIn('values-inherit', 'app/service.py', 'httpx.Limits', 3);
    assert.match(row(missing, 'max_connections'), /\| unknown: .*NOT_THERE/);
  });

  test('without an index, an inherited attribute says where it would come from; with one, rules fire on it', async () => {
    const files = filesUnder(workspaceFixture('values-inherit'));
    const alone = await hoverText(files['app/service.py'], 'httpx.Limits', 1, 1);
    assert.match(row(alone, 'max_connections'), /unknown: `POOL_SIZE`, which the class `MyConfig` inherits from `BaseConfig`/);
    const text = files['app/service.py'];
    const analysis = await analyzeText(text, await workspaceOptions(files, 'app/service.py'));
    assert.deepEqual(analysis.findings.map((finding) => `${finding.code}@${text.slice(finding.span.start, finding.span.end)}`), ['PG402@ThroughModule.KEEPALIVE']);
    assert.deepEqual((await analyzeText(text)).findings, []);
  });

  test('diagnostics read the imported values, and point into this document only', async () => {
    const files = {
      'app/limits.py': 'import httpx\nNO_TIMEOUT = None\nTIMEOUT = httpx.Timeout(None)\n',
      'app/main.py': 'import httpx\nfrom app.limits import NO_TIMEOUT, TIMEOUT\na = httpx.Client(timeout=NO_TIMEOUT)\nb = httpx.Client(timeout=TIMEOUT)\n',
    };
    const main = files['app/main.py'];
    const withIndex = await analyzeText(main, await workspaceOptions(files, 'app/main.py'));
    const without = await analyzeText(main);
    const codes = (analysis: typeof withIndex) => analysis.findings.map((finding) => `${finding.code}@${main.slice(finding.span.start, finding.span.end)}`);
    assert.deepEqual(codes(without), []);
    assert.deepEqual(codes(withIndex), ['PG302@timeout=NO_TIMEOUT'], 'the None from the other module turns every timeout off here; the Timeout(None) is reported where it is built');
    for (const finding of withIndex.findings) {
      for (const fix of finding.fixes) assert.ok(fix.edits.every((edit) => edit.span.end <= main.length));
    }
  });
});
