/**
 * The httpx catalog against the real library that `/usr/bin/python3` imports (Debian's
 * python3-httpx): at the installed version, the catalog's positional order is the real
 * positional-or-keyword order, keyword-only parameters are keyword-only, literal defaults have the
 * real repr, config defaults (DEFAULT_LIMITS, DEFAULT_TIMEOUT_CONFIG) have the real objects' fields,
 * and removed or not-yet-added names are really absent. Without httpx this fails, never skips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpx } from '../../../server/src/catalog/httpx';
import type { CallableSpec, ParamSpec } from '../../../server/src/catalog/schema';
import { defaultAt, nameStatusAt, omittedFieldsAt, positionalNamesAt } from '../../../server/src/catalog/versions';
import { runPythonScript } from '../../helpers/python';

type RealParam = {
  readonly name: string;
  readonly kind: 'POSITIONAL_ONLY' | 'POSITIONAL_OR_KEYWORD' | 'VAR_POSITIONAL' | 'KEYWORD_ONLY' | 'VAR_KEYWORD';
  readonly has_default: boolean;
  readonly default_repr?: string;
  readonly default_type?: string;
  readonly default_fields?: Readonly<Record<string, number | null>>;
};
type Signatures = { readonly version: string; readonly callables: Readonly<Record<string, readonly RealParam[] | null>> };

let cached: Signatures | undefined;
/** The real signatures of every catalogued httpx callable, read once. */
function realSignatures(): Signatures {
  cached ??= runPythonScript<Signatures>('signatures.py', httpx.callables.map((callable) => callable.name));
  return cached;
}

const exists = (callable: CallableSpec, version: string) => {
  const status = nameStatusAt(version, callable.since, callable.lifecycle);
  return status === 'current' || status === 'deprecated';
};
const paramExists = (param: ParamSpec, version: string) => {
  const status = nameStatusAt(version, param.since, param.lifecycle);
  return status === 'current' || status === 'deprecated';
};

const LITERAL = /^(None|True|False|-?\d+(\.\d+)?|'[^']*'|"[^"]*")$/;
/** Python's repr of a literal default as the catalog writes it (`"sync"` → `'sync'`). */
const reprOf = (literal: string) => literal.replace(/^"([^"']*)"$/, "'$1'");

test('the installed httpx is a release the catalog knows', () => {
  assert.ok(httpx.releases.includes(realSignatures().version), `httpx ${realSignatures().version} is not in the catalog's releases`);
});

test('the callables the catalog says exist at the installed version exist, and the others do not', () => {
  const { version, callables } = realSignatures();
  for (const callable of httpx.callables) {
    assert.equal(callables[callable.name] !== null, exists(callable, version), `httpx.${callable.name} at ${version}`);
  }
});

for (const callable of httpx.callables) {
  test(`httpx.${callable.name}: positional order, keyword-only parameters and presence match the installed httpx`, () => {
    const { version, callables } = realSignatures();
    const real = callables[callable.name];
    if (!exists(callable, version)) return assert.equal(real, null);
    assert.ok(real, `httpx.${callable.name} missing`);
    const positional = positionalNamesAt(callable, version);
    const realPositional = real.filter((param) => param.kind === 'POSITIONAL_OR_KEYWORD' || param.kind === 'POSITIONAL_ONLY').map((param) => param.name);
    // Any real parameter before a catalogued positional one that the catalog does not list would shift the binding.
    assert.deepEqual(realPositional.slice(0, positional.length), [...positional], `positional order of httpx.${callable.name} ${version}`);
    for (const param of callable.params) {
      const realParam: RealParam | undefined = real.find((candidate) => candidate.name === param.name);
      if (!paramExists(param, version)) {
        assert.equal(realParam, undefined, `${param.name}= is ${nameStatusAt(version, param.since, param.lifecycle)} at ${version} in the catalog, but httpx has it`);
        continue;
      }
      assert.ok(realParam, `${param.name}= exists at ${version} in the catalog, but not in httpx`);
      if (!positional.includes(param.name)) assert.equal(realParam.kind, 'KEYWORD_ONLY', `${param.name}= is keyword-only in the catalog`);
    }
  });

  test(`httpx.${callable.name}: defaults match the installed httpx`, () => {
    const { version, callables } = realSignatures();
    const real = callables[callable.name];
    if (!exists(callable, version) || !real) return assert.equal(exists(callable, version), false);
    let compared = 0;
    for (const param of callable.params.filter((candidate) => paramExists(candidate, version))) {
      const realParam: RealParam | undefined = real.find((candidate) => candidate.name === param.name);
      assert.ok(realParam, param.name);
      const written = defaultAt(param, version);
      const label = `${callable.name}(${param.name}=) at ${version}, catalog default ${written}`;
      if (written === '(required)') assert.equal(realParam.has_default, false, label);
      else if (written === 'UNSET') assert.equal(realParam.default_type, 'UnsetType', label);
      else if (LITERAL.test(written)) assert.equal(realParam.default_repr, reprOf(written), label);
      else {
        // A named default object (DEFAULT_LIMITS, DEFAULT_TIMEOUT_CONFIG): compare the fields the catalog says it stands for.
        const omitted = omittedFieldsAt(param, version);
        assert.ok(omitted, `${label}: neither a literal nor omitted fields to compare`);
        assert.deepEqual(realParam.default_fields, omitted, label);
        const config = httpx.configs.find((candidate) => candidate.id === param.config);
        assert.deepEqual(Object.keys(realParam.default_fields ?? {}).sort(), config?.fields.map((field) => field.name).sort(), `${label}: config fields`);
      }
      compared++;
    }
    assert.ok(compared > 0, `no default of httpx.${callable.name} compared`);
  });
}
