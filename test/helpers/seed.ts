/**
 * Every fast-check property of the suite runs through `assertProperty`: with a fixed seed in normal
 * runs, so that `npm test` gives the same verdict every time, and with the seed named on failure.
 * For exploration, `POOL_GUIDE_SEED=<integer>` replays a seed and `POOL_GUIDE_FUZZ_RUNS=<factor>`
 * multiplies every property's runs and, unless a seed is given, draws a random one
 * (`npm run test:fuzz` runs them at 25×). A counterexample found that way becomes a named test.
 */
import { randomInt } from 'node:crypto';
import fc from 'fast-check';

/** The seed of normal runs. */
export const FIXED_SEED = 20_261_203;

/** The seed and the number of runs of a property that asks for `numRuns` runs in a normal run. */
export function propertySettings(numRuns: number, env: NodeJS.ProcessEnv = process.env): { seed: number; numRuns: number } {
  const factor = Number(env.POOL_GUIDE_FUZZ_RUNS ?? 1);
  if (!Number.isFinite(factor) || factor <= 0) throw new Error(`POOL_GUIDE_FUZZ_RUNS must be a positive number, not ${JSON.stringify(env.POOL_GUIDE_FUZZ_RUNS)}`);
  const given = env.POOL_GUIDE_SEED;
  if (given !== undefined && !/^-?\d+$/.test(given)) throw new Error(`POOL_GUIDE_SEED must be an integer, not ${JSON.stringify(given)}`);
  const seed = given !== undefined ? Number(given) : factor > 1 ? randomInt(2 ** 31) : FIXED_SEED;
  return { seed, numRuns: Math.ceil(numRuns * factor) };
}

/** Checks `property` (sync or async) over `numRuns` runs; a failure names the seed that replays it. */
export async function assertProperty<Ts>(property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, numRuns: number, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { seed, numRuns: runs } = propertySettings(numRuns, env);
  try {
    await fc.assert(property, { seed, numRuns: runs });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Property failed with seed ${seed} (replay: POOL_GUIDE_SEED=${seed} POOL_GUIDE_FUZZ_RUNS=${runs / numRuns}).\n${message}`, { cause: error });
  }
}
