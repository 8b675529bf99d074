/**
 * PG601 is backed by the real libraries: each scenario of test/fixtures/concurrency-proof is
 * analysed (PG601 at its fan-out, with the numbers and the outcome in the message), then run under
 * /usr/bin/python3 against a local HTTP server that answers after 0.5 s, once as written (the
 * outcome the message names happens) and once with PG601's quick fix applied (it no longer happens,
 * and Pool Guide no longer warns).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../../../server/src/core/fixes/fixAll';
import type { Finding } from '../../../server/src/core/types';
import { analyzeText } from '../../helpers/engine';
import { runPythonScript } from '../../helpers/python';
import { repoRoot } from '../../helpers/repo';

const SCENARIOS = path.join(repoRoot(), 'test', 'fixtures', 'concurrency-proof');
const DELAY_SECONDS = 0.5;

type Outcome = { readonly ok: number; readonly poolFull: number; readonly PoolTimeout?: number; readonly TimeoutError?: number };

async function scenario(name: string): Promise<{ text: string; finding: Finding; fixed: string }> {
  const text = fs.readFileSync(path.join(SCENARIOS, name), 'utf8');
  const findings = (await analyzeText(text)).findings.filter((finding) => finding.code === 'PG601');
  assert.equal(findings.length, 1, `one PG601 in ${name}`);
  const [finding] = findings;
  assert.equal(finding.fixes.length, 1);
  assert.equal(finding.fixes[0].safe, false);
  const fixed = applyEdits(text, finding.fixes[0].edits);
  assert.deepEqual((await analyzeText(fixed)).findings.filter((each) => each.code === 'PG601'), [], `no PG601 once fixed:\n${fixed}`);
  return { text, finding, fixed };
}

function run(source: string): Outcome {
  return runPythonScript<Outcome>('run_concurrency_scenario.py', { source, delay: DELAY_SECONDS });
}

test('httpx: 20 gathered tasks over max_connections=2 and pool=0.2 raise PoolTimeout, as PG601 says', async () => {
  const { text, finding, fixed } = await scenario('httpx_pool_timeout.py');
  assert.match(finding.message, /^20 tasks .* `max_connections` = 2 connections .* waits up to 0\.2 s for one, then raises `httpx\.PoolTimeout`\.$/);
  assert.match(finding.fixes[0].title, /changes behaviour/);
  const before = run(text);
  assert.equal(before.ok, 2, 'the two tasks that got a connection');
  assert.equal(before.PoolTimeout, 18, 'every other task waited 0.2 s for the pool and gave up');
  assert.deepEqual(run(fixed), { ok: 20, PoolTimeout: 0, poolFull: 0 });
});

test('urllib3: 8 threads over maxsize=2 log "Connection pool is full", as PG601 says', async () => {
  const { text, finding, fixed } = await scenario('urllib3_pool_full.py');
  assert.match(finding.message, /^8 threads .* `maxsize` = 2 connections per host\. .*"Connection pool is full, discarding connection"/);
  const before = run(text);
  assert.equal(before.ok, 8, 'nothing fails: the extra connections are opened anyway');
  assert.ok(before.poolFull > 0, `connections discarded: ${JSON.stringify(before)}`);
  assert.deepEqual(run(fixed), { ok: 8, poolFull: 0 });
});

test('requests: 8 threads over pool_maxsize=2 log "Connection pool is full", as PG601 says', async () => {
  const { text, finding, fixed } = await scenario('requests_pool_full.py');
  assert.match(finding.message, /^8 threads .* `pool_maxsize` = 2 connections per host\. .*"Connection pool is full, discarding connection"/);
  const before = run(text);
  assert.equal(before.ok, 8);
  assert.ok(before.poolFull > 0, `connections discarded: ${JSON.stringify(before)}`);
  assert.deepEqual(run(fixed), { ok: 8, poolFull: 0 });
});

test('aiohttp: 20 gathered tasks over limit=2 wait inside the total timeout and time out, as PG601 says', async () => {
  const { text, finding, fixed } = await scenario('aiohttp_queue_timeout.py');
  assert.match(finding.message, /^20 tasks .* `limit` = 2 connections .* waits up to 3\.0 s for one \(the `total` deadline.*\), then raises `asyncio\.TimeoutError`\.$/);
  const before = run(text);
  assert.ok((before.TimeoutError ?? 0) > 0 && before.ok < 20, `queued tasks ran out of time: ${JSON.stringify(before)}`);
  assert.deepEqual(run(fixed), { ok: 20, TimeoutError: 0, poolFull: 0 });
});
