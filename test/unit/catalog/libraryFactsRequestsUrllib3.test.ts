/**
 * The requests and urllib3 catalogs agree with test/fixtures/library-facts/library-facts.json: at both ends of each
 * entry's version range (within the releases the catalog covers), every parameter the facts list
 * and the catalog has sits at the same position, has the same default text and the same effective
 * default, and is removed when the facts say; Retry's signature text gives its positional order;
 * the requests timeout tuple, Session and constants match. One disagreement is kept on purpose,
 * with the source that decides it, and must still disagree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { requests } from '../../../server/src/catalog/requests';
import type { CallableSpec, LibrarySpec } from '../../../server/src/catalog/schema';
import { urllib3 } from '../../../server/src/catalog/urllib3';
import { compareVersions, defaultAt, nameStatusAt, paramByName, positionalNamesAt } from '../../../server/src/catalog/versions';
import { libraryFactsPath } from '../../helpers/repo';

type FactParam = { name: string; position_or_keyword_only: string; default: string | null; removed?: string | null; effective_default?: unknown };
type FactEntry = { versions: string; params?: FactParam[]; signature?: string };

const facts = JSON.parse(fs.readFileSync(libraryFactsPath(), 'utf8')) as Record<string, Record<string, unknown>>;

/** Where the catalog follows the source over the facts file. */
const EXCEPTIONS = [
  {
    library: 'urllib3',
    key: 'Retry',
    versions: '2.6.0-2.7.0',
    at: '2.6.0',
    reason: 'retry_after_max is not in util/retry.py at 2.6.0, 2.6.1 or 2.6.2; it first appears at 2.6.3 (read with git show <tag>:src/urllib3/util/retry.py)',
  },
];

/** The entry's two ends, as versions the catalog covers (requests facts start at v1.2.2, before 2.0.0). */
function ends(library: LibrarySpec, range: string): string[] {
  const [low, high] = range.replace(/v/g, '').split('-');
  const first = library.releases[0];
  const lower = compareVersions(low, first) < 0 ? first : low;
  return [...new Set([lower, high ?? low])];
}

function entriesOf(library: LibrarySpec, key: string): FactEntry[] {
  const value = facts[library.id][key];
  return Array.isArray(value) ? (value as FactEntry[]) : [{ versions: `${library.releases[0]}-${library.newestVersion}`, ...(value as object) }];
}

function compareParams(library: LibrarySpec, callable: CallableSpec, entry: FactEntry, version: string): string[] {
  const problems: string[] = [];
  const positional = positionalNamesAt(callable, version);
  for (const fact of entry.params ?? []) {
    const param = paramByName(callable, fact.name);
    const at = `${library.id}.${callable.name}(${fact.name}=) @${version}`;
    if (!param) {
      if (!fact.name.startsWith('**')) problems.push(`${at}: not in the catalog`);
      continue;
    }
    if (fact.removed && compareVersions(version, fact.removed) >= 0) {
      if (nameStatusAt(version, param.since, param.lifecycle) !== 'removed') problems.push(`${at}: removed in ${fact.removed} per the facts`);
      continue;
    }
    const position = /^positional:(\d+)$/.exec(fact.position_or_keyword_only);
    if (position && Number(position[1]) !== positional.indexOf(fact.name)) problems.push(`${at}: position ${position[1]} vs ${positional.indexOf(fact.name)}`);
    if (fact.default !== null && fact.default !== defaultAt(param, version)) problems.push(`${at}: default ${defaultAt(param, version)} vs ${fact.default}`);
    if (fact.effective_default !== undefined && fact.effective_default !== param.effectiveDefault?.value) problems.push(`${at}: effective default ${param.effectiveDefault?.value} vs ${fact.effective_default}`);
  }
  return problems;
}

/** `Retry(total=10, connect=None, …)` → the parameter names in order; "as 2.0 + x=…" extends the previous entry. */
function signatureNames(entry: FactEntry, previous: string[]): string[] {
  const text = entry.signature ?? '';
  const extra = /^as [\d.]+ \+ (\w+)=/.exec(text);
  if (extra) return [...previous, extra[1]];
  return [...text.matchAll(/(\w+)=/g)].map((match) => match[1]);
}

const CASES: [LibrarySpec, string, string][] = [
  [requests, 'HTTPAdapter', 'adapters.HTTPAdapter'],
  [urllib3, 'PoolManager', 'PoolManager'],
  [urllib3, 'HTTPConnectionPool', 'HTTPConnectionPool'],
  [urllib3, 'Timeout', 'Timeout'],
];

for (const [library, key, name] of CASES) {
  test(`${library.id}.${name} agrees with library-facts.json (${key})`, () => {
    const callable = library.callables.find((candidate) => candidate.name === name)!;
    const problems = entriesOf(library, key).flatMap((entry) => ends(library, entry.versions).flatMap((version) => compareParams(library, callable, entry, version)));
    assert.deepEqual(problems, []);
  });
}

test('urllib3.Retry: the positional order at each end of each facts entry is the signature text\'s (except the listed disagreement)', () => {
  const retry = urllib3.callables.find((candidate) => candidate.name === 'Retry')!;
  let previous: string[] = [];
  for (const entry of entriesOf(urllib3, 'Retry')) {
    const names = signatureNames(entry, previous);
    previous = names;
    for (const version of ends(urllib3, entry.versions)) {
      const exception = EXCEPTIONS.find((candidate) => candidate.key === 'Retry' && candidate.versions === entry.versions && candidate.at === version);
      const same = JSON.stringify(positionalNamesAt(retry, version)) === JSON.stringify(names);
      assert.equal(same, !exception, exception ? `listed as a disagreement, but they agree now: ${exception.reason}` : `Retry at ${version}`);
    }
  }
});

test('requests: the timeout tuple is (connect, read); Session.request takes timeout at index 8; the adapter constants match', () => {
  const timeout = facts.requests.timeout_argument as { tuple_order: string[] };
  assert.deepEqual(requests.configs.find((config) => config.id === 'requests.Timeout')?.tuple?.order, timeout.tuple_order);
  const session = facts.requests.Session as { request_timeout_positional_index: number };
  const request = requests.callables.find((candidate) => candidate.receiver === 'Session' && candidate.name === 'request')!;
  assert.equal(positionalNamesAt(request, requests.newestVersion).indexOf('timeout'), session.request_timeout_positional_index);
  const constants = facts.requests.constants as Record<string, { value: unknown }>;
  const adapter = requests.callables.find((candidate) => candidate.name === 'adapters.HTTPAdapter')!;
  for (const param of adapter.params) assert.equal(param.effectiveDefault?.value, constants[param.default]?.value, `${param.name}=${param.default}`);
});
