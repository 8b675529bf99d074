/**
 * PG102 on botocore's `Config(...)` positional arguments: the keyword fix, applied alone, runs under
 * Debian's botocore of `/usr/bin/python3` (botocore_run_config.py) and must build exactly the Config
 * the original builds (every option of OPTION_DEFAULTS, and which were given), alone and inside
 * `boto3.client(...)`. The analysis uses the installed botocore version, whose positional order is
 * the one before 1.30.0; the expected Configs are never written here, only run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { collectFixCases, type FixFixture } from '../../helpers/fixFixtures';
import { assertEveryFixtureOffersFixes, assertFixIsStable, assertKeepsOrChangesConfiguration, fixRuns } from '../../helpers/fixAssertions';
import { runPythonScript } from '../../helpers/python';

type RunResult = { readonly compiles: boolean; readonly error?: string | null; readonly objects?: Readonly<Record<string, unknown>>; readonly sent?: readonly unknown[] };
type RunOutput = { readonly version: string; readonly results: readonly RunResult[] };

const ORIGINAL = { kind: 'original' } as const;
const FIXTURES: readonly FixFixture[] = [
  { name: 'Config with timeouts by position', source: 'from botocore.config import Config\nc = Config("us-west-2", None, None, None, 10, 120)\n', codes: ['PG102'], reference: ORIGINAL },
  { name: 'Config through a module alias, pool size by position', source: 'import botocore.config as bc\nc = bc.Config("eu-west-1", "s3v4", None, None, 5, 30, True, 50)\n', codes: ['PG102'], reference: ORIGINAL },
  {
    name: 'Config by position inside boto3.client',
    source: 'import boto3\nfrom botocore.config import Config\ns3 = boto3.client("s3", region_name="us-east-1", config=Config("us-east-1", None, None, None, 3, 9))\n',
    codes: ['PG102'],
    reference: ORIGINAL,
  },
];

test('the keyword fix of a positional botocore Config builds the same Config with the real botocore', async (t) => {
  const { version } = runPythonScript<RunOutput>('botocore_run_config.py', []);
  const options: AnalysisOptions = { versions: { botocore: version } };
  const cases = await collectFixCases(FIXTURES, options);

  await t.test('every fixture offers a fix for each rule it lists', () => assertEveryFixtureOffersFixes(FIXTURES, cases, `botocore ${version}`));

  const { runs, originalAt, fixedAt, targetAt } = fixRuns(FIXTURES, cases);
  const output = runPythonScript<RunOutput>('botocore_run_config.py', runs);
  assert.equal(output.version, version);

  await t.test('every original runs and builds a Config to compare', () => {
    FIXTURES.forEach((fixture, index) => {
      const result = output.results[index];
      assert.equal(result.error, null, `${fixture.name}: ${result.error}`);
      assert.ok(Object.keys(result.objects ?? {}).length > 0, `${fixture.name}: nothing to compare`);
    });
  });

  for (const [index, each] of cases.entries()) {
    await t.test(each.label, async () => {
      const result = output.results[fixedAt(index)];
      assert.equal(result.error, null, `fixed text fails: ${result.error}\n${each.fixedText}`);
      assertKeepsOrChangesConfiguration(each, output.results[originalAt(each)], result, output.results[targetAt(index)]);
      await assertFixIsStable(each, options);
    });
  }
});
