/**
 * Hover cards for requests and urllib3: a Session shows that requests has no timeout and the pool
 * of its default adapter, or of the adapter mounted on it; pools show soft caps and the effective
 * retry default; a request method inherits the pool's timeout; subclasses keeping HTTPAdapter's
 * constructor are read like it, those with their own are not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverText, row } from '../../helpers/hover';

test('requests.Session(): no timeout, and the default HTTPAdapter pool with its soft cap', async () => {
  const card = await hoverText('import requests\ns = requests.Session()\n', 'Session');
  assert.match(card!, /^\*\*requests\.Session\*\* · pool and timeouts · requests 2\.34\.2/);
  assert.match(row(card, 'timeout'), /none: a request can wait forever \| requests has no default and no session-level timeout/);
  assert.match(row(card, 'pool_connections'), /\| 10 host pools kept \| `HTTPAdapter` default \|/);
  assert.match(row(card, 'pool_maxsize'), /10 connections per host \(soft cap: `pool_block` is False\) \| `HTTPAdapter` default/);
  assert.match(row(card, 'max_retries'), /0: `Retry\(0, read=False\)`, no retries/);
});

test('a Session shows the adapter mounted on it in this file', async () => {
  const source = 'import requests\nfrom requests.adapters import HTTPAdapter\ns = requests.Session()\ns.mount("https://", HTTPAdapter(pool_maxsize=32, pool_block=True))\n';
  const card = await hoverText(source, 'Session');
  assert.match(row(card, 'pool_maxsize'), /\| 32 \(hard cap: `pool_block` is True\) \| mounted on "https:\/\/": explicit \|/);
  assert.match(row(card, 'pool_connections'), /mounted on "https:\/\/": `HTTPAdapter` default/);
});

test('a request timeout tuple reads as (connect, read); urllib3.Timeout(5, 10) is total=5, connect=10', async () => {
  const get = await hoverText('import requests\nr = requests.get("u", timeout=(3.05, 27))\n', 'get');
  assert.match(row(get, 'connect'), /3\.05 s \| tuple item 1/);
  assert.match(row(get, 'read'), /27\.0 s \| tuple item 2/);
  const timeout = await hoverText('import urllib3\nt = urllib3.Timeout(5, 10)\n', 'Timeout');
  assert.match(row(timeout, 'total'), /5\.0 s \| explicit/);
  assert.match(row(timeout, 'connect'), /10\.0 s \| explicit/);
  assert.match(row(timeout, 'read'), /None: no limit \| `Timeout\(\)` default/);
});

test('a urllib3 request without a timeout uses the pool\'s; a pool shows maxsize as a soft cap and retries as Retry.DEFAULT', async () => {
  const source = 'import urllib3\nhttp = urllib3.PoolManager(maxsize=8, timeout=4.0)\nhttp.request("GET", "u")\n';
  const request = await hoverText(source, 'request(');
  assert.match(row(request, 'connect'), /4\.0 s \| from the `PoolManager`: explicit/);
  assert.match(row(request, 'total'), /None: no limit \| from the `PoolManager`: `Timeout\(\)` default/);
  const pool = await hoverText(source, 'PoolManager');
  assert.match(row(pool, 'maxsize'), /8 \(soft cap: `block` is False\) \| explicit/);
  assert.match(row(pool, 'retries'), /3: `Retry\.DEFAULT` = `Retry\(3\)`/);
});

test('a session request passing a urllib3.Timeout reads that object', async () => {
  const card = await hoverText('import requests, urllib3\ns = requests.Session()\ns.get("u", timeout=urllib3.Timeout(total=9, connect=2))\n', 'get');
  assert.match(row(card, 'total'), /9\.0 s \| explicit/);
  assert.match(row(card, 'connect'), /2\.0 s \| explicit/);
});

test('HTTPConnectionPool binds positional arguments by the version in use (strict left in 2.0)', async () => {
  const source = 'import urllib3\np = urllib3.HTTPConnectionPool("h", 80, False, 5)\n';
  const at = (version: string) => hoverText(source, 'HTTPConnectionPool', 1, 0, { versions: { urllib3: version } });
  assert.match(row(await at('1.26.12'), 'connect'), /5\.0 s \| explicit/);
  assert.match(row(await at('2.7.0'), 'maxsize'), /\| 5 /);
});

test('a subclass keeping HTTPAdapter\'s constructor is read like it; one with its own __init__ is not', async () => {
  const source = [
    'from requests.adapters import HTTPAdapter',
    'class Plain(HTTPAdapter):',
    '    pass',
    'class Own(HTTPAdapter):',
    '    def __init__(self, timeout, *args, **kwargs):',
    '        super().__init__(*args, **kwargs)',
    'a = Plain(4, 8)',
    'b = Own(4, 8)',
    '',
  ].join('\n');
  assert.match(row(await hoverText(source, 'Plain(4'), 'pool_maxsize'), /\| 8 /);
  assert.equal(await hoverText(source, 'Own(4'), undefined);
});

test('options a pool may get from **kwargs are unknown, and flags read as True/False', async () => {
  const splat = await hoverText('import urllib3\ndef make(options):\n    return urllib3.PoolManager(**options)\n', 'PoolManager');
  assert.match(row(splat, 'num_pools'), /unknown: may be set by `\*\*kwargs` \| unknown here/);
  assert.match(row(splat, 'maxsize'), /unknown: may be set by `\*\*kwargs`/);
  const flags = await hoverText('import urllib3\nh = urllib3.PoolManager(retries=False)\n', 'PoolManager');
  assert.match(row(flags, 'retries'), /\| False \| explicit \|/);
});

test('a mount the analysis cannot follow (the session name is assigned twice) makes the adapter defaults conditional', async () => {
  const source = [
    'import requests',
    'from requests.adapters import HTTPAdapter',
    'class Client:',
    '    def __init__(self, shared):',
    '        if shared is None:',
    '            self.auth_session = requests.Session()',
    '            self.auth_session.mount("https://", HTTPAdapter(max_retries=3))',
    '        else:',
    '            self.auth_session = shared',
    '',
  ].join('\n');
  assert.match(row(await hoverText(source, 'Session'), 'max_retries'), /`HTTPAdapter` default, unless replaced by a mount this card cannot follow/);
  assert.match(row(await hoverText('import requests\ns = requests.Session()\n', 'Session'), 'max_retries'), /\| `HTTPAdapter` default \|$/);
});
