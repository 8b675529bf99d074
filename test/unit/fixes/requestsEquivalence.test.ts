/**
 * Every quick fix the core offers on requests and urllib3 snippets, applied alone and run under
 * the real requests and urllib3 of `/usr/bin/python3` (test/python/run_requests.py; requests are
 * answered in-process by a recorder in place of `HTTPConnectionPool.urlopen`). The expectation is
 * never written here: it is what the ORIGINAL text builds and sends with the real libraries
 * (sessions and their adapters, pools, Timeout and Retry objects, and each request's timeout,
 * retries and pool). A safe fix must reproduce it exactly; a fix offered as changing behaviour
 * must change it, into exactly the intended target stated here (PG301: the Timeout its title names;
 * PG403: the same pools, blocking). Every fixture must offer the fixes it lists at the installed versions, and a
 * second analysis of a fixed text offers no fix for the same finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { collectFixCases, type FixFixture, type FixTarget } from '../../helpers/fixFixtures';
import { assertEveryFixtureOffersFixes, assertFixIsStable, assertKeepsOrChangesConfiguration, fixRuns } from '../../helpers/fixAssertions';
import { runPythonScript } from '../../helpers/python';

type RunResult = { readonly compiles: boolean; readonly error?: string | null; readonly objects?: Record<string, unknown>; readonly sent?: readonly unknown[] };

/** A URL no request may reach: the recorder answers every request itself. */
const URL = '"http://pool-guide.invalid/"';
const ORIGINAL = { kind: 'original' } as const;
const fixture = (name: string, source: string, codes: string[], targets?: FixFixture['targets']): FixFixture => ({ name, source, codes, reference: ORIGINAL, targets });

/** The seconds a PG301 fix's title names (`Add \`timeout=10\` …`). */
function secondsNamed(title: string): string {
  const seconds = /`timeout=(\d+(?:\.\d+)?)`/.exec(title)?.[1];
  if (seconds === undefined) throw new Error(`no timeout named in "${title}"`);
  return seconds;
}

/** PG301's promise: each phase of the request (connecting, each read) waits at most the seconds the title names. */
const timeoutNamed = (request: (timeout: string) => string): FixTarget => ({
  meaning: 'the request sent with a urllib3 Timeout whose connect and read phases are the seconds the title names',
  source: (title) => request(`urllib3.Timeout(connect=${secondsNamed(title)}, read=${secondsNamed(title)})`),
});
/** PG403's promise: the same pools, blocking when full (a request waits for a free connection). */
const blocking = (source: string): FixTarget => ({ meaning: 'the same pools with block=True: a request waits for a free connection instead of opening one more', source: () => source });

