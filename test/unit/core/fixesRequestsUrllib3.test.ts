/**
 * Quick fixes for requests and urllib3 as text: before → after. (That PG101/PG102 fixes keep
 * behaviour is proven with the real libraries in test/unit/fixes/requestsEquivalence.test.ts.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { applyEdits, safeNonOverlappingEdits } from '../../../server/src/core/fixes/fixAll';
import { analyzeText } from '../../helpers/engine';

async function fixed(source: string, code: string, options: AnalysisOptions = {}) {
  const findings = (await analyzeText(source, options)).findings.filter((finding) => finding.code === code);
  assert.equal(findings.length, 1, `expected one ${code}, got ${findings.map((finding) => finding.message).join('; ')}`);
  const fix = findings[0].fixes[0];
  assert.ok(fix, `no fix for ${code}`);
  return { text: applyEdits(source, fix.edits), fix, severity: findings[0].severity, message: findings[0].message };
}

test('PG101 on a requests tuple: a hint whose fix names the phases with urllib3.Timeout, adding the import, not preferred', async () => {
  const { text, fix, severity } = await fixed('import requests\nr = requests.get("u", timeout=(3.05, 27))\n', 'PG101');
  assert.equal(text, 'import requests\nimport urllib3\nr = requests.get("u", timeout=urllib3.Timeout(connect=3.05, read=27))\n');
  assert.equal(severity, 'hint');
  assert.match(fix.title, /type hints do not list it/);
  assert.equal(fix.safe, true);
  assert.equal(fix.preferred, false);
});

test('PG101 on a requests tuple reuses an import of urllib3 or of its Timeout', async () => {
  assert.equal(
    (await fixed('import requests\nfrom urllib3.util import Timeout\nr = requests.get("u", timeout=(1, 2))\n', 'PG101')).text,
    'import requests\nfrom urllib3.util import Timeout\nr = requests.get("u", timeout=Timeout(connect=1, read=2))\n',
  );
  assert.equal(
    (await fixed('import requests\nimport urllib3 as u3\ns = requests.Session()\ns.get("u", timeout=(1, 2))\n', 'PG101')).text,
    'import requests\nimport urllib3 as u3\ns = requests.Session()\ns.get("u", timeout=u3.Timeout(connect=1, read=2))\n',
  );
});

test('PG101 on a requests tuple offers no fix before requests 2.14, which did not accept a urllib3 Timeout', async () => {
  const findings = (await analyzeText('import requests\nr = requests.get("u", timeout=(1, 2))\n', { versions: { requests: '2.13.0' } })).findings;
  assert.deepEqual(findings.find((finding) => finding.code === 'PG101')?.fixes, []);
});

test('fix-all leaves the requests tuple alone (its fix is not preferred)', async () => {
  const source = 'import requests\nr = requests.get("u", timeout=(1, 2))\n';
  assert.equal(applyEdits(source, safeNonOverlappingEdits((await analyzeText(source)).findings)), source);
});

test('PG102 writes HTTPAdapter, Timeout, Retry and HTTPConnectionPool arguments as keywords, by the version in use', async () => {
  assert.equal((await fixed('from requests.adapters import HTTPAdapter\na = HTTPAdapter(10, 20)\n', 'PG102')).text, 'from requests.adapters import HTTPAdapter\na = HTTPAdapter(pool_connections=10, pool_maxsize=20)\n');
  assert.equal((await fixed('import urllib3\nt = urllib3.Timeout(5, 10)\n', 'PG102')).text, 'import urllib3\nt = urllib3.Timeout(total=5, connect=10)\n');
  const late = 'from urllib3.util.retry import Retry\nr = Retry(3, 3, 3, 3, 3, 0, None, None, 0.5, 10)\n';
  assert.equal(
    (await fixed(late, 'PG102', { versions: { urllib3: '1.26.12' } })).text,
    'from urllib3.util.retry import Retry\nr = Retry(total=3, connect=3, read=3, redirect=3, status=3, other=0, allowed_methods=None, status_forcelist=None, backoff_factor=0.5, raise_on_redirect=10)\n',
  );
  assert.match((await fixed(late, 'PG102', { versions: { urllib3: '2.7.0' } })).message, /the 10th positional argument \(`10`\) is `backoff_max` in urllib3 2.7.0 but `raise_on_redirect` before 2.0.0/);
  const pool = 'import urllib3\np = urllib3.HTTPConnectionPool("h", 80, False, 5)\n';
  assert.equal((await fixed(pool, 'PG102', { versions: { urllib3: '1.26.12' } })).text, 'import urllib3\np = urllib3.HTTPConnectionPool(host="h", port=80, strict=False, timeout=5)\n');
  assert.equal((await fixed(pool, 'PG102', { versions: { urllib3: '2.7.0' } })).text, 'import urllib3\np = urllib3.HTTPConnectionPool(host="h", port=80, timeout=False, maxsize=5)\n');
});

test('PG301 inserts timeout= with the configured default (10 without one), as a change of behaviour', async () => {
  const source = 'import requests\ns = requests.Session()\ns.get("u")\n';
  const plain = await fixed(source, 'PG301');
  assert.equal(plain.text, 'import requests\ns = requests.Session()\ns.get("u", timeout=10)\n');
  assert.equal(plain.fix.safe, false);
  assert.equal((await fixed(source, 'PG301', { defaultTimeout: 30 })).text, 'import requests\ns = requests.Session()\ns.get("u", timeout=30)\n');
  assert.equal((await fixed('import urllib3\nh = urllib3.PoolManager()\nh.request("GET", "u")\n', 'PG301')).text, 'import urllib3\nh = urllib3.PoolManager()\nh.request("GET", "u", timeout=10)\n');
});

test('PG403 adds pool_block=True / block=True, as a change of behaviour', async () => {
  const adapter = await fixed('from requests.adapters import HTTPAdapter\na = HTTPAdapter(pool_maxsize=50)\n', 'PG403');
  assert.equal(adapter.text, 'from requests.adapters import HTTPAdapter\na = HTTPAdapter(pool_maxsize=50, pool_block=True)\n');
  assert.equal(adapter.fix.safe, false);
  assert.equal((await fixed('import urllib3\np = urllib3.PoolManager(maxsize=20)\n', 'PG403')).text, 'import urllib3\np = urllib3.PoolManager(maxsize=20, block=True)\n');
});

test('PG301 stays quiet for httpx, calls with **kwargs, and sessions with an adapter of their own mounted', async () => {
  const source = [
    'import httpx, requests',
    'httpx.get("u")',
    'def f(**kw):',
    '    requests.get("u", **kw)',
    's = requests.Session()',
    's.mount("https://", make_adapter())',
    's.get("u")',
    '',
  ].join('\n');
  assert.deepEqual((await analyzeText(source)).findings.filter((finding) => finding.code === 'PG301'), []);
});
