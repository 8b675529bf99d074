/**
 * PG404's fix under Debian's httpx of `/usr/bin/python3`: the original (an SDK client given a plain
 * httpx client) and the fixed text (the SDK's `DefaultHttpxClient(...)` with the same arguments) run
 * with the real httpx, and the client each ends up sending through must differ exactly where the
 * fix's title says — the pool limits and redirects become the SDK's — and nowhere else: the
 * arguments kept, the timeout the SDK runs with unchanged. The SDKs themselves are not installable
 * here, so the test puts stand-ins for `openai` and `anthropic` in front of each text, written from
 * the catalog's facts at the analysed version (the default client's limits, redirects and timeout,
 * and the SDK's rule for the timeout of a passed client); nothing else is modelled.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIBRARIES } from '../../../server/src/catalog';
import { isInRange, omittedFieldsAt, versionedFieldsAt } from '../../../server/src/catalog/versions';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { collectFixCases, type FixFixture } from '../../helpers/fixFixtures';
import { assertFixIsStable } from '../../helpers/fixAssertions';
import { installedHttpxVersion, runPythonScript } from '../../helpers/python';

type Described = Readonly<Record<string, unknown>>;
type RunOutput = { readonly results: readonly { readonly error?: string | null; readonly objects?: Readonly<Record<string, Described>> }[] };

const VERSIONS = { openai: '2.54.0', anthropic: '0.121.0' } as const;
const ORIGINAL = { kind: 'original' } as const;

/** Python that installs a stand-in module for one SDK, from the catalog's facts at the analysed version. */
function standIn(id: keyof typeof VERSIONS): string {
  const version = VERSIONS[id];
  const library = LIBRARIES.find((candidate) => candidate.id === id)!;
  const client = library.callables.find((callable) => callable.kind === 'client' && callable.wrapsClient)!;
  const spec = client.wrapsClient!;
  const timeoutParam = client.params.find((param) => param.name === 'timeout')!;
  const timeout = JSON.stringify(omittedFieldsAt(timeoutParam, version));
  const underlying = JSON.stringify(versionedFieldsAt(timeoutParam.fromWrappedClientUnless!, version));
  const limits = JSON.stringify(versionedFieldsAt(spec.limits.sdkDefault, version));
  const redirects = spec.redirects.sdkDefault.find((entry) => isInRange(version, entry.versions))!.default;
  const clients = library.callables.filter((callable) => callable.wrapsClient).map((callable) => callable.name);
  return [
    `def _stand_in(name, timeout, underlying, limits, redirects, clients):`,
    `    module = types.ModuleType(name)`,
    `    def default(base):`,
    `        class Default(base):`,
    `            def __init__(self, **kwargs):`,
    `                kwargs.setdefault("timeout", httpx.Timeout(**timeout))`,
    `                kwargs.setdefault("limits", httpx.Limits(**limits))`,
    `                kwargs.setdefault("follow_redirects", redirects)`,
    `                super().__init__(**kwargs)`,
    `        return Default`,
    `    module.${spec.defaultClient} = default(httpx.Client)`,
    `    module.DefaultAsyncHttpxClient = default(httpx.AsyncClient)`,
    `    def sdk_client(*, http_client=None, **options):`,
    `        client = http_client or module.${spec.defaultClient}()`,
    `        kept = http_client is not None and client.timeout != httpx.Timeout(**underlying)`,
    `        client.timeout = client.timeout if kept else httpx.Timeout(**timeout)`,
    `        return client`,
    `    for each in clients:`,
    `        setattr(module, each, sdk_client)`,
    `    sys.modules[name] = module`,
    `_stand_in("${id}", ${timeout}, ${underlying}, ${limits}, ${redirects}, ${JSON.stringify(clients)})`,
  ].join('\n');
}

const PRELUDE = ['import sys', 'import types', 'import httpx', standIn('openai'), standIn('anthropic'), ''].join('\n');

const FIXTURES: readonly FixFixture[] = [
  { name: 'OpenAI with a plain client and a timeout', source: 'import httpx\nimport openai\nc = openai.OpenAI(http_client=httpx.Client(timeout=30, headers={"x-team": "a"}))\n', codes: ['PG404'], reference: ORIGINAL },
  { name: 'OpenAI with a bare plain client (the SDK keeps its own timeout)', source: 'import httpx\nfrom openai import OpenAI\nc = OpenAI(http_client=httpx.Client())\n', codes: ['PG404'], reference: ORIGINAL },
  { name: 'AsyncOpenAI through a module alias', source: 'import httpx\nimport openai as oa\nc = oa.AsyncOpenAI(http_client=httpx.AsyncClient(verify=False))\n', codes: ['PG404'], reference: ORIGINAL },
  { name: 'Anthropic with proxies', source: 'import httpx\nimport anthropic\nc = anthropic.Anthropic(http_client=httpx.Client(proxies="http://proxy.invalid:8080", timeout=12.5))\n', codes: ['PG404'], reference: ORIGINAL },
];

/** The paths where two described clients differ. */
function differences(left: unknown, right: unknown, path = ''): string[] {
  if (typeof left === 'object' && left !== null && typeof right === 'object' && right !== null) {
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].flatMap((key) => differences((left as Described)[key], (right as Described)[key], path ? `${path}.${key}` : key));
  }
  return left === right ? [] : [path];
}

test("PG404's fix changes only the pool limits and redirects of the client the SDK sends through, with the real httpx", async (t) => {
  const options: AnalysisOptions = { versions: { ...VERSIONS, httpx: installedHttpxVersion() } };
  const cases = await collectFixCases(FIXTURES, options);
  for (const fixture of FIXTURES) assert.ok(cases.some((each) => each.fixture === fixture && each.finding.code === 'PG404'), `${fixture.name}: no PG404 fix`);
  const texts = [...FIXTURES.map((fixture) => fixture.source), ...cases.map((each) => each.fixedText)];
  const output = runPythonScript<RunOutput>('run_config.py', texts.map((text) => ({ source: PRELUDE + text, run: true })));

  for (const [index, each] of cases.entries()) {
    await t.test(each.label, async () => {
      const original = output.results[FIXTURES.indexOf(each.fixture)];
      const fixed = output.results[FIXTURES.length + index];
      assert.equal(original.error, null, `original fails: ${original.error}`);
      assert.equal(fixed.error, null, `fixed text fails: ${fixed.error}\n${each.fixedText}`);
      assert.equal(each.fix.safe, false);
      const changed = differences(original.objects?.c, fixed.objects?.c);
      assert.ok(changed.length > 0, `the fix builds the same client:\n${each.fixedText}`);
      // `type` names the class: the SDK's default client is a subclass of the plain one.
      const allowed = /^(type|follow_redirects|transport\.pool\.(max_connections|max_keepalive_connections))$/;
      assert.deepEqual(changed.filter((path) => !allowed.test(path)), [], `the fix changes more than the pool and redirects:\n${each.fixedText}`);
      assert.equal((fixed.objects?.c as { follow_redirects?: boolean }).follow_redirects, true);
      await assertFixIsStable(each, options);
    });
  }
});
