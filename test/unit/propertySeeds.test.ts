/**
 * The seed helper of the property tests: a fixed seed unless the environment asks otherwise, runs
 * multiplied for fuzzing with a random seed, and a failure that names the seed replaying it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assertProperty, FIXED_SEED, propertySettings } from '../helpers/seed';

test('normal runs use the fixed seed and the runs asked for; the environment overrides both', () => {
  assert.deepEqual(propertySettings(60, {}), { seed: FIXED_SEED, numRuns: 60 });
  assert.deepEqual(propertySettings(60, { POOL_GUIDE_SEED: '-42' }), { seed: -42, numRuns: 60 });
  assert.deepEqual(propertySettings(60, { POOL_GUIDE_SEED: '7', POOL_GUIDE_FUZZ_RUNS: '25' }), { seed: 7, numRuns: 1500 });
  const fuzzed = new Set(Array.from({ length: 5 }, () => propertySettings(60, { POOL_GUIDE_FUZZ_RUNS: '25' }).seed));
  assert.ok(fuzzed.size > 1, 'fuzzing draws random seeds');
  assert.throws(() => propertySettings(1, { POOL_GUIDE_SEED: 'abc' }), /POOL_GUIDE_SEED must be an integer/);
  assert.throws(() => propertySettings(1, { POOL_GUIDE_FUZZ_RUNS: '0' }), /POOL_GUIDE_FUZZ_RUNS must be a positive number/);
});

test('a failing property names its seed, and the same seed finds the same counterexample', async () => {
  const failing = () => fc.property(fc.integer(), (value) => value % 7 !== 3);
  const messageOf = async () => {
    try {
      await assertProperty(failing(), 200, {});
    } catch (error) {
      return (error as Error).message;
    }
    return 'passed';
  };
  const first = await messageOf();
  assert.match(first, new RegExp(`^Property failed with seed ${FIXED_SEED} \\(replay: POOL_GUIDE_SEED=${FIXED_SEED} POOL_GUIDE_FUZZ_RUNS=1\\)`));
  assert.equal(await messageOf(), first);
});