const FIXTURES: readonly FixFixture[] = [
  // PG101: requests timeout tuples become urllib3.Timeout objects, in every import style.
  fixture('requests.get with a pair', `import requests\nr = requests.get(${URL}, timeout=(3, 27))\n`, ['PG101']),
  fixture('Session.post with a pair, urllib3 imported under an alias', `import requests\nimport urllib3 as u3\ns = requests.Session()\nr = s.post(${URL}, data=b"x", timeout=(0.5, 12.5))\n`, ['PG101']),
  fixture('Session.get with None as the read phase', `import requests\nwith requests.Session() as s:\n    r = s.get(${URL}, timeout=(2, None))\n`, ['PG101']),
  fixture('request() with Timeout imported from urllib3.util', `import requests\nfrom urllib3.util import Timeout\nr = requests.request("GET", ${URL}, timeout=(4, 8))\nt = Timeout(total=1)\n`, ['PG101']),
  // PG102: positional arguments by the installed versions' order.
  fixture('HTTPAdapter(10, 20) mounted', `import requests\nfrom requests.adapters import HTTPAdapter\ns = requests.Session()\ns.mount("http://", HTTPAdapter(10, 20))\nr = s.get(${URL}, timeout=5)\n`, ['PG102', 'PG403'], {
    PG403: blocking(`import requests\nfrom requests.adapters import HTTPAdapter\ns = requests.Session()\ns.mount("http://", HTTPAdapter(pool_connections=10, pool_maxsize=20, pool_block=True))\nr = s.get(${URL}, timeout=5)\n`),
  }),
  fixture('HTTPAdapter with every argument by position', `import requests\na = requests.adapters.HTTPAdapter(3, 4, 2, True)\n`, ['PG102']),
  fixture('a subclass keeping HTTPAdapter\'s constructor', `from requests.adapters import HTTPAdapter\nclass Plain(HTTPAdapter):\n    pass\na = Plain(5, 6, 1)\n`, ['PG102']),
  fixture('HTTPAdapter with a Retry whose 10th position changed in urllib3 2.0', `from requests.adapters import HTTPAdapter\nfrom urllib3.util.retry import Retry\na = HTTPAdapter(max_retries=Retry(3, 2, 1, 4, 5, 0, None, None, 0.5, False))\n`, ['PG102']),
  fixture('urllib3.Timeout(5, 10)', `import urllib3\nt = urllib3.Timeout(5, 10)\nu = urllib3.Timeout(1, 2, 3)\n`, ['PG102']),
  fixture('PoolManager with num_pools and headers by position', `import urllib3\nh = urllib3.PoolManager(4, {"X-Test": "1"}, timeout=3.0)\nr = h.request("GET", ${URL})\n`, ['PG102']),
  fixture('HTTPConnectionPool by position, with a request', `import urllib3\np = urllib3.HTTPConnectionPool("pool-guide.invalid", 80, False, 5)\nr = p.request("GET", "/")\n`, ['PG102']),
  fixture('HTTPSConnectionPool with maxsize and block by position', `import urllib3\np = urllib3.HTTPSConnectionPool("pool-guide.invalid", 443, False, 2.5, 4, True)\n`, ['PG102']),
  // Fixes that change behaviour (PG301, PG403): they must change what is built or sent.
  fixture('Session.get without a timeout', `import requests\ns = requests.Session()\nr = s.get(${URL})\n`, ['PG301'], {
    PG301: timeoutNamed((timeout) => `import requests\nimport urllib3\ns = requests.Session()\nr = s.get(${URL}, timeout=${timeout})\n`),
  }),
  fixture('PoolManager request without a timeout', `import urllib3\nh = urllib3.PoolManager()\nr = h.request("GET", ${URL})\n`, ['PG301'], {
    PG301: timeoutNamed((timeout) => `import urllib3\nh = urllib3.PoolManager()\nr = h.request("GET", ${URL}, timeout=${timeout})\n`),
  }),
  fixture('PoolManager maxsize without block', `import urllib3\nh = urllib3.PoolManager(maxsize=20, timeout=2.0)\n`, ['PG403'], {
    PG403: blocking('import urllib3\nh = urllib3.PoolManager(maxsize=20, timeout=2.0, block=True)\n'),
  }),
];

test('every fix on the requests/urllib3 fixtures keeps (or, if not safe, changes) what the real libraries build and send', async (t) => {
  const installed = runPythonScript<{ versions: Record<string, string> }>('run_requests.py', []).versions;
  const options: AnalysisOptions = { versions: installed };
  const cases = await collectFixCases(FIXTURES, options);

  await t.test('every fixture offers a fix for each rule it lists', () => assertEveryFixtureOffersFixes(FIXTURES, cases, JSON.stringify(installed)));

  const { runs, originalAt, fixedAt, targetAt } = fixRuns(FIXTURES, cases);
  const output = runPythonScript<{ results: RunResult[] }>('run_requests.py', runs);
  const original = (index: number) => output.results[index];
  const ran = (index: number) => output.results[fixedAt(index)];
  const target = (index: number) => output.results[targetAt(index)];

  await t.test('every original runs and builds or sends something to compare', () => {
    FIXTURES.forEach((each, index) => {
      assert.equal(original(index).error, null, `${each.name}: ${original(index).error}`);
      assert.ok(Object.keys(original(index).objects ?? {}).length + (original(index).sent?.length ?? 0) > 0, `${each.name}: nothing to compare`);
    });
  });

  for (const [index, each] of cases.entries()) {
    await t.test(each.label, async () => {
      const before = output.results[originalAt(each)];
      const after = ran(index);
      assert.equal(after.error, null, `fixed text fails: ${after.error}\n${each.fixedText}`);
      assertKeepsOrChangesConfiguration(each, before, after, target(index));

      await assertFixIsStable(each, options);
    });
  }
});
