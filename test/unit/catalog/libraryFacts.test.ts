/**
 * The httpx catalog agrees with test/fixtures/library-facts/library-facts.json: for every signature entry of a
 * callable with a `factsKey`, at both ends of the entry's version range, each parameter the catalog
 * also has has the same default text, the same keyword-only / positional index, exists at that
 * version, and has the same introduced / deprecated / removed versions. The DEFAULT_* objects
 * match the catalog's omitted-field values. Disagreements the catalog keeps on purpose are listed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpx } from '../../../server/src/catalog/httpx';
import type { CallableSpec, ParamSpec } from '../../../server/src/catalog/schema';
import { compareVersions, defaultAt, nameStatusAt, omittedFieldsAt, paramByName, positionalNamesAt } from '../../../server/src/catalog/versions';
import { factEntries, parseFactRange, readHttpxFacts, versionsToCheck, type FactEntry, type FactParam } from '../../helpers/libraryFacts';

const facts = readHttpxFacts();

/** JSON keys that are not callable signatures, and the test below that compares each. */
const KEYS_COMPARED_ELSEWHERE: Readonly<Record<string, string>> = {
  DEFAULT_TIMEOUT_CONFIG: 'default objects test',
  DEFAULT_LIMITS: 'default objects test',
  DEFAULT_POOL_LIMITS: 'default objects test',
  TimeoutTypes: 'timeout tuple test',
  PoolTimeout: 'pool wait test',
  docs_vs_code: 'not compared: notes on wrong upstream docs, no catalog fact',
  references: 'not compared: links to upstream issues and pull requests',
};

/**
 * Defaults the catalog deliberately gives differently from the source text in the JSON. Each must
 * still disagree (a stale entry fails), and says why the catalog's text is the one to keep.
 */
const DEFAULT_EXCEPTIONS: readonly { callable: string; param: string; versions: string; reason: string }[] = [
  {
    callable: 'Timeout',
    param: 'timeout',
    versions: '0.14.0-0.14.3',
    reason: 'the source writes UNSET, but 0.14 treats a missing default as None (with a DeprecationWarning); the catalog keeps the default in effect, which is what the analysis computes with',
  },
];

/** JSON default texts that describe two transports at once. */
const COMPOUND_DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "'sync' ('auto' for AsyncHTTPTransport)": { HTTPTransport: "'sync'", AsyncHTTPTransport: "'auto'" },
  "'sync'/'auto'": { HTTPTransport: "'sync'", AsyncHTTPTransport: "'auto'" },
};

/** Python text with string quotes normalised (`'sync'` and `"sync"` are the same default). */
function canonicalDefault(text: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(text.trim());
  return quoted ? JSON.stringify(quoted[2]) : text.trim();
}

function factDefault(param: FactParam, callable: string): string {
  const compound = COMPOUND_DEFAULTS[param.default];
  if (compound && !compound[callable]) throw new Error(`compound default "${param.default}" says nothing for ${callable}`);
  return canonicalDefault(compound ? compound[callable] : param.default);
}

/** "0.13.2 (sync Client)" applies to Client only; a plain version to every callable sharing the entry. */
function introducedFor(param: FactParam, callable: string): string | undefined {
  if (!param.introduced) return undefined;
  const match = /^(\d+(?:\.\d+)*)(?: \((sync Client)\))?$/.exec(param.introduced);
  if (!match) throw new Error(`unreadable introduced "${param.introduced}" for ${param.name}`);
  return match[2] === 'sync Client' && callable !== 'Client' ? undefined : match[1];
}

const factCallables: readonly CallableSpec[] = httpx.callables.filter((callable) => callable.factsKey !== undefined);

test('every key of the httpx facts is compared: a catalogued callable or a listed other fact', () => {
  const factsKeys = new Set(factCallables.map((callable) => callable.factsKey!));
  const unhandled = Object.keys(facts).filter((key) => !factsKeys.has(key) && !(key in KEYS_COMPARED_ELSEWHERE));
  assert.deepEqual(unhandled, []);
  for (const key of factsKeys) assert.ok(key in facts, `catalog factsKey ${key} is not in library-facts.json`);
});

for (const callable of factCallables) {
  const { entries, sameAs } = factEntries(facts, callable.factsKey!);
  test(`httpx.${callable.name} agrees with library-facts.json${sameAs ? ` (same as ${sameAs})` : ''}`, () => {
    const problems: string[] = [];
    const earliest = entries.map((entry) => parseFactRange(entry.versions).lower).reduce<string | undefined>(
      (low, lower) => (low === undefined || lower === undefined ? undefined : compareVersions(lower, low) < 0 ? lower : low),
      parseFactRange(entries[0].versions).lower,
    );
    for (const entry of entries) {
      for (const version of versionsToCheck(entry.versions)) problems.push(...compareEntry(callable, entry, version, earliest));
    }
    assert.deepEqual(problems, []);
  });
}

