/**
 * PG601 is backed by the real libraries: each scenario of test/fixtures/concurrency-proof is
 * analysed (PG601 at its fan-out, with the numbers and the outcome in the message), then run under
 * /usr/bin/python3 against a local HTTP server that holds every request until as many are open at
 * once as the scenario starts (test/python/run_concurrency_scenario.py), once as written (the pool
 * lets only some through: the server counts them, and the outcome the message names happens to the
 * others) and once with PG601's quick fix applied (every request is open at once, all are answered,
 * and Pool Guide no longer warns). Nothing depends on how fast the machine is: the server answers
 * on a count, never after a delay, and the only durations are the scenarios' own timeouts.
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

type Outcome = {
  readonly ok: number;
  readonly poolFull: number;
  /** The most requests the server saw open at once. */
  readonly concurrent: number;
  readonly PoolTimeout?: number;
  readonly ReadTimeout?: number;
  readonly TimeoutError?: number;
};

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

/**
 * Runs a scenario that starts `fanOut` requests at once; the server answers when that many are open.
 * `arrivals`: when each request reached the server, in seconds after the scenario started.
 */
function timedRun(source: string, fanOut: number): { outcome: Outcome; arrivals: readonly number[] } {
  const { arrivals, ...outcome } = runPythonScript<Outcome & { arrivals: number[] }>('run_concurrency_scenario.py', { source, fanOut });
  return { outcome, arrivals };
}

const run = (source: string, fanOut: number): Outcome => timedRun(source, fanOut).outcome;

test('httpx: 20 gathered tasks over max_connections=2 and pool=0.2 raise PoolTimeout, as PG601 says', async () => {
  const { text, finding, fixed } = await scenario('httpx_pool_timeout.py');
  assert.match(finding.message, /^20 tasks .* `max_connections` = 2 connections .* waits up to 0\.2 s for one, then raises `httpx\.PoolTimeout`\.$/);
  assert.match(finding.fixes[0].title, /changes behaviour/);
  const before = run(text, 20);
  assert.equal(before.concurrent, 2, 'two requests got a connection');
  assert.equal(before.PoolTimeout, 18, 'every other task waited 0.2 s for the pool and gave up');
  assert.deepEqual({ ok: before.ok, ReadTimeout: before.ReadTimeout }, { ok: 0, ReadTimeout: 2 }, 'the two connected ones were held by the server until their own read timeout');
  assert.deepEqual(run(fixed, 20), { ok: 20, PoolTimeout: 0, ReadTimeout: 0, poolFull: 0, concurrent: 20 });
});

for (const [library, option] of [['urllib3', 'maxsize'], ['requests', 'pool_maxsize']]) {
  test(`${library}: 8 threads over ${option}=2 log "Connection pool is full", as PG601 says`, async () => {
    const { text, finding, fixed } = await scenario(`${library}_pool_full.py`);
    assert.match(finding.message, new RegExp(`^8 threads .* \`${option}\` = 2 connections per host\\. .*"Connection pool is full, discarding connection"`));
    const before = run(text, 8);
    assert.deepEqual(before, { ok: 8, poolFull: 6, concurrent: 8 }, 'all 8 connections are opened anyway, and the 6 the pool cannot keep are discarded');
    assert.deepEqual(run(fixed, 8), { ok: 8, poolFull: 0, concurrent: 8 });
  });
}

test('aiohttp: 20 gathered tasks over limit=2 wait inside the total timeout and time out, as PG601 says', async () => {
  const { text, finding, fixed } = await scenario('aiohttp_queue_timeout.py');
  assert.match(finding.message, /^20 tasks .* `limit` = 2 connections .* waits up to 3\.0 s for one \(the `total` deadline.*\), then raises `asyncio\.TimeoutError`\.$/);
  const { outcome: before, arrivals } = timedRun(text, 20);
  // A connection is freed only when a held request's 3 s deadline ends it; a task queued behind it
  // whose own deadline is a moment later may then get that connection (on a busy machine the tasks
  // start milliseconds apart), so the count is of what reached the server before any deadline.
  const beforeAnyDeadline = arrivals.filter((seconds) => seconds < 3.0).length;
  assert.equal(beforeAnyDeadline, 2, `only two requests got a connection while the deadlines ran (arrivals at ${arrivals.map((seconds) => seconds.toFixed(3)).join(', ')} s)`);
  assert.deepEqual({ ok: before.ok, TimeoutError: before.TimeoutError }, { ok: 0, TimeoutError: 20 }, 'the 18 queued tasks ran out of their total time waiting for a connection (and the two held ones with them)');
  assert.deepEqual(run(fixed, 20), { ok: 20, TimeoutError: 0, poolFull: 0, concurrent: 20 });
});
