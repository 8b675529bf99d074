/**
 * Quick fixes as text: before → after for each fix, in the file's own import style. (That the
 * fixed code behaves the same is proven with the real library in test/unit/fixes.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, safeNonOverlappingEdits } from '../../../server/src/core/fixes/fixAll';
import { analyzeText } from '../../helpers/engine';

/** Applies the first fix of the only finding with `code`. */
async function fixed(source: string, code: string, fixIndex = 0): Promise<{ text: string; title: string }> {
  const findings = (await analyzeText(source)).findings.filter((finding) => finding.code === code);
  assert.equal(findings.length, 1, `expected one ${code} in ${JSON.stringify(source)}, got ${findings.map((f) => f.message).join('; ')}`);
  const fix = findings[0].fixes[fixIndex];
  assert.ok(fix, `no fix ${fixIndex} for ${code}`);
  return { text: applyEdits(source, fix.edits), title: fix.title };
}

test('PG101 names the phases of a client tuple, leaving unset trailing phases as None', async () => {
  const { text, title } = await fixed('import httpx\nc = httpx.Client(timeout=(3.05, 27))\n', 'PG101');
  assert.equal(text, 'import httpx\nc = httpx.Client(timeout=httpx.Timeout(connect=3.05, read=27, write=None, pool=None))\n');
  assert.equal(title, 'Name the timeout phases: `httpx.Timeout(connect=3.05, read=27, write=None, pool=None)`');
});

test('PG101 follows `import httpx as hx`', async () => {
  const { text } = await fixed('import httpx as hx\nc = hx.AsyncClient(timeout=(1, 2, 3))\n', 'PG101');
  assert.equal(text, 'import httpx as hx\nc = hx.AsyncClient(timeout=hx.Timeout(connect=1, read=2, write=3, pool=None))\n');
});

test('PG101 adds Timeout to an existing from-import, or reuses it when imported', async () => {
  assert.equal(
    (await fixed('from httpx import Client\nc = Client(timeout=(1, 2))\n', 'PG101')).text,
    'from httpx import Client, Timeout\nc = Client(timeout=Timeout(connect=1, read=2, write=None, pool=None))\n',
  );
  assert.equal(
    (await fixed('from httpx import Client, Timeout as T\nc = Client(timeout=(1, 2))\n', 'PG101')).text,
    'from httpx import Client, Timeout as T\nc = Client(timeout=T(connect=1, read=2, write=None, pool=None))\n',
  );
});

test('PG101 on Timeout(tuple) turns the tuple into keywords', async () => {
  const { text } = await fixed('import httpx\nt = httpx.Timeout((1, 2, 3, 4))\n', 'PG101');
  assert.equal(text, 'import httpx\nt = httpx.Timeout(connect=1, read=2, write=3, pool=4)\n');
});

test('PG201 migrates pool_limits=PoolLimits(...) to limits=Limits(...) in one step', async () => {
  const source = 'import httpx\nc = httpx.Client(pool_limits=httpx.PoolLimits(max_keepalive=5, max_connections=10))\n';
  const findings = (await analyzeText(source)).findings.filter((finding) => finding.code === 'PG201' && source.slice(finding.span.start, finding.span.end) === 'pool_limits');
  assert.equal(applyEdits(source, findings[0].fixes[0].edits), 'import httpx\nc = httpx.Client(limits=httpx.Limits(max_keepalive_connections=5, max_connections=10))\n');
});

test('PG201 migrates old Timeout keywords and keeps "omitted means None" explicit', async () => {
  const { text } = await fixed('import httpx\nt = httpx.Timeout(connect_timeout=5)\n', 'PG201');
  assert.equal(text, 'import httpx\nt = httpx.Timeout(None, connect=5)\n');
});

test('PG102 writes positional transport arguments as keywords by the order of the version in use', async () => {
  const source = 'import httpx\nt = httpx.HTTPTransport(True, None, False)\n';
  assert.equal((await fixed(source, 'PG102')).text, 'import httpx\nt = httpx.HTTPTransport(verify=True, cert=None, trust_env=False)\n');
  const older = (await analyzeText(source, { versions: { httpx: '0.27.2' } })).findings.find((finding) => finding.code === 'PG102');
  assert.equal(applyEdits(source, older!.fixes[0].edits), 'import httpx\nt = httpx.HTTPTransport(verify=True, cert=None, http1=False)\n');
});

test('PG304 offers the implicit values (safe) and the client defaults (changes behaviour)', async () => {
  const source = 'import httpx\nl = httpx.Limits(max_connections=50)\n';
  const safe = await fixed(source, 'PG304', 0);
  assert.equal(safe.text, 'import httpx\nl = httpx.Limits(max_connections=50, max_keepalive_connections=None, keepalive_expiry=5.0)\n');
  const restore = await fixed(source, 'PG304', 1);
  assert.equal(restore.text, 'import httpx\nl = httpx.Limits(max_connections=50, max_keepalive_connections=20)\n');
  assert.match(restore.title, /changes behaviour/);
});

test('fix-all applies every safe preferred fix once, sharing an import edit', async () => {
  const source = 'from httpx import Client\na = Client(timeout=(1, 2))\nb = Client(timeout=(3, 4))\n';
  const findings = (await analyzeText(source)).findings;
  const once = applyEdits(source, safeNonOverlappingEdits(findings));
  assert.equal(
    once,
    'from httpx import Client, Timeout\na = Client(timeout=Timeout(connect=1, read=2, write=None, pool=None))\nb = Client(timeout=Timeout(connect=3, read=4, write=None, pool=None))\n',
  );
  assert.deepEqual((await analyzeText(once)).findings.filter((finding) => finding.fixes.some((fix) => fix.safe)), []);
});

test('PG201 renames a from-imported old name in its import and migrates every use of it in one step', async () => {
  const source = 'from httpx import Client, PoolLimits\na = Client(pool_limits=PoolLimits(hard_limit=10))\nb = PoolLimits(soft_limit=2)\n';
  const finding = (await analyzeText(source)).findings.find((each) => each.code === 'PG201' && source.slice(each.span.start, each.span.end) === 'PoolLimits');
  assert.equal(
    applyEdits(source, finding!.fixes[0].edits),
    'from httpx import Client, Limits\na = Client(pool_limits=Limits(max_connections=10))\nb = Limits(max_keepalive_connections=2)\n',
  );
});

test('PG304 says nothing when a limit that caps the omitted field is unknown here, and flags it once the limit is known and above the default', async () => {
  const codes = async (source: string) => (await analyzeText(source)).findings.map((finding) => finding.code);
  assert.deepEqual(await codes('import httpx\ndef f(n):\n    return httpx.Limits(max_connections=n)\n'), [], 'max_connections unknown: keep-alive may be capped below the default');
  assert.deepEqual(await codes('import httpx\nhttpx.Limits(max_connections=5)\n'), [], 'at most 5 either way');
  assert.deepEqual(await codes('import httpx\nhttpx.Limits(max_connections=50)\n'), ['PG304']);
});

test('a call that error recovery made of junk keeps its finding but offers no fix inside it', async () => {
  const broken = '(.Limits( pool-guide: ignore[P)))\nfrom httpx import Client, Limits, Timeout\n';
  const findings = (await analyzeText(broken)).findings;
  assert.deepEqual(
    findings.map((finding) => [finding.code, finding.fixes.length]),
    [['PG304', 0]],
  );
  const whole = 'from httpx import Limits\nLimits(max_connections=50)\n';
  assert.ok((await analyzeText(whole)).findings.every((finding) => finding.fixes.length > 0), 'the same call, well formed, keeps its fixes');
});
