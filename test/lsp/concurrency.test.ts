/**
 * PG601/PG602 and the concurrency hovers through the BUNDLED server over JSON-RPC: diagnostics at
 * the fan-out with their severities, the behaviour-changing quick fix (titled so, not preferred,
 * never in fix-all), and hovers on the thread pool, the fan-out and the shared client.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, MarkupContent } from 'vscode-languageserver/node';
import { LspTestClient, editsFor, positionAt, rangeOfText } from '../helpers/lspClient';

const TEXT = `import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx
import urllib3

http = urllib3.PoolManager(maxsize=2)
client = httpx.AsyncClient(limits=httpx.Limits(max_connections=10))


def grab(url):
    return http.request("GET", url, timeout=5.0)


async def fetch(url):
    return await client.get(url)


def crawl(urls):
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(grab, urls))


async def main(urls):
    await asyncio.gather(*(fetch(url) for url in urls))
`;

describe('bundled server: pool versus concurrency', () => {
  let client: LspTestClient;
  let diagnostics: Diagnostic[];
  const uri = 'file:///concurrency/app.py';

  before(async () => {
    client = LspTestClient.start();
    await client.initialize();
    await client.didOpen(uri, TEXT, 1);
    diagnostics = (await client.diagnostics(uri, 1)).diagnostics;
  });
  after(() => client.dispose());

  test('PG601 at the thread pool map, PG602 at the unbounded gather', () => {
    const concurrency = diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('PG6'));
    assert.deepEqual(
      concurrency.map((diagnostic) => ({ code: diagnostic.code, severity: diagnostic.severity, range: diagnostic.range })),
      [
        { code: 'PG601', severity: 2, range: rangeOfText(TEXT, 'pool.map') },
        { code: 'PG602', severity: 3, range: rangeOfText(TEXT, 'asyncio.gather') },
      ],
    );
    assert.match(concurrency[0].message, /^8 threads \(max_workers=8\) share `urllib3\.PoolManager` \(line 7\), whose pool allows `maxsize` = 2 connections per host\./);
    assert.match(concurrency[1].message, /more than 10 pending requests wait for its pool .* up to 5\.0 s .* `httpx\.PoolTimeout`/);
  });

  test('the quick fix raises the pool, says it changes behaviour, and stays out of fix-all', async () => {
    const pg601 = diagnostics.find((diagnostic) => diagnostic.code === 'PG601')!;
    const actions = (await client.codeAction(uri, pg601.range, { diagnostics: [pg601] })) as CodeAction[];
    const raise = actions.find((action) => action.title.startsWith('Raise `maxsize` to 8'));
    assert.ok(raise, actions.map((action) => action.title).join('\n'));
    assert.match(raise.title, /changes behaviour/);
    assert.notEqual(raise.isPreferred, true);
    assert.deepEqual(
      editsFor(raise.edit, uri).map((edit) => edit.newText),
      ['8'],
    );
    const fixAll = (await client.codeAction(uri, pg601.range, { diagnostics: [], only: ['source.fixAll'] })) as CodeAction[];
    const fixAllEdits = fixAll.flatMap((action) => editsFor(action.edit, uri));
    assert.ok(!fixAllEdits.some((edit) => edit.newText === '8'), 'not in fix-all');
  });

  test('hovers: the thread pool and the fan-out name the shared client and its pool; the client names where it is used', async () => {
    const onPool = await client.hover(uri, positionAt(TEXT, TEXT.indexOf('ThreadPoolExecutor(max_workers') + 3));
    const poolCard = (onPool?.contents as MarkupContent).value;
    assert.match(poolCard, /Runs 8 threads \(max_workers=8\) at once/);
    assert.match(poolCard, /`urllib3\.PoolManager` \(line 7\) \| `maxsize` = 2 connections per host \| no \(PG601\)/);
    const onGather = await client.hover(uri, positionAt(TEXT, TEXT.indexOf('gather') + 2));
    assert.match((onGather?.contents as MarkupContent).value, /`httpx\.AsyncClient` \(line 8\) \| `max_connections` = 10 connections per client, across all hosts \| not for more than 10 at once/);
    const onClient = await client.hover(uri, positionAt(TEXT, TEXT.indexOf('AsyncClient') + 2));
    assert.match((onClient?.contents as MarkupContent).value, /Used concurrently:[\s\S]*\| `asyncio\.gather` \(line 25\) \| tasks without bound/);
  });
});
