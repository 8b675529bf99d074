/**
 * aiohttp quick fixes as text (before → after, in the file's import style) and the findings that
 * depend on the aiohttp version. That the fixed code builds the same objects is proven with the
 * real aiohttp in test/unit/fixes/aiohttpFixEquivalence.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { applyEdits } from '../../../server/src/core/fixes/fixAll';
import { analyzeText } from '../../helpers/engine';

const at = (version: string): AnalysisOptions => ({ versions: { aiohttp: version } });

async function findings(source: string, code: string, options: AnalysisOptions = {}) {
  return (await analyzeText(source, options)).findings.filter((finding) => finding.code === code);
}

/** Applies fix `fixIndex` of the first finding with `code`. */
async function fixed(source: string, code: string, options: AnalysisOptions = {}, fixIndex = 0): Promise<{ text: string; title: string; safe: boolean }> {
  const [first] = await findings(source, code, options);
  assert.ok(first, `no ${code} in ${JSON.stringify(source)}`);
  const fix = first.fixes[fixIndex];
  assert.ok(fix, `no fix ${fixIndex} for ${code}: ${first.message}`);
  return { text: applyEdits(source, fix.edits), title: fix.title, safe: fix.safe };
}

test('PG102 names positional ClientTimeout fields in the code order (sock_read before sock_connect)', async () => {
  const { text, title } = await fixed('import aiohttp\nt = aiohttp.ClientTimeout(300, 10, 5, 2)\n', 'PG102');
  assert.equal(text, 'import aiohttp\nt = aiohttp.ClientTimeout(total=300, connect=10, sock_read=5, sock_connect=2)\n');
  assert.equal(title, 'Use keywords: `aiohttp.ClientTimeout(total=300, connect=10, sock_read=5, sock_connect=2)`');
});

test('PG102: a fifth positional argument is ceil_threshold from 3.9.0, and more than 3.8 accepts before it', async () => {
  const source = 'import aiohttp\nt = aiohttp.ClientTimeout(60, None, 30, 10, 2)\n';
  assert.equal((await fixed(source, 'PG102')).text, 'import aiohttp\nt = aiohttp.ClientTimeout(total=60, connect=None, sock_read=30, sock_connect=10, ceil_threshold=2)\n');
  const [old] = await findings(source, 'PG102', at('3.8.6'));
  assert.match(old.message, /the 5th positional argument \(`2`\) is more than the call accepts \(a TypeError\) in aiohttp 3.8.6 but `ceil_threshold` from 3.9.0 on/);
  assert.deepEqual(old.fixes, []);
});

test('PG201 moves read_timeout=/conn_timeout= into one ClientTimeout that keeps the rest of the version\'s default', async () => {
  const source = 'import aiohttp\ns = aiohttp.ClientSession(read_timeout=30, conn_timeout=5)\n';
  const newest = await fixed(source, 'PG201');
  assert.equal(newest.text, 'import aiohttp\ns = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30, connect=5, sock_connect=30.0))\n');
  assert.equal(newest.safe, true);
  assert.equal((await fixed(source, 'PG201', at('3.10.8'))).text, 'import aiohttp\ns = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30, connect=5))\n');
  const both = await findings(source, 'PG201');
  assert.deepEqual(both.map((finding) => finding.severity), ['warning', 'warning']);
  assert.deepEqual((await findings(source, 'PG201', at('4.0.0'))).map((finding) => finding.severity), ['error', 'error']);
});

test('PG201 keeps other arguments, follows a from-import, and offers nothing next to an explicit timeout=', async () => {
  const source = 'from aiohttp import ClientSession\ns = ClientSession(conn_timeout=3, connector_owner=False)\n';
  assert.equal(
    (await fixed(source, 'PG201', at('3.9.5'))).text,
    'from aiohttp import ClientSession, ClientTimeout\ns = ClientSession(timeout=ClientTimeout(total=300.0, connect=3), connector_owner=False)\n',
  );
  const middle = 'import aiohttp as ah\ns = ah.ClientSession(connector_owner=False, read_timeout=9, trust_env=True, conn_timeout=1)\n';
  assert.equal((await fixed(middle, 'PG201', at('3.8.4'))).text, 'import aiohttp as ah\ns = ah.ClientSession(connector_owner=False, timeout=ah.ClientTimeout(total=9, connect=1), trust_env=True)\n');
  const conflicting = await findings('import aiohttp\ns = aiohttp.ClientSession(read_timeout=5, timeout=aiohttp.ClientTimeout(total=9))\n', 'PG201');
  assert.deepEqual(conflicting[0].fixes, []);
});

