/**
 * `pool-guide check` reports PG601 and PG602 on a tree, `--fix` leaves the behaviour-changing
 * PG601 fix alone, and `explain` prints both pages.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { ReportedFinding } from '../../server/src/cli/report';
import { runCli, tempTree } from '../helpers/cli';

const APP = `import asyncio
from concurrent.futures import ThreadPoolExecutor

import aiohttp
import requests

session = requests.Session()


def fetch(url):
    return session.get(url, timeout=10)


def crawl(urls):
    with ThreadPoolExecutor(max_workers=32) as pool:
        return list(pool.map(fetch, urls))


async def get(http, url):
    async with http.get(url) as response:
        return response.status


async def main(urls):
    async with aiohttp.ClientSession() as http:
        await asyncio.gather(*[get(http, url) for url in urls])
`;

describe('check: pool versus concurrency', () => {
  test('json: PG601 for 32 threads over pool_maxsize 10, PG602 for the unbounded gather; exit 1', () => {
    const tree = tempTree({ 'app.py': APP });
    try {
      const run = runCli(['check', '--format', 'json', '.'], tree.root);
      assert.equal(run.status, 1);
      const findings = (JSON.parse(run.stdout) as ReportedFinding[]).map((finding) => `${finding.code} ${finding.line}:${finding.column}`);
      assert.deepEqual(findings, ['PG601 16:21', 'PG602 26:15']);
      const fixed = runCli(['check', '--fix', '.'], tree.root);
      assert.equal(fixed.status, 1, 'PG601 is still reported: its fix changes behaviour');
      assert.equal(fs.readFileSync(path.join(tree.root, 'app.py'), 'utf8'), APP);
    } finally {
      tree.cleanup();
    }
  });

  test('explain prints the pages of PG601 and PG602, by code and by name', () => {
    for (const rule of ['PG601', 'pool-smaller-than-concurrency', 'PG602', 'unbounded-fan-out']) {
      const run = runCli(['explain', rule]);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^# PG60[12] (pool-smaller-than-concurrency|unbounded-fan-out)/);
    }
  });
});
