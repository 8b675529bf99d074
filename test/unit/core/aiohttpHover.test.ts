/**
 * aiohttp hover cards: a session's pool (from a visible `TCPConnector` or the default connector)
 * and timeouts with their origins, the version-dependent session default, what a per-request
 * `timeout=` replaces, the full-pool wait bounded by `connect` or `total`, and `limit=0`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { hoverText, row } from '../../helpers/hover';

const at = (version: string): AnalysisOptions => ({ versions: { aiohttp: version } });

test('a bare session shows the default connector (100 / no per-host limit) and DEFAULT_TIMEOUT of 3.14.3', async () => {
  const card = await hoverText('import aiohttp\ns = aiohttp.ClientSession()\n', 'ClientSession');
  assert.match(card!, /^\*\*aiohttp\.ClientSession\*\* · pool and timeouts · aiohttp 3\.14\.3/);
  assert.match(row(card, 'limit'), /\| 100 \| `ClientSession` default \(no `connector=`\)/);
  assert.match(row(card, 'limit_per_host'), /\| 0: no per-host limit \|/);
  assert.match(row(card, 'total'), /\| 300\.0 s \| `ClientSession` default \(no `timeout=`\)/);
  assert.match(row(card, 'connect'), /None: no limit/);
  assert.match(row(card, 'sock_connect'), /\| 30\.0 s \|/);
  assert.match(card!, /When all 100 connections are busy, a request waits up to 300\.0 s for one \(the `total` deadline; `connect` is None\)/);
});

test('the session default follows the version: no sock_connect before 3.10.9, and 4.0 keeps total=300 only', async () => {
  const source = 'import aiohttp\ns = aiohttp.ClientSession()\n';
  assert.match(row(await hoverText(source, 'ClientSession', 1, 0, at('3.10.8')), 'sock_connect'), /None: no limit/);
  assert.match(row(await hoverText(source, 'ClientSession', 1, 0, at('3.10.9')), 'sock_connect'), /30\.0 s/);
  const master = await hoverText(source, 'ClientSession', 1, 0, at('4.0.0'));
  assert.match(row(master, 'total'), /300\.0 s/);
  assert.match(row(master, 'sock_connect'), /None: no limit/);
});

test('a TCPConnector passed by name sets the session pool; the wait is bounded by connect when it is set', async () => {
  const source = [
    'import aiohttp',
    'conn = aiohttp.TCPConnector(limit=20, limit_per_host=5)',
    's = aiohttp.ClientSession(connector=conn, timeout=aiohttp.ClientTimeout(total=60, connect=3))',
    '',
  ].join('\n');
  const card = await hoverText(source, 'ClientSession');
  assert.match(row(card, 'limit'), /\| 20 \| explicit, via `conn`/);
  assert.match(row(card, 'limit_per_host'), /\| 5 \| explicit, via `conn`/);
  assert.match(row(card, 'connect'), /3\.0 s \| explicit/);
  assert.match(card!, /When all 20 connections are busy, a request waits up to 3\.0 s for one, then raises `asyncio\.TimeoutError`\./);
});

test('limit=0 reads as no limit, and a pool without a cap never makes a request wait', async () => {
  const card = await hoverText('import aiohttp\ns = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))\n', 'ClientSession');
  assert.match(row(card, 'limit'), /\| 0: no limit \| explicit/);
  assert.match(card!, /`limit` is 0, so requests never wait for a connection from the pool\./);
});

test('a partial ClientTimeout shows what it drops against the session default', async () => {
  const card = await hoverText('import aiohttp\nt = aiohttp.ClientTimeout(connect=5)\n', 'ClientTimeout');
  assert.match(row(card, 'total'), /None: no limit \| `ClientTimeout\(\)` default — a client without it would use 300\.0 s/);
  assert.match(row(card, 'sock_connect'), /a client without it would use 30\.0 s/);
  assert.equal(card!.split('\n').filter((line) => line.startsWith('| `connect` |')).length, 1, 'each field once');
  assert.match(row(card, 'ceil_threshold'), /\| 5\.0 s \| `ClientTimeout` default/);
});

test('a request method without timeout= shows the session\'s; with a number, only total; with None, nothing (3.x)', async () => {
  const source = [
    'import aiohttp',
    'async def main():',
    '    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=42)) as s:',
    '        await s.get("u")',
    '        await s.post("u", timeout=7)',
    '        await s.put("u", timeout=None)',
    '',
  ].join('\n');
  const inherited = await hoverText(source, 's.get');
  assert.match(row(inherited, 'total'), /\| 42\.0 s \| from the `ClientSession`: explicit/);
  const number = await hoverText(source, 's.post');
  assert.match(row(number, 'total'), /\| 7\.0 s \| explicit/);
  assert.match(row(number, 'connect'), /None: no limit \| `ClientTimeout\(\)` default/);
  const none = await hoverText(source, 's.put');
  for (const field of ['total', 'connect', 'sock_read', 'sock_connect']) assert.match(row(none, field), /None: no limit/);
  const master = await hoverText(source, 's.put', 1, 0, at('4.0.0'));
  assert.match(row(master, 'total'), /42\.0 s \| from the `ClientSession`/);
});

test('session timeout=None is the default from 3.9.2, and breaks every request before it', async () => {
  const source = 'import aiohttp\ns = aiohttp.ClientSession(timeout=None)\n';
  assert.match(row(await hoverText(source, 'ClientSession'), 'total'), /300\.0 s \| `ClientSession` default \(`timeout=None` means the default\)/);
  assert.match(row(await hoverText(source, 'ClientSession', 1, 0, at('3.9.1')), 'total'), /error: every request without its own `timeout=` fails with AttributeError/);
});

test('read_timeout= and conn_timeout= show up in the session\'s timeout fields', async () => {
  const card = await hoverText('import aiohttp\ns = aiohttp.ClientSession(read_timeout=5, conn_timeout=2)\n', 'ClientSession');
  assert.match(row(card, 'total'), /\| 5\.0 s \| explicit/);
  assert.match(row(card, 'connect'), /\| 2\.0 s \| explicit/);
  assert.match(row(card, 'sock_connect'), /\| 30\.0 s \| `ClientSession` default/);
});

test('option cards: limit explains the missing pool timeout; keepalive_timeout says what its sentinel stands for', async () => {
  const source = 'import aiohttp\nc = aiohttp.TCPConnector(limit=8, keepalive_timeout=30)\ns = aiohttp.ClientSession(connector=c)\n';
  const limit = await hoverText(source, 'limit=');
  assert.match(limit!, /^\*\*limit\*\* · `aiohttp\.TCPConnector` · `int`, default `100`/);
  assert.match(limit!, /there is no separate pool timeout/);
  assert.match(limit!, /When all 8 connections are busy, a request waits up to 300\.0 s for one \(the `total` deadline; `connect` is None\)/);
  const keepalive = await hoverText(source, 'keepalive_timeout');
  assert.match(keepalive!, /default `sentinel` \(15\.0 s unless force_close=True\)/);
  assert.match(keepalive!, /Here: \*\*30\.0 s\*\*/);
});

test('aiohttp.request shows a one-off pool and the session default timeout', async () => {
  const card = await hoverText('import aiohttp\nasync def f():\n    async with aiohttp.request("GET", "u") as r:\n        pass\n', 'aiohttp.request', 9);
  assert.match(row(card, 'total'), /300\.0 s \| `request` default/);
  assert.match(row(card, 'limit'), /\| 100 \|/);
  assert.match(card!, /no connection is reused/);
});