test('PG303: a number on a session; the offered ClientTimeout(total=…) changes behaviour, so it is not safe', async () => {
  const { text, safe } = await fixed('import aiohttp\ns = aiohttp.ClientSession(timeout=10)\n', 'PG303');
  assert.equal(text, 'import aiohttp\ns = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))\n');
  assert.equal(safe, false);
  const [old] = await findings('import aiohttp\ns = aiohttp.ClientSession(timeout=10)\n', 'PG303', at('3.9.1'));
  assert.match(old.message, /AttributeError/);
});

test('session timeout=None: PG303 before 3.9.2, nothing from 3.9.2 (it means the default)', async () => {
  const source = 'import aiohttp\ns = aiohttp.ClientSession(timeout=None)\n';
  assert.equal((await findings(source, 'PG303', at('3.9.1'))).length, 1);
  assert.deepEqual((await analyzeText(source, at('3.9.2'))).findings, []);
});

test('per-request timeout=None disables everything in 3.x (PG302); 4.0 reads it as the session\'s, and rejects a number', async () => {
  const source = 'import aiohttp\nasync def f():\n    async with aiohttp.ClientSession() as s:\n        await s.get("u", timeout=None)\n        await s.get("u", timeout=5)\n';
  assert.equal((await findings(source, 'PG302')).length, 1);
  assert.deepEqual(await findings(source, 'PG303'), []);
  assert.deepEqual(await findings(source, 'PG302', at('4.0.0')), []);
  assert.equal((await findings(source, 'PG303', at('4.0.0'))).length, 1);
});

test('PG304 writes the implicit None fields (safe) or restores the session default (not safe)', async () => {
  const source = 'import aiohttp\nt = aiohttp.ClientTimeout(connect=5)\n';
  const [finding] = await findings(source, 'PG304');
  assert.equal(finding.message, 'aiohttp.ClientTimeout(...) leaves total at None (no limit), not the client default 300.0.');
  const safe = await fixed(source, 'PG304');
  assert.equal(safe.text, 'import aiohttp\nt = aiohttp.ClientTimeout(connect=5, total=None, sock_read=None, sock_connect=None)\n');
  assert.equal(safe.safe, true);
  const restore = await fixed(source, 'PG304', {}, 1);
  assert.equal(restore.text, 'import aiohttp\nt = aiohttp.ClientTimeout(connect=5, total=300.0, sock_connect=30.0)\n');
  assert.equal((await fixed(source, 'PG304', at('3.10.8'), 1)).text, 'import aiohttp\nt = aiohttp.ClientTimeout(connect=5, total=300.0)\n');
});

test('PG304 stays quiet where a total deadline bounds every phase, and on 4.0 where ClientTimeout() keeps total=300', async () => {
  assert.deepEqual(await findings('import aiohttp\nt = aiohttp.ClientTimeout(total=60)\n', 'PG304'), []);
  assert.deepEqual(await findings('import aiohttp\nt = aiohttp.ClientTimeout(connect=5)\n', 'PG304', at('4.0.0')), []);
  assert.deepEqual(await findings('import aiohttp\nt = aiohttp.ClientTimeout()\n', 'PG302', at('4.0.0')), []);
});

test('PG402 compares limit_per_host with a non-zero limit only', async () => {
  assert.equal((await findings('import aiohttp\nc = aiohttp.TCPConnector(limit_per_host=101)\n', 'PG402')).length, 1);
  assert.deepEqual(await findings('import aiohttp\nc = aiohttp.TCPConnector(limit=0, limit_per_host=500)\n', 'PG402'), []);
  assert.deepEqual(await findings('import aiohttp\nc = aiohttp.TCPConnector(limit=0, limit_per_host=0)\n', 'PG402'), []);
});