function compareEntry(callable: CallableSpec, entry: FactEntry, version: string, earliest: string | undefined): string[] {
  const problems: string[] = [];
  const at = `${callable.name} @${version} (entry ${entry.versions})`;
  const callableStatus = nameStatusAt(version, callable.since, callable.lifecycle);
  if (callableStatus === 'not-yet' || callableStatus === 'removed') problems.push(`${at}: the catalog says the callable is ${callableStatus}`);
  if (entry.deprecated !== undefined && callable.lifecycle?.deprecatedIn !== entry.deprecated) problems.push(`${at}: deprecated ${callable.lifecycle?.deprecatedIn} vs ${entry.deprecated}`);
  if (entry.removed !== undefined && callable.lifecycle?.removedIn !== entry.removed) problems.push(`${at}: removed ${callable.lifecycle?.removedIn} vs ${entry.removed}`);
  const positional = positionalNamesAt(callable, version);
  if (entry.all_keyword_only && positional.length > 0) problems.push(`${at}: all keyword-only, but the catalog has positional ${positional.join(', ')}`);
  for (const factParam of entry.params ?? []) {
    const param = paramByName(callable, factParam.name);
    if (param) problems.push(...compareParam(callable, param, factParam, entry, version, earliest).map((problem) => `${at} ${factParam.name}=: ${problem}`));
  }
  return problems;
}

function compareParam(callable: CallableSpec, param: ParamSpec, fact: FactParam, entry: FactEntry, version: string, earliest: string | undefined): string[] {
  const problems: string[] = [];
  const status = nameStatusAt(version, param.since, param.lifecycle);
  const introduced = introducedFor(fact, callable.name);
  // An entry may list a name introduced or removed inside its range (http1 in "0.18.0-0.28.1", added in 0.18.2).
  if (introduced !== undefined && compareVersions(version, introduced) < 0) return status === 'not-yet' ? [] : [`introduced in ${introduced}, but the catalog says ${status}`];
  if (fact.removed && compareVersions(version, fact.removed) >= 0) return status === 'removed' ? [] : [`removed in ${fact.removed}, but the catalog says ${status}`];
  const catalogDefault = canonicalDefault(defaultAt(param, version));
  const expectedDefault = factDefault(fact, callable.name);
  const exception = DEFAULT_EXCEPTIONS.find((candidate) => candidate.callable === callable.name && candidate.param === param.name && candidate.versions === entry.versions);
  if (exception) {
    if (catalogDefault === expectedDefault) problems.push(`listed as an exception, but the defaults agree now: remove it from DEFAULT_EXCEPTIONS`);
  } else if (catalogDefault !== expectedDefault) {
    problems.push(`default ${catalogDefault} vs ${expectedDefault}`);
  }

  const index = positionalNamesAt(callable, version).indexOf(param.name);
  if (fact.position_or_keyword_only === 'keyword_only') {
    if (index !== -1) problems.push(`keyword-only, but the catalog has it at position ${index}`);
  } else {
    const match = /^positional:(\d+)$/.exec(fact.position_or_keyword_only);
    if (!match) problems.push(`unreadable position "${fact.position_or_keyword_only}"`);
    else if (Number(match[1]) !== index) problems.push(`position ${match[1]}, but the catalog has ${index}`);
  }

  if (status === 'not-yet' || status === 'removed') problems.push(`listed at this version, but the catalog says ${status}`);
  if (fact.deprecated !== undefined && (fact.deprecated ?? undefined) !== param.lifecycle?.deprecatedIn) problems.push(`deprecated ${param.lifecycle?.deprecatedIn} vs ${fact.deprecated}`);
  if (fact.removed !== undefined && (fact.removed ?? undefined) !== param.lifecycle?.removedIn) problems.push(`removed ${param.lifecycle?.removedIn} vs ${fact.removed}`);

  // An introduction inside the documented history must be the catalog's `since`; at or before it, the catalog may leave it open.
  const since = param.since ?? callable.since;
  if (introduced !== undefined) {
    const withinHistory = earliest === undefined || compareVersions(introduced, earliest) > 0;
    if (withinHistory ? since !== introduced : since !== undefined && compareVersions(since, introduced) > 0) problems.push(`introduced ${introduced}, catalog since ${since}`);
  }
  if (fact.client_default !== undefined && param.clientDefault !== undefined && fact.client_default !== param.clientDefault) {
    problems.push(`client default ${param.clientDefault} vs ${fact.client_default}`);
  }
  return problems;
}

