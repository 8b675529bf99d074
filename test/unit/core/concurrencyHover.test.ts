/**
 * Concurrency hovers in the core: on a semaphore held around requests, on a task group's start
 * method and on a thread pool, the card names the shared client, its pool and whether it is enough;
 * a hover on an unrelated `map` or on a fan-out that shares no client shows nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../../server/src/core/hover/hover';
import { analyzeText, offsetOf, testEngine } from '../../helpers/engine';

const TEXT = `import asyncio

import aiohttp

session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=4))
gate = asyncio.Semaphore(8)


async def fetch(url):
    async with gate:
        async with session.get(url) as response:
            return response.status


async def main(urls):
    await asyncio.gather(*[fetch(url) for url in urls])
    async with asyncio.TaskGroup() as group:
        for url in range(3):
            group.create_task(fetch(url))
    await asyncio.gather(*[asyncio.sleep(1) for _ in range(9)])
    return list(map(str, urls))
`;

async function hover(needle: string, delta = 1): Promise<string | undefined> {
  const engine = await testEngine();
  return hoverAt(await analyzeText(TEXT), offsetOf(TEXT, needle, delta), engine.catalog)?.markdown;
}

test('on the semaphore: 8 tasks at once over a pool of 4, not enough', async () => {
  const card = await hover('Semaphore(8)', 3);
  assert.match(card ?? '', /Runs 8 tasks \(held under `asyncio\.Semaphore\(8\)`\) at once/);
  assert.match(card ?? '', /\| `aiohttp\.ClientSession` \(line 5\) \| `limit` = 4 connections per session, across all hosts \(`limit_per_host` aside\) \| no \(PG601\): When all 4 connections are busy/);
});

test('on a task group start method: 3 tasks over a pool of 4 are enough', async () => {
  const card = await hover('create_task', 2);
  assert.match(card ?? '', /Runs 3 tasks \(`range\(3\)`\) at once/);
  assert.match(card ?? '', /\| yes \|$/m);
});

test('no card on a fan-out that shares no client, nor on the builtin map', async () => {
  assert.equal(await hover('gather(*[asyncio.sleep', 2), undefined);
  assert.equal(await hover('map(str', 1), undefined);
});
