/**
 * The requests and urllib3 catalogs against the real libraries that `/usr/bin/python3` imports
 * (Debian's python3-requests and python3-urllib3): at the installed versions, every catalogued
 * callable and method exists exactly when the catalog says, its positional order is the real
 * positional-or-keyword order, literal and named defaults have the real values, and a parameter
 * the real signature only takes through `**kwargs` is one the call forwards to (a request method's
 * `timeout` to `Session.request`, a PoolManager's pool keywords to `HTTPConnectionPool`). A few
 * runtime facts the cards state are checked too. Without the libraries this fails, never skips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requests } from '../../../server/src/catalog/requests';
import type { CallableSpec, LibrarySpec, ParamSpec } from '../../../server/src/catalog/schema';
import { urllib3 } from '../../../server/src/catalog/urllib3';
import { defaultAt, nameStatusAt, positionalNamesAt } from '../../../server/src/catalog/versions';
import { runPythonScript } from '../../helpers/python';

type RealParam = { readonly name: string; readonly kind: string; readonly has_default: boolean; readonly default_repr?: string; readonly default_type?: string };
type Real = { readonly version: string; readonly callables: Readonly<Record<string, readonly RealParam[] | null>>; readonly facts: Readonly<Record<string, unknown>> };

/** Where a callable's `**kwargs` go, for parameters the catalog lists that its own signature lacks. */
const KWARGS_TARGETS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  requests: { 'request-method': 'Session.request', 'request-function': 'Session.request' },
  urllib3: { client: 'HTTPConnectionPool', 'request-method': 'HTTPConnectionPool.urlopen' },
};

const pathOf = (callable: CallableSpec) => (callable.receiver ? `${callable.receiver}.${callable.name}` : callable.name);
const present = (version: string, since?: string, lifecycle?: ParamSpec['lifecycle']) => ['current', 'deprecated'].includes(nameStatusAt(version, since, lifecycle));
const LITERAL = /^(None|True|False|-?\d+(\.\d+)?)$/;

const cache = new Map<string, Real>();
function real(library: LibrarySpec): Real {
  let found = cache.get(library.id);
  if (!found) {
    const paths = [...new Set([...library.callables.map(pathOf), ...Object.values(KWARGS_TARGETS[library.id])])];
    found = runPythonScript<Real>('module_signatures.py', { module: library.modules[0], paths });
    cache.set(library.id, found);
  }
  return found;
}

for (const library of [requests, urllib3]) {
  test(`the installed ${library.id} is a release the catalog knows`, () => {
    assert.ok(library.releases.includes(real(library).version), `${library.id} ${real(library).version}`);
  });

  for (const callable of library.callables) {
    test(`${library.id}.${pathOf(callable)}: presence, positional order and defaults match the installed ${library.id}`, () => {
      const { version, callables } = real(library);
      const signature = callables[pathOf(callable)];
      assert.equal(signature !== null, present(version, callable.since, callable.lifecycle), `${pathOf(callable)} at ${version}`);
      if (!signature) return;
      const positional = positionalNamesAt(callable, version);
      const realPositional = signature.filter((param) => param.kind === 'POSITIONAL_OR_KEYWORD' || param.kind === 'POSITIONAL_ONLY').map((param) => param.name);
      assert.deepEqual(realPositional.slice(0, positional.length), [...positional], `positional order at ${version}`);
      for (const param of callable.params) {
        const realParam: RealParam | undefined = signature.find((candidate) => candidate.name === param.name);
        if (!present(version, param.since, param.lifecycle)) {
          assert.equal(realParam, undefined, `${param.name}= is ${nameStatusAt(version, param.since, param.lifecycle)} at ${version} in the catalog`);
          continue;
        }
        const checked: RealParam = realParam ?? forwardedParam(library, callable, signature, param.name);
        const written = defaultAt(param, version);
        if (written === '(required)') assert.equal(realParam ? realParam.has_default : false, false, `${param.name}= is required`);
        else if (LITERAL.test(written)) assert.equal(checked.default_repr, written, `${param.name}= default at ${version}`);
        const effective: number | boolean | null | undefined = param.effectiveDefault?.value;
        if (effective !== undefined && effective !== null && ['int', 'float', 'bool'].includes(checked.default_type ?? '')) {
          assert.equal(checked.default_repr, typeof effective === 'boolean' ? (effective ? 'True' : 'False') : `${effective}`, `${param.name}= stands for ${effective}`);
        }
      }
    });
  }
}

/** A parameter absent from a signature must be taken by its `**kwargs` and exist where they go. */
function forwardedParam(library: LibrarySpec, callable: CallableSpec, signature: readonly RealParam[], name: string): RealParam {
  assert.ok(signature.some((param) => param.kind === 'VAR_KEYWORD'), `${pathOf(callable)} has no ${name}= and no **kwargs`);
  const target = KWARGS_TARGETS[library.id][callable.kind];
  const forwarded = target ? real(library).callables[target]?.find((param) => param.name === name) : undefined;
  assert.ok(forwarded, `${pathOf(callable)}(**kwargs) does not reach a ${name}= (looked in ${target})`);
  return forwarded;
}

test('urllib3: a pool without retries= uses Retry.DEFAULT (3), a bare Retry() is 10, an unset Timeout phase is the socket default (None)', () => {
  const { facts } = real(urllib3);
  const poolRetries = urllib3.callables.find((callable) => callable.name === 'PoolManager')!.params.find((param) => param.name === 'retries')!;
  assert.equal(facts.retry_default_total, poolRetries.effectiveDefault?.value);
  assert.equal(`${facts.bare_retry_total}`, urllib3.callables.find((callable) => callable.name === 'Retry')!.params.find((param) => param.name === 'total')!.default);
  const connect = urllib3.callables.find((callable) => callable.name === 'Timeout')!.params.find((param) => param.name === 'connect')!;
  assert.equal(facts.unset_timeout_connect, connect.effectiveDefault?.value);
});

test('requests: a default HTTPAdapter retries 0 times (read=False), a Session mounts http:// and https://, and has no timeout attribute', () => {
  const { facts } = real(requests);
  const adapter = requests.callables.find((callable) => callable.name === 'adapters.HTTPAdapter')!;
  assert.equal(facts.adapter_retries_total, adapter.params.find((param) => param.name === 'max_retries')!.effectiveDefault?.value);
  assert.equal(facts.adapter_retries_read, false);
  assert.deepEqual(facts.session_adapters, ['http://', 'https://']);
  const session = requests.callables.find((callable) => callable.name === 'Session')!;
  assert.equal(facts.session_has_timeout_attr, false);
  assert.ok(session.ignoredAttributes?.some((attribute) => attribute.name === 'timeout'));
});
