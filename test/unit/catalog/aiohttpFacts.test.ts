/**
 * The aiohttp catalog agrees with the `aiohttp` section of test/fixtures/library-facts/library-facts.json: for each
 * signature entry (BaseConnector, TCPConnector, each ClientTimeout release line and master,
 * ClientSession), at both ends of its version range, every parameter the catalog also has has the
 * same default text, keyword-only or positional index, introduction and lifecycle; the session
 * default timeout (DEFAULT_TIMEOUT) matches the omitted `timeout=` and the ClientTimeout client
 * defaults; the pool-exhaustion facts match the clients' pool wait. "master" reads as 4.0.0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { aiohttp } from '../../../server/src/catalog/aiohttp';
import type { CallableSpec } from '../../../server/src/catalog/schema';
import { clientDefaultAt, compareVersions, defaultAt, nameStatusAt, omittedFieldsAt, paramByName, positionalNamesAt } from '../../../server/src/catalog/versions';
import { versionsToCheck, type FactEntry, type FactParam } from '../../helpers/libraryFacts';
import { libraryFactsPath } from '../../helpers/repo';

const facts = JSON.parse(fs.readFileSync(libraryFactsPath(), 'utf8')).aiohttp as Readonly<Record<string, unknown>>;
const MASTER = '4.0.0';

/** Which catalog callable each signature key describes. */
const SIGNATURE_KEYS: Readonly<Record<string, string>> = { BaseConnector: 'TCPConnector', TCPConnector: 'TCPConnector', ClientTimeout: 'ClientTimeout', ClientSession: 'ClientSession' };
/** The other keys, and where each is compared. */
const OTHER_KEYS: Readonly<Record<string, string>> = {
  DEFAULT_TIMEOUT: 'default timeout test',
  pool_exhaustion: 'pool wait test',
  docs_vs_code: 'not compared: notes on wrong upstream docs (the ClientTimeout order is in the PG102 message)',
};

const callableNamed = (name: string) => aiohttp.callables.find((callable) => callable.name === name && !callable.receiver)!;
const versionsOf = (text: string) => (text.startsWith('master') ? [MASTER] : versionsToCheck(text));
/** "3.5.0 (PR #3438)" → "3.5.0"; "master/4.0 (still present in 3.14.3)" → "4.0.0"; null stays null. */
const factVersion = (text: string | null | undefined) => (text == null ? undefined : text.startsWith('master') ? MASTER : text.split(' ')[0]);
const entriesOf = (key: string): FactEntry[] => {
  const value = facts[key];
  return (Array.isArray(value) ? value : [value]) as FactEntry[];
};

test('every key of the aiohttp facts is compared', () => {
  assert.deepEqual(Object.keys(facts).filter((key) => !(key in SIGNATURE_KEYS) && !(key in OTHER_KEYS)), []);
  for (const callable of aiohttp.callables.filter((candidate) => candidate.factsKey)) assert.ok(callable.factsKey! in facts, callable.factsKey);
});

for (const [key, callableName] of Object.entries(SIGNATURE_KEYS)) {
  test(`aiohttp.${callableName} agrees with library-facts.json ${key}`, () => {
    const callable = callableNamed(callableName);
    const problems: string[] = [];
    let compared = 0;
    for (const entry of entriesOf(key)) {
      for (const version of versionsOf(entry.versions)) {
        const positional = positionalNamesAt(callable, version);
        if (entry.all_keyword_only && positional.length > 0) problems.push(`${key} @${version}: all keyword-only, catalog has ${positional.join(', ')}`);
        for (const fact of entry.params ?? []) {
          const param = paramByName(callable, fact.name);
          if (!param) continue;
          compared++;
          problems.push(...compareParam(callable, fact, version).map((problem) => `${key} @${version} ${fact.name}=: ${problem}`));
        }
      }
    }
    assert.ok(compared > 0, `no parameter of ${key} compared`);
    assert.deepEqual(problems, []);
  });
}

