/**
 * The aiohttp catalog against the real library that `/usr/bin/python3` imports (Debian's
 * python3-aiohttp): at the installed version, positional orders are the real
 * positional-or-keyword order, keyword-only parameters are keyword-only, literal defaults have the
 * real repr and sentinel defaults are aiohttp's sentinel, the session default timeout and default
 * connector are the real ones, and names the catalog says are absent are absent. A request
 * method's `timeout=` goes through `**kwargs` to `ClientSession._request`, where it is checked.
 * Without aiohttp this fails, never skips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aiohttp } from '../../../server/src/catalog/aiohttp';
import type { CallableSpec, ParamSpec } from '../../../server/src/catalog/schema';
import { clientDefaultAt, defaultAt, nameStatusAt, omittedFieldsAt, positionalNamesAt } from '../../../server/src/catalog/versions';
import { runPythonScript } from '../../helpers/python';

type RealParam = {
  readonly name: string;
  readonly kind: 'POSITIONAL_ONLY' | 'POSITIONAL_OR_KEYWORD' | 'VAR_POSITIONAL' | 'KEYWORD_ONLY' | 'VAR_KEYWORD';
  readonly has_default: boolean;
  readonly default_repr?: string;
  readonly default_is_sentinel?: boolean;
};
type Real = {
  readonly version: string;
  readonly callables: Readonly<Record<string, readonly RealParam[] | null>>;
  readonly default_timeout: Readonly<Record<string, number | null>> | null;
  readonly default_connector: Readonly<Record<string, number | null>>;
};

const REQUEST = 'ClientSession._request';
const scriptName = (callable: CallableSpec) => (callable.receiver ? `${callable.receiver}.${callable.name}` : callable.name);

let cached: Real | undefined;
function real(): Real {
  cached ??= runPythonScript<Real>('aiohttp_signatures.py', [...aiohttp.callables.map(scriptName), REQUEST]);
  return cached;
}

const present = (since: string | undefined, lifecycle: ParamSpec['lifecycle'], version: string) => ['current', 'deprecated'].includes(nameStatusAt(version, since, lifecycle));

test('the installed aiohttp is a release the catalog knows', () => {
  assert.ok(aiohttp.releases.includes(real().version), `aiohttp ${real().version} is not in the catalog's releases`);
});

for (const callable of aiohttp.callables) {
  const label = `aiohttp.${scriptName(callable)}`;

  test(`${label}: positional order, keyword-only parameters and presence match the installed aiohttp`, () => {
    const { version, callables } = real();
    const signature = callables[scriptName(callable)];
    assert.equal(signature !== null, present(callable.since, callable.lifecycle, version), `${label} at ${version}`);
    if (!signature) return;
    const positional = positionalNamesAt(callable, version);
    const realPositional = signature.filter((param) => param.kind === 'POSITIONAL_OR_KEYWORD' || param.kind === 'POSITIONAL_ONLY').map((param) => param.name);
    assert.deepEqual(realPositional, [...positional], `positional order of ${label} ${version}`);
    // A method takes its options through **kwargs, on to ClientSession._request.
    const keywords = callable.receiver ? callables[REQUEST]! : signature;
    if (callable.receiver) assert.ok(signature.some((param) => param.kind === 'VAR_KEYWORD'), `${label} takes **kwargs`);
    for (const param of callable.params) {
      const realParam: RealParam | undefined = (positional.includes(param.name) ? signature : keywords).find((candidate) => candidate.name === param.name);
      if (!present(param.since, param.lifecycle, version)) {
        assert.equal(realParam, undefined, `${param.name}= is ${nameStatusAt(version, param.since, param.lifecycle)} at ${version} in the catalog, but aiohttp has it`);
        continue;
      }
      assert.ok(realParam, `${label}(${param.name}=) exists at ${version} in the catalog, but not in aiohttp`);
      if (!positional.includes(param.name)) assert.equal(realParam.kind, 'KEYWORD_ONLY', `${label}(${param.name}=) is keyword-only in the catalog`);
    }
  });

  test(`${label}: defaults match the installed aiohttp`, () => {
    const { version, callables } = real();
    const signature = callables[scriptName(callable)];
    if (!signature) return assert.equal(present(callable.since, callable.lifecycle, version), false);
    let compared = 0;
    for (const param of callable.params.filter((candidate) => present(candidate.since, candidate.lifecycle, version))) {
      const realParam: RealParam = [...signature, ...(callable.receiver ? callables[REQUEST]! : [])].find((candidate) => candidate.name === param.name)!;
      const written = defaultAt(param, version);
      const what = `${label}(${param.name}=) at ${version}, catalog default ${written}`;
      if (written === '(required)') assert.equal(realParam.has_default, false, what);
      else if (written === 'sentinel') assert.equal(realParam.default_is_sentinel, true, what);
      else assert.equal(realParam.default_repr, written, what);
      compared++;
    }
    assert.ok(compared > 0, `no default of ${label} compared`);
  });
}

test('what an omitted timeout= / connector= stands for is the real DEFAULT_TIMEOUT and default connector', () => {
  const { version, default_timeout, default_connector } = real();
  let compared = 0;
  for (const callable of aiohttp.callables) {
    for (const param of callable.params) {
      const omitted = omittedFieldsAt(param, version);
      if (!omitted) continue;
      const expected = param.config === 'aiohttp.ClientTimeout' ? default_timeout : default_connector;
      assert.ok(expected, `no real default for ${callable.name}(${param.name}=)`);
      assert.deepEqual(Object.fromEntries(Object.keys(omitted).map((field) => [field, expected[field]])), omitted, `${callable.name}(${param.name}=) at ${version}`);
      compared++;
    }
  }
  assert.ok(compared >= 3, 'session timeout, session connector and aiohttp.request compared');
  const keepalive = aiohttp.callables.find((callable) => callable.name === 'TCPConnector')!.params.find((param) => param.name === 'keepalive_timeout')!;
  assert.equal(keepalive.effectiveDefault?.value, default_connector.keepalive_timeout);
});

test('every ClientTimeout field has the real session default as its client default at the installed version', () => {
  const { version, default_timeout } = real();
  const timeout = aiohttp.callables.find((callable) => callable.name === 'ClientTimeout')!;
  const config = aiohttp.configs.find((candidate) => candidate.id === 'aiohttp.ClientTimeout')!;
  for (const field of config.fields) {
    const param = timeout.params.find((candidate) => candidate.name === field.name)!;
    assert.equal(clientDefaultAt(param, version), default_timeout?.[field.name], `${field.name} at ${version}`);
  }
});
