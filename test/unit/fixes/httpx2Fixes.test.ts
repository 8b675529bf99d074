/**
 * httpx2 fixes, by text only: httpx2 is not importable on the Debian machines, so its fixes cannot
 * run. httpx2 keeps httpx 0.28.1's pool and timeout API, so on every fixture that runs under httpx
 * (PG101, PG102, PG304; PG201's names never existed in httpx2) written for httpx2 — `import httpx2
 * as httpx`, `import httpx2 as hx`, `from httpx2 import …` — the core must offer exactly the fixes it
 * offers for httpx 0.28.1, and each fixed text must compile under /usr/bin/python3.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpx } from '../../../server/src/catalog/httpx';
import { asHttpx2, collectFixCases, FIX_FIXTURES } from '../../helpers/fixFixtures';
import { runPythonScript } from '../../helpers/python';

const RUNNABLE = FIX_FIXTURES.filter((fixture) => fixture.reference.kind === 'original');

test('the httpx2 variants really import httpx2', () => {
  assert.ok(RUNNABLE.length > 0);
  for (const fixture of RUNNABLE) assert.match(asHttpx2(fixture.source), /^(import httpx2( as \w+)?|from httpx2 import .+)$/m, fixture.name);
});

test('httpx2 gets the same fixes as httpx 0.28.1, and they compile', async () => {
  const httpxCases = await collectFixCases(RUNNABLE, { versions: { httpx: httpx.newestVersion } });
  const httpx2Cases = await collectFixCases(RUNNABLE.map((fixture) => ({ ...fixture, source: asHttpx2(fixture.source) })), {});
  const describe = (cases: typeof httpxCases, transform: (text: string) => string) =>
    cases.map((each) => `${each.fixture.name} ${each.finding.code} safe=${each.fix.safe}\n${transform(each.fixedText)}`).sort();
  const expected = describe(httpxCases, asHttpx2);
  assert.ok(expected.length >= RUNNABLE.length);
  assert.deepEqual(describe(httpx2Cases, (text) => text), expected);

  const compiled = runPythonScript<{ results: { compiles: boolean; error?: string }[] }>('run_config.py', httpx2Cases.map((each) => ({ source: each.fixedText, run: false })));
  compiled.results.forEach((result, index) => assert.equal(result.compiles, true, `${httpx2Cases[index].label}: ${result.error}`));
});
