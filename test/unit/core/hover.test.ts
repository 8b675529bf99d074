/**
 * Hover cards on callees and option keywords, with the subtle cases the cards must get right:
 * partial Limits, Timeout defaults, transports replacing the pool, names resolved once, and no
 * hover where nothing is recognised.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverText, row } from '../../helpers/hover';

test('a partial Limits leaves max_keepalive_connections at None, not the client default 20', async () => {
  const card = await hoverText('import httpx\nc = httpx.Client(limits=httpx.Limits(max_connections=10))\n', 'Client');
  assert.match(row(card, 'max_connections'), /\| 10 \| explicit \|/);
  assert.match(row(card, 'max_keepalive_connections'), /None: no separate cap \| `Limits\(\)` default — a client without it would use 20/);
  assert.match(row(card, 'keepalive_expiry'), /5\.0 s/);
  assert.match(card!, /When all 10 connections are busy, a request waits up to 5\.0 s for one, then raises `httpx\.PoolTimeout`\./);
});

test('Timeout(10.0, connect=60.0) is 60 s to connect and 10 s for every other phase', async () => {
  const card = await hoverText('import httpx\nc = httpx.Client(timeout=httpx.Timeout(10.0, connect=60.0))\n', 'Client');
  assert.match(row(card, 'connect'), /60\.0 s \| explicit/);
  for (const phase of ['read', 'write', 'pool']) assert.match(row(card, phase), /10\.0 s \| explicit: the first argument sets every phase not named/);
});

test('a client without options shows the documented defaults: 100 / 20 / 5 s and 5 s per phase', async () => {
  const card = await hoverText('import httpx\nc = httpx.Client()\n', 'Client');
  assert.match(card!, /^\*\*httpx\.Client\*\* · pool and timeouts · httpx 0\.28\.1/);
  assert.match(row(card, 'max_connections'), /\| 100 \| `Client` default/);
  assert.match(row(card, 'max_keepalive_connections'), /\| 20 \|/);
  for (const phase of ['connect', 'read', 'write', 'pool']) assert.match(row(card, phase), /5\.0 s/);
});

test('transport= replaces the client pool: the card shows the transport limits and says why', async () => {
  const source = 'import httpx\nc = httpx.Client(transport=httpx.HTTPTransport(limits=httpx.Limits(max_connections=7)), limits=httpx.Limits(max_connections=300))\n';
  const card = await hoverText(source, 'Client');
  assert.match(row(card, 'max_connections'), /\| 7 \| transport: explicit/);
  assert.match(card!, /`transport=` replaces the client's own pool/);
});

test('an unknown transport leaves the pool unknown', async () => {
  const card = await hoverText('import httpx\ndef make(t):\n    return httpx.Client(transport=t)\n', 'Client');
  assert.match(row(card, 'max_connections'), /unknown: set by the transport in `transport=`/);
});

test('a name holds the assignment that reaches the line; a parameter without default is set by the caller', async () => {
  const source = [
    'import httpx',
    'ONCE = httpx.Limits(max_connections=42)',
    'TWICE = 1',
    'TWICE = 2',
    'a = httpx.Client(limits=ONCE)',
    'b = httpx.Client(timeout=TWICE)',
    'def f(timeout):',
    '    return httpx.Client(timeout=timeout)',
    '',
  ].join('\n');
  assert.match(row(await hoverText(source, 'Client', 1, 0), 'max_connections'), /\| 42 \| explicit, via `ONCE`/);
  assert.match(row(await hoverText(source, 'Client', 1, 1), 'connect'), /\| 2\.0 s \| explicit, one value for every field, via `TWICE`/);
  assert.match(row(await hoverText(source, 'Client', 1, 2), 'connect'), /set by the caller \(`timeout`\) \| parameter `timeout`/);
});

test('an option keyword hover explains the option and ties the pool cap to the pool wait', async () => {
  const source = 'import httpx\nc = httpx.AsyncClient(limits=httpx.Limits(max_connections=50), timeout=httpx.Timeout(30.0, connect=5.0))\n';
  const card = await hoverText(source, 'max_connections');
  assert.match(card!, /^\*\*max_connections\*\* · `httpx\.Limits` · `int \| None`, default `None` \(no limit\); the client's own default is 100/);
  assert.match(card!, /When all 50 connections are busy, a request waits up to 30\.0 s for one, then raises `httpx\.PoolTimeout`\./);
  assert.match(card!, /Here: \*\*50\*\* \(explicit\)\./);
  const timeoutCard = await hoverText(source, 'timeout=');
  assert.match(timeoutCard!, /default `DEFAULT_TIMEOUT_CONFIG` \(connect 5\.0 s, read 5\.0 s, write 5\.0 s, pool 5\.0 s\)/);
});

test('every import style is understood, and httpx2 is read like httpx', async () => {
  for (const [source, needle] of [
    ['import httpx as hx\nc = hx.Client()\n', 'Client'],
    ['from httpx import Client as C\nc = C()\n', 'C()'],
    ['from httpx import *\nc = Client()\n', 'Client()'],
    ['import httpx2 as httpx\nc = httpx.Client()\n', 'Client()'],
  ]) {
    const card = await hoverText(source, needle, 0);
    assert.ok(card, `no hover for ${JSON.stringify(source)}`);
    assert.match(row(card, 'max_connections'), /\| 100 \|/);
  }
  assert.match((await hoverText('import httpx2 as httpx\nc = httpx.Client()\n', 'Client'))!, /^\*\*httpx2\.Client\*\* · pool and timeouts · httpx2 2\.13\.1/);
});

test('no hover on calls that are not httpx, on a local class, or away from a recognised call', async () => {
  const source = [
    'import httpx',
    'from mylib import Client',
    'class Timeout: ...',
    'a = Client(timeout=(1, 2))',
    'b = Timeout()',
    'c = httpx.Client()',
    '',
    'print(c)',
  ].join('\n');
  assert.equal(await hoverText(source, 'Client(timeout'), undefined);
  assert.equal(await hoverText(source, 'Timeout()'), undefined);
  assert.equal(await hoverText(source, 'print'), undefined);
  assert.equal(await hoverText(source, '\n\nprint', 1), undefined);
});

test('unfinished code elsewhere does not stop hovers on complete calls', async () => {
  const source = 'import httpx\nbroken = httpx.Client(timeout=(1,\n\nok = httpx.Client(limits=httpx.Limits(max_connections=3))\n';
  const card = await hoverText(source, 'Client', 1, 1);
  assert.match(row(card, 'max_connections'), /\| 3 \| explicit/);
});
