/**
 * Every quick fix the core offers on the aiohttp fixtures (test/helpers/aiohttpFixFixtures.ts),
 * applied alone and run under the real aiohttp of `/usr/bin/python3` (aiohttp_run_config.py: no
 * request is sent). The expected configuration is never written here: it is what the ORIGINAL text
 * builds with the real library (ClientTimeout fields, a session's timeout and connector limits,
 * each request's timeout=), and a safe fix must build exactly that; a fix offered as not safe must
 * change it, into exactly the intended target its fixture states. Every fixed text must compile, and a second analysis of it must offer no fix for the
 * same finding. The analysis assumes the installed aiohttp version.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { AIOHTTP_FIX_FIXTURES } from '../../helpers/aiohttpFixFixtures';
import { collectFixCases } from '../../helpers/fixFixtures';
import { assertEveryFixtureOffersFixes, assertFixIsStable, assertKeepsOrChangesConfiguration, fixRuns } from '../../helpers/fixAssertions';
import { runPythonScript } from '../../helpers/python';

type RunResult = {
  readonly compiles: boolean;
  readonly error?: string | null;
  readonly objects?: Readonly<Record<string, unknown>>;
  readonly sent?: readonly unknown[];
};
type RunOutput = { readonly version: string; readonly results: readonly RunResult[] };

test('every fix on the aiohttp fixtures keeps (or, if not safe, changes) what the real aiohttp builds', async (t) => {
  const { version } = runPythonScript<RunOutput>('aiohttp_run_config.py', []);
  const options: AnalysisOptions = { versions: { aiohttp: version } };
  const cases = await collectFixCases(AIOHTTP_FIX_FIXTURES, options);

  await t.test('every fixture offers a fix for each rule it lists', () => assertEveryFixtureOffersFixes(AIOHTTP_FIX_FIXTURES, cases, `aiohttp ${version}`));

  const { runs, originalAt, fixedAt, targetAt } = fixRuns(AIOHTTP_FIX_FIXTURES, cases);
  const output = runPythonScript<RunOutput>('aiohttp_run_config.py', runs);
  assert.equal(output.version, version);
  const original = (index: number) => output.results[originalAt(cases[index])];
  const ran = (index: number) => output.results[fixedAt(index)];
  const target = (index: number) => output.results[targetAt(index)];

  await t.test('every original runs and builds aiohttp objects to compare', () => {
    AIOHTTP_FIX_FIXTURES.forEach((fixture, index) => {
      const result = output.results[index];
      assert.equal(result.error, null, `${fixture.name}: ${result.error}`);
      assert.ok(Object.keys(result.objects ?? {}).length > 0, `${fixture.name}: nothing to compare`);
    });
  });

  for (const [index, each] of cases.entries()) {
    await t.test(each.label, async () => {
      const result = ran(index);
      assert.equal(result.compiles, true, `fixed text does not compile: ${result.error}\n${each.fixedText}`);
      assert.equal(result.error, null, `fixed text fails: ${result.error}\n${each.fixedText}`);
      assertKeepsOrChangesConfiguration(each, original(index), result, target(index));

      await assertFixIsStable(each, options);
    });
  }
});
