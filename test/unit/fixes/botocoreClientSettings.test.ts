/**
 * What a boto3 client's card says it runs with — the connect timeout (a `defaults_mode` preset
 * included) and the retry mode and attempts in all — against what Debian's botocore of
 * `/usr/bin/python3` builds: `client.meta.config` and the retry handler it registers
 * (botocore_run_config.py, no AWS file, no environment, no network). Every shape of the issue:
 * `boto3.client`, `Session().client`, `Session().resource`, a Config through a name, `Config.merge`,
 * no Config at all, each preset. The expected values are never written here, only run.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { retriesOfClient } from '../../../server/src/core/config/retries';
import { analyzeText } from '../../helpers/engine';
import { runPythonScript } from '../../helpers/python';

type Runs = { readonly connect_timeout: number; readonly mode: string; readonly attempts: number };
type RunOutput = { readonly version: string; readonly results: readonly { readonly error?: string | null; readonly objects?: Readonly<Record<string, { readonly runs?: Runs }>> }[] };

const HEAD = 'import boto3\nfrom botocore.config import Config\n';
const R = 'region_name="us-east-1"';
/** Each text builds one client named `client`; the last boto3 client or resource call is the one the card describes. */
const FIXTURES: readonly { readonly name: string; readonly source: string }[] = [
  { name: 'no Config (s3)', source: `client = boto3.client("s3", ${R})\n` },
  { name: 'no Config (dynamodb: its own legacy attempts)', source: `client = boto3.client("dynamodb", ${R})\n` },
  { name: 'standard mode, max_attempts counts retries', source: `client = boto3.client("s3", ${R}, config=Config(retries={"mode": "standard", "max_attempts": 5}))\n` },
  { name: 'max_attempts alone keeps the legacy mode', source: `client = boto3.client("dynamodb", ${R}, config=Config(retries={"max_attempts": 2}))\n` },
  { name: 'total_max_attempts wins over max_attempts', source: `cfg = Config(retries={"total_max_attempts": 4, "max_attempts": 9})\nclient = boto3.Session().client("s3", ${R}, config=cfg)\n` },
  { name: 'Session().resource with adaptive mode', source: `s = boto3.Session(${R})\nr = s.resource("s3", config=Config(retries={"mode": "adaptive"}))\nclient = r.meta.client\n` },
  { name: 'merge replaces the whole retries dict', source: `base = Config(retries={"max_attempts": 7})\nclient = boto3.client("s3", ${R}, config=base.merge(Config(retries={"mode": "adaptive"})))\n` },
  { name: "defaults_mode='standard'", source: `client = boto3.client("s3", ${R}, config=Config(defaults_mode="standard"))\n` },
  { name: "defaults_mode='in-region' under an explicit connect_timeout", source: `client = boto3.client("s3", ${R}, config=Config(defaults_mode="in-region", connect_timeout=7))\n` },
  { name: "defaults_mode='mobile' through a name", source: `cfg = Config(defaults_mode="mobile")\nclient = boto3.client("dynamodb", ${R}, config=cfg)\n` },
  { name: "defaults_mode='cross-region' with an explicit legacy mode", source: `client = boto3.client("s3", ${R}, config=Config(defaults_mode="cross-region", retries={"mode": "legacy", "max_attempts": 2}))\n` },
  { name: "defaults_mode='legacy'", source: `client = boto3.client("s3", ${R}, config=Config(defaults_mode="legacy"))\n` },
  { name: 'a merged-in preset replaces a default', source: `client = boto3.client("s3", ${R}, config=Config(read_timeout=5).merge(Config(defaults_mode="standard")))\n` },
  { name: 'a merged-in preset keeps a given connect_timeout', source: `client = boto3.client("s3", ${R}, config=Config(connect_timeout=9).merge(Config(defaults_mode="mobile")))\n` },
  { name: "defaults_mode='auto' (chosen at run time)", source: `client = boto3.client("s3", ${R}, config=Config(defaults_mode="auto"))\n` },
];

test('the connect timeout, retry mode and attempts on a boto3 client card are what the real botocore client runs with', async (t) => {
  const output = runPythonScript<RunOutput>('botocore_run_config.py', FIXTURES.map((fixture) => ({ source: HEAD + fixture.source, run: true })));
  const options: AnalysisOptions = { versions: { botocore: output.version, boto3: '1.26.27' } };
  for (const [index, fixture] of FIXTURES.entries()) {
    await t.test(fixture.name, async () => {
      const result = output.results[index];
      assert.equal(result.error, null, `${fixture.name}: ${result.error}`);
      const runs = result.objects?.client?.runs;
      assert.ok(runs, `${fixture.name}: no client built`);
      const analysis = await analyzeText(HEAD + fixture.source, options);
      const call = analysis.calls.filter((candidate) => candidate.library.id === 'boto3' && candidate.callable.kind === 'client').at(-1);
      assert.ok(call, `${fixture.name}: no boto3 client call bound`);
      const [config] = analysis.configs.ofCall(call);
      const connect = config.fields.find((field) => field.field.name === 'connect_timeout')!;
      const retries = retriesOfClient(call, 'config', config.config)!;
      assert.equal(retries.mode.value, runs.mode, `${fixture.name}: mode`);
      assert.equal(retries.attempts.value, runs.attempts, `${fixture.name}: attempts`);
      if (connect.value !== undefined) assert.equal(connect.value, runs.connect_timeout, `${fixture.name}: connect_timeout`);
      else {
        // Only 'auto' leaves the connect timeout open: the card names the candidates, and the run picks one of them.
        assert.equal(connect.origin.kind, 'unknown');
        const candidates = [...(connect.origin.kind === 'unknown' ? connect.origin.reason : '').matchAll(/ (\d+(?:\.\d+)?) s/g)].map((match) => Number(match[1]));
        assert.ok(candidates.length >= 2 && candidates.includes(runs.connect_timeout), `${fixture.name}: ${runs.connect_timeout} not among ${candidates.join(', ')}`);
      }
    });
  }
});