/** The JSON writes versioned defaults as "0.1 (3.12.5-3.12.10) / sentinel (3.12.11+)"; every catalogued default is a single text. */
function compareParam(callable: CallableSpec, fact: FactParam, version: string): string[] {
  const param = paramByName(callable, fact.name)!;
  const problems: string[] = [];
  const status = nameStatusAt(version, param.since, param.lifecycle);
  const introduced = factVersion(fact.introduced);
  if (introduced !== undefined && introduced !== param.since && !(introduced === '3.8.0' && param.since === undefined)) problems.push(`introduced ${introduced}, catalog since ${param.since}`);
  // An entry may list a name added inside its range (timeout_ceil_threshold in "3.8.0-3.14.3", added in 3.9.0).
  if (introduced !== undefined && compareVersions(version, introduced) < 0) return status === 'not-yet' ? problems : [...problems, `introduced in ${introduced}, but the catalog says ${status}`];
  if (status === 'not-yet' || status === 'removed') {
    if (!(version === MASTER && factVersion(fact.removed) === MASTER)) problems.push(`listed at this version, but the catalog says ${status}`);
    return problems;
  }
  if (defaultAt(param, version) !== fact.default) problems.push(`default ${defaultAt(param, version)} vs ${fact.default}`);
  const index = positionalNamesAt(callable, version).indexOf(param.name);
  const expected = fact.position_or_keyword_only === 'keyword_only' ? -1 : Number(/^positional:(\d+)$/.exec(fact.position_or_keyword_only)?.[1]);
  if (index !== expected) problems.push(`position ${expected} vs catalog ${index}`);
  if (factVersion(fact.deprecated) !== param.lifecycle?.deprecatedIn) problems.push(`deprecated ${fact.deprecated} vs ${param.lifecycle?.deprecatedIn}`);
  if (factVersion(fact.removed) !== param.lifecycle?.removedIn) problems.push(`removed ${fact.removed} vs ${param.lifecycle?.removedIn}`);
  const replacement = (fact as { replacement?: string | null }).replacement;
  const written = param.lifecycle?.replacement && `${param.lifecycle.replacement}=ClientTimeout(${param.lifecycle.replacementField}=...)`;
  if (replacement != null && replacement !== written) problems.push(`replacement ${replacement} vs ${written}`);
  return problems;
}

/** `ClientTimeout(total=300, sock_connect=30)` → its fields, every other one None; master's text describes ClientTimeout(). */
function fieldsOf(text: string, names: readonly string[]): Record<string, number | null> {
  const fields: Record<string, number | null> = Object.fromEntries(names.map((name) => [name, null]));
  for (const match of text.matchAll(/(\w+)=(\d+|None)/g)) fields[match[1]] = match[2] === 'None' ? null : Number(match[2]);
  return fields;
}

test('DEFAULT_TIMEOUT is what an omitted session timeout= stands for, and the client default of each ClientTimeout field', () => {
  const session = callableNamed('ClientSession');
  const timeout = callableNamed('ClientTimeout');
  const param = paramByName(session, 'timeout')!;
  const names = aiohttp.configs.find((config) => config.id === param.config)!.fields.map((field) => field.name);
  let compared = 0;
  for (const entry of entriesOf('DEFAULT_TIMEOUT') as (FactEntry & { value: string })[]) {
    for (const version of versionsOf(entry.versions)) {
      const expected = fieldsOf(entry.value, names);
      assert.deepEqual(omittedFieldsAt(param, version), expected, `${entry.versions} @${version}`);
      for (const name of names) assert.equal(clientDefaultAt(paramByName(timeout, name)!, version), expected[name], `ClientTimeout(${name}=) client default @${version}`);
      compared++;
    }
  }
  assert.ok(compared >= 5);
});

test('a full pool waits under connect, and with connect=None only total bounds it (pool_exhaustion)', () => {
  const fact = facts.pool_exhaustion as { behaviour: string; default_bound: string };
  for (const callable of aiohttp.callables.filter((candidate) => candidate.poolWait)) {
    const wait = callable.poolWait!;
    assert.ok(fact.behaviour.includes(`timeout.${wait.waitField}`), `${callable.name}: ${wait.waitField}`);
    assert.ok(fact.default_bound.includes(`only ${wait.overallField}=300s`), `${callable.name}: ${wait.overallField}`);
    assert.equal(omittedFieldsAt(paramByName(callable, wait.waitParam)!, aiohttp.newestVersion)?.[wait.waitField], null);
  }
});