test('every listed default exception names an entry that exists', () => {
  for (const exception of DEFAULT_EXCEPTIONS) {
    const { entries } = factEntries(facts, exception.callable);
    const entry = entries.find((candidate) => candidate.versions === exception.versions);
    assert.ok(entry?.params?.some((param) => param.name === exception.param), `${exception.callable}(${exception.param}=) ${exception.versions}`);
  }
});

/** `name=value` pairs of a DEFAULT_* text, with "(+ name=value from X)" applying from X on. */
function fieldsOfDefaultText(text: string, version: string): Record<string, number> {
  const fields: Record<string, number> = {};
  const chained = /->\s*((?:\w+=)+)([\d.]+)/.exec(text);
  if (chained) {
    for (const name of chained[1].split('=').filter(Boolean)) fields[name] = Number(chained[2]);
    return fields;
  }
  for (const match of text.matchAll(/(\+ )?(\w+)=([\d.]+)(?: from ([\d.]+))?/g)) {
    if (match[4] !== undefined && compareVersions(version, match[4]) < 0) continue;
    fields[match[2]] = Number(match[3]);
  }
  return fields;
}

test('DEFAULT_TIMEOUT_CONFIG, DEFAULT_LIMITS and DEFAULT_POOL_LIMITS match the omitted fields of every parameter defaulting to them', () => {
  const poolLimits = httpx.callables.find((callable) => callable.name === 'PoolLimits')!;
  /** PoolLimits' old field names, read through the catalog's renames (soft_limit → max_keepalive_connections). */
  const renamed = (fields: Record<string, number>) =>
    Object.fromEntries(Object.entries(fields).map(([name, value]) => [paramByName(poolLimits, name)?.lifecycle?.replacement ?? name, value]));
  const cases: { name: string; versions: string; fields: (version: string) => Record<string, number> }[] = [];
  for (const name of ['DEFAULT_TIMEOUT_CONFIG', 'DEFAULT_LIMITS'] as const) {
    const fact = facts[name] as { versions: string; value: string };
    cases.push({ name, versions: fact.versions, fields: (version) => fieldsOfDefaultText(fact.value, version) });
  }
  const poolFact = facts.DEFAULT_POOL_LIMITS as { value_by_version: Record<string, string> };
  for (const [versions, value] of Object.entries(poolFact.value_by_version)) {
    cases.push({ name: 'DEFAULT_POOL_LIMITS', versions, fields: (version) => renamed(fieldsOfDefaultText(value, version)) });
  }
  for (const { name, versions, fields } of cases) {
    let compared = 0;
    for (const version of versionsToCheck(versions)) {
      const expected = fields(version);
      assert.ok(Object.keys(expected).length >= 2, `${name}: could not read the fields of ${versions}`);
      for (const callable of httpx.callables) {
        for (const param of callable.params) {
          if (defaultAt(param, version) !== name || nameStatusAt(version, callable.since, callable.lifecycle) !== 'current') continue;
          const omitted = omittedFieldsAt(param, version);
          const actual = Object.fromEntries(Object.keys(expected).map((field) => [field, omitted?.[field]]));
          assert.deepEqual(actual, expected, `${callable.name}(${param.name}=) at ${version}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 0, `no catalog parameter defaults to ${name} in ${versions}`);
  }
});

test('the timeout tuple order and shorthands match TimeoutTypes', () => {
  const fact = facts.TimeoutTypes as { tuple_order: string[]; accepted: Record<string, string> };
  const config = httpx.configs.find((candidate) => candidate.id === 'httpx.Timeout')!;
  assert.deepEqual(config.tuple?.order, fact.tuple_order);
  assert.equal(config.noneSetsAllFields, /disable all/.test(fact.accepted.None));
  assert.equal(config.numberSetsAllFields, /same value for connect, read, write, pool/.test(fact.accepted['float/int']));
});

test('the clients\' pool wait matches PoolTimeout: raised after Timeout.pool when max_connections are busy', () => {
  const fact = facts.PoolTimeout as { raised_when: string };
  for (const callable of httpx.callables.filter((candidate) => candidate.poolWait)) {
    const wait = callable.poolWait!;
    assert.equal(wait.raises, 'httpx.PoolTimeout', callable.name);
    assert.ok(fact.raised_when.includes(`Timeout.${wait.waitField}`), `${callable.name}: ${wait.waitField}`);
    assert.ok(fact.raised_when.includes(wait.capField), `${callable.name}: ${wait.capField}`);
  }
});
