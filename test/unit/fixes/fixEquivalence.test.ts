/**
 * Every quick fix the core offers on the fixtures of test/helpers/fixFixtures.ts, applied alone
 * and run under the real httpx of `/usr/bin/python3` (test/python/run_config.py; no request leaves
 * the process). The expected configuration is never written here: it is what the ORIGINAL text
 * builds with the real library (timeouts, the pool limits that reach httpcore, retries, TLS),
 * and a safe fix must build exactly that; a fix offered as not safe must change it, into exactly
 * the intended target its fixture states (the restored Limits are the ones `Client()` gives its pool). Only for
 * PG201, whose originals use names the installed httpx no longer has (PoolLimits, pool_limits=,
 * connect_timeout=), the FIXED code runs and is compared with the documented meaning of the old
 * API that each fixture states. Every fixed text must compile, and a second analysis of it must
 * offer no fix for the same finding. The analysis assumes the installed httpx version.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { applyEdits } from '../../../server/src/core/fixes/fixAll';
import { analyzeText } from '../../helpers/engine';
import { collectFixCases, FIX_FIXTURES, type FixCase } from '../../helpers/fixFixtures';
import { assertEveryFixtureOffersFixes, assertFixIsStable, assertKeepsOrChangesConfiguration, targetRuns } from '../../helpers/fixAssertions';
import { installedHttpxVersion, runPythonScript } from '../../helpers/python';

type RunResult = {
  readonly compiles: boolean;
  readonly error?: string | null;
  readonly objects?: Readonly<Record<string, unknown>>;
  readonly sent?: readonly unknown[];
};

/** The pool settings run_config.py must find on httpcore's pool, else the comparison would be vacuous. */
const POOL_ATTRIBUTES = ['max_connections', 'max_keepalive_connections', 'keepalive_expiry', 'retries', 'http1', 'http2'];

/** Applies remaining PG201 fixes until none is left, so that a one-name fix leaves a runnable migration. */
async function completeMigration(text: string, options: AnalysisOptions): Promise<string> {
  let current = text;
  for (let round = 0; round < 8; round++) {
    const next = (await analyzeText(current, options)).findings.find((finding) => finding.code === 'PG201')?.fixes.find((fix) => fix.safe && fix.preferred);
    if (!next) return current;
    current = applyEdits(current, next.edits);
  }
  throw new Error(`PG201 fixes did not converge:\n${current}`);
}

/** True when `expected`'s keys all appear in `actual` with equal values, recursively. */
function assertSubset(actual: unknown, expected: unknown, path: string): void {
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path}: expected an object, got ${JSON.stringify(actual)}`);
    for (const [key, value] of Object.entries(expected)) assertSubset((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

function poolsIn(value: unknown): Record<string, unknown>[] {
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = record.type === 'ConnectionPool' || record.type === 'AsyncConnectionPool' ? [record] : [];
  return [...own, ...Object.values(record).flatMap(poolsIn)];
}

test('every fix on the fixtures keeps (or, if not safe, changes) the configuration the real httpx builds', async (t) => {
  const version = installedHttpxVersion();
  const options: AnalysisOptions = { versions: { httpx: version } };
  const cases = await collectFixCases(FIX_FIXTURES, options);

  await t.test('every fixture offers a fix for each rule it lists', () => assertEveryFixtureOffersFixes(FIX_FIXTURES, cases, `httpx ${version}`));

  // One run of the real library for everything: each original once, and each fixed text.
  const runnable = await Promise.all(cases.map(async (each) => (each.fixture.reference.kind === 'original' ? each.fixedText : completeMigration(each.fixedText, options))));
  const originals = FIX_FIXTURES.map((fixture) => ({ source: fixture.source, run: fixture.reference.kind === 'original' }));
  const output = runPythonScript<{ version: string; results: RunResult[] }>('run_config.py', [
    ...originals,
    ...cases.map((each) => ({ source: each.fixedText, run: false })),
    ...runnable.map((source) => ({ source, run: true })),
    ...targetRuns(cases),
  ]);
  assert.equal(output.version, version);
  const originalResult = (each: FixCase) => output.results[FIX_FIXTURES.indexOf(each.fixture)];
  const compiled = (index: number) => output.results[originals.length + index];
  const ran = (index: number) => output.results[originals.length + cases.length + index];
  const target = (index: number) => output.results[originals.length + 2 * cases.length + index];

  await t.test('every original the installed httpx can run builds objects with httpcore pool settings', () => {
    FIX_FIXTURES.forEach((fixture, index) => {
      const result = output.results[index];
      assert.equal(result.compiles, true, fixture.name);
      if (fixture.reference.kind !== 'original') return;
      assert.equal(result.error, null, `${fixture.name}: ${result.error}`);
      assert.ok(Object.keys(result.objects ?? {}).length > 0, `${fixture.name}: nothing to compare`);
      for (const pool of poolsIn(result)) for (const attribute of POOL_ATTRIBUTES) assert.ok(attribute in pool, `${fixture.name}: httpcore pool without ${attribute}`);
    });
    assert.ok(FIX_FIXTURES.some((fixture, index) => fixture.reference.kind === 'original' && poolsIn(output.results[index]).length > 0), 'no fixture reaches an httpcore pool');
  });

  for (const [index, each] of cases.entries()) {
    await t.test(each.label, async () => {
      assert.equal(compiled(index).compiles, true, `fixed text does not compile: ${compiled(index).error}\n${each.fixedText}`);
      const reference = each.fixture.reference;
      const result = ran(index);
      if (reference.kind === 'original') {
        const original = originalResult(each);
        assert.equal(result.error, null, `fixed text fails: ${result.error}\n${each.fixedText}`);
        assertKeepsOrChangesConfiguration(each, original, result, target(index));
      } else {
        // The original cannot run here; the expectation is the documented meaning of the old API: see `meaning`.
        assert.equal(result.error, null, `migrated text fails: ${result.error}\n${runnable[index]}`);
        assertSubset(result.objects, reference.expected, reference.meaning);
      }

      await assertFixIsStable(each, options);
    });
  }
});
