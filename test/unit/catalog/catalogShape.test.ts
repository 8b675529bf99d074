/**
 * The catalog's shape: every parameter carries its default, unit, meaning, type and a source;
 * sources and lifecycles are complete; names are unique; every cross-reference (config ids,
 * config callables, positional names, replacements) resolves; version ranges are ordered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIBRARIES } from '../../../server/src/catalog';
import type { LibrarySpec, Source, VersionRange } from '../../../server/src/catalog/schema';
import { compareVersions } from '../../../server/src/catalog/versions';

/** Every library, each callable and each parameter, with a label for messages. */
function* eachParam() {
  for (const library of LIBRARIES) {
    for (const callable of library.callables) {
      for (const param of callable.params) yield { library, callable, param, label: `${library.id}.${callable.name}(${param.name}=)` };
    }
  }
}

function sourceProblems(source: Source | undefined, label: string): string[] {
  if (!source) return [`${label}: no source`];
  const problems: string[] = [];
  if (!/^[\w.-]+\/[\w.-]+$/.test(source.repo)) problems.push(`${label}: source repo "${source.repo}" is not owner/name`);
  if (!source.tag.trim()) problems.push(`${label}: source without tag`);
  if (!source.path.trim()) problems.push(`${label}: source without path`);
  if (source.line !== undefined && !(Number.isInteger(source.line) && source.line > 0)) problems.push(`${label}: source line ${source.line}`);
  // A fact read from unreleased code names its commit; one read from a catalogued library's release names a known release.
  if (source.commit !== undefined) {
    if (!/^[0-9a-f]{40}$/.test(source.commit)) problems.push(`${label}: commit "${source.commit}" is not a full hash`);
    return problems;
  }
  const owner = LIBRARIES.find((library) => library.repo === source.repo);
  const release = owner?.tagPrefix && source.tag.startsWith(owner.tagPrefix) ? source.tag.slice(owner.tagPrefix.length) : source.tag;
  if (owner && !owner.releases.includes(release)) problems.push(`${label}: tag ${source.tag} is not a release of ${owner.id}`);
  return problems;
}

/** Problems with a list of version ranges that must not overlap and must be in ascending order. */
function rangeProblems(ranges: readonly VersionRange[], label: string): string[] {
  const problems: string[] = [];
  ranges.forEach((range, index) => {
    if (range.from !== undefined && range.until !== undefined && compareVersions(range.from, range.until) >= 0) problems.push(`${label}: empty range ${range.from}..${range.until}`);
    if (index === 0) return;
    const previous = ranges[index - 1];
    if (previous.until === undefined || range.from === undefined || compareVersions(previous.until, range.from) > 0) {
      problems.push(`${label}: range ${index} (${range.from ?? '…'}..${range.until ?? '…'}) overlaps or precedes range ${index - 1} (${previous.from ?? '…'}..${previous.until ?? '…'})`);
    }
  });
  return problems;
}

function problemsOf(problems: readonly string[]): void {
  assert.deepEqual(problems, []);
}

test('rangeProblems finds overlapping and unordered ranges (the check below can fail)', () => {
  assert.deepEqual(rangeProblems([{ until: '0.2' }, { from: '0.2' }], 'ok'), []);
  assert.equal(rangeProblems([{ until: '0.3' }, { from: '0.2' }], 'overlap').length, 1);
  assert.equal(rangeProblems([{ from: '0.5' }, { from: '0.1', until: '0.2' }], 'unordered').length, 1);
  assert.equal(rangeProblems([{ from: '0.5', until: '0.5' }], 'empty').length, 1);
});

test('every parameter has a default, unit, meaning, type and a complete source', () => {
  const problems: string[] = [];
  for (const { param, label } of eachParam()) {
    for (const field of ['default', 'unit', 'meaning', 'type'] as const) {
      if (typeof param[field] !== 'string' || !param[field].trim()) problems.push(`${label}: empty ${field}`);
    }
    problems.push(...sourceProblems(param.source, label));
    for (const entry of param.defaultsByVersion ?? []) {
      if (!entry.default.trim()) problems.push(`${label}: empty versioned default`);
      problems.push(...sourceProblems(entry.source, `${label} default for ${entry.versions.from ?? '…'}..${entry.versions.until ?? '…'}`));
    }
    for (const entry of param.omittedFields ?? []) problems.push(...sourceProblems(entry.source, `${label} omitted fields`));
  }
  assert.deepEqual(problems, []);
});

test('every callable, positional order, lifecycle and tuple rule has a complete source', () => {
  const problems: string[] = [];
  for (const library of LIBRARIES) {
    for (const callable of library.callables) {
      const label = `${library.id}.${callable.name}`;
      problems.push(...sourceProblems(callable.source, label));
      if (callable.lifecycle) problems.push(...sourceProblems(callable.lifecycle.source, `${label} lifecycle`));
      for (const order of callable.positional) problems.push(...sourceProblems(order.source, `${label} positional order`));
      for (const param of callable.params) {
        if (param.lifecycle) problems.push(...sourceProblems(param.lifecycle.source, `${label}(${param.name}=) lifecycle`));
      }
    }
    for (const config of library.configs) {
      if (config.tuple) problems.push(...sourceProblems(config.tuple.source, `${config.id} tuple`));
      if (config.fallbackOrAllFieldsRequired) problems.push(...sourceProblems(config.fallbackOrAllFieldsRequired.source, `${config.id} required fields`));
    }
  }
  assert.deepEqual(problems, []);
});

test('every documentation link is https', () => {
  const links = LIBRARIES.flatMap((library) => [
    ...library.callables.map((callable) => ({ label: `${library.id}.${callable.name}`, url: callable.docs })),
    ...library.configs.map((config) => ({ label: config.id, url: config.docs })),
  ]);
  assert.ok(links.length > 0);
  for (const { label, url } of links) assert.match(url, /^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/, `${label}: ${url}`);
});

test('every lifecycle says when the name was deprecated or removed, in that order', () => {
  for (const library of LIBRARIES) {
    const entries = library.callables.flatMap((callable) => [
      { label: `${library.id}.${callable.name}`, lifecycle: callable.lifecycle, since: callable.since },
      ...callable.params.map((param) => ({ label: `${library.id}.${callable.name}(${param.name}=)`, lifecycle: param.lifecycle, since: param.since })),
    ]);
    for (const { label, lifecycle, since } of entries) {
      if (!lifecycle) continue;
      assert.ok(lifecycle.deprecatedIn !== undefined || lifecycle.removedIn !== undefined, `${label}: lifecycle without a version`);
      if (lifecycle.deprecatedIn && lifecycle.removedIn) assert.ok(compareVersions(lifecycle.deprecatedIn, lifecycle.removedIn) < 0, `${label}: removed before deprecated`);
      const first = lifecycle.deprecatedIn ?? lifecycle.removedIn!;
      if (since) assert.ok(compareVersions(since, first) <= 0, `${label}: added in ${since}, after ${first}`);
    }
  }
});

test('callable names are unique per library, and parameter names per callable', () => {
  for (const library of LIBRARIES) {
    // A method is named by its receiver too: `request` and `Session.request` are different callables.
    const names = library.callables.map((callable) => (callable.receiver ? `${callable.receiver}.${callable.name}` : callable.name));
    assert.deepEqual(names, [...new Set(names)], `${library.id} callables`);
    for (const callable of library.callables) {
      const params = callable.params.map((param) => param.name);
      assert.deepEqual(params, [...new Set(params)], `${library.id}.${callable.name} params`);
    }
    const ids = library.configs.map((config) => config.id);
    assert.deepEqual(ids, [...new Set(ids)], `${library.id} configs`);
  }
});

test('every config a parameter or callable names exists in its library, with the fields its defaults give', () => {
  for (const library of LIBRARIES) {
    const configIds = new Set(library.configs.map((config) => config.id));
    for (const callable of library.callables) {
      if (callable.builds) assert.ok(configIds.has(callable.builds), `${library.id}.${callable.name} builds unknown ${callable.builds}`);
      for (const param of callable.params) {
        if (!param.config) {
          assert.equal(param.omittedFields, undefined, `${library.id}.${callable.name}(${param.name}=) has omitted fields but no config`);
          continue;
        }
        const config = library.configs.find((candidate) => candidate.id === param.config);
        assert.ok(config, `${library.id}.${callable.name}(${param.name}=) names unknown config ${param.config}`);
        const fieldNames = config.fields.map((field) => field.name).sort();
        for (const entry of param.omittedFields ?? []) {
          assert.deepEqual(Object.keys(entry.values).sort(), fieldNames, `${library.id}.${callable.name}(${param.name}=) omitted fields`);
        }
      }
    }
  }
});

test('every config is built by a callable of its library (or of the library its foreign builder names), and its rules name its own fields', () => {
  for (const library of LIBRARIES) {
    for (const config of library.configs) {
      const foreign = config.foreignBuilder;
      const owner = foreign ? LIBRARIES.find((candidate) => candidate.modules[0] === foreign.module) : library;
      assert.ok(owner, `${config.id}: no catalogued library has module ${foreign?.module}`);
      const builder = owner.callables.find((callable) => callable.name === config.callable && !callable.receiver);
      assert.ok(builder, `${config.id}: no callable ${config.callable} in ${owner.id}`);
      if (foreign) {
        problemsOf(sourceProblems(foreign.source, `${config.id} foreign builder`));
        // The foreign builder's own config must have every field this one reads from tuples and numbers.
        const built = owner.configs.find((candidate) => candidate.id === builder.builds);
        assert.ok(built, `${config.id}: ${owner.id}.${builder.name} builds no config`);
        for (const field of config.fields) assert.ok(built.fields.some((candidate) => candidate.name === field.name), `${config.id}: ${built.id} has no field ${field.name}`);
      }
      const fields = new Set(config.fields.map((field) => field.name));
      for (const field of config.tuple?.order ?? []) assert.ok(fields.has(field), `${config.id} tuple order names ${field}`);
      for (const constraint of config.constraints ?? []) {
        assert.ok(fields.has(constraint.field), `${config.id} constraint on ${constraint.field}`);
        if (constraint.kind === 'not-above') assert.ok(fields.has(constraint.limit), `${config.id} constraint limit ${constraint.limit}`);
      }
      if (config.fallbackParam) assert.ok(builder.params.some((param) => param.name === config.fallbackParam), `${config.id} fallback ${config.fallbackParam}`);
    }
  }
});

test('every name a callable refers to is one of its parameters (positional orders, pool wait, overrides, replacements)', () => {
  for (const library of LIBRARIES) {
    for (const callable of library.callables) {
      const label = `${library.id}.${callable.name}`;
      const params = new Set(callable.params.map((param) => param.name));
      for (const order of callable.positional) for (const name of order.names) assert.ok(params.has(name), `${label}: positional ${name}`);
      if (callable.poolWait) {
        assert.ok(params.has(callable.poolWait.capParam), `${label}: pool wait cap ${callable.poolWait.capParam}`);
        assert.ok(params.has(callable.poolWait.waitParam), `${label}: pool wait ${callable.poolWait.waitParam}`);
      }
      for (const param of callable.params) {
        for (const overridden of param.overrides?.params ?? []) assert.ok(params.has(overridden), `${label}(${param.name}=) overrides ${overridden}`);
        const replacement = param.lifecycle?.replacement;
        // An old keyword of a config callable is replaced by a field of the config it builds; others by a sibling parameter.
        const config = library.configs.find((candidate) => candidate.id === callable.builds);
        const fieldOrParam = params.has(replacement ?? '') || config?.fields.some((field) => field.name === replacement);
        if (replacement) assert.ok(fieldOrParam, `${label}(${param.name}=) replaced by unknown ${replacement}`);
      }
      const replacedBy = callable.lifecycle?.replacement;
      if (replacedBy) assert.ok(library.callables.some((other) => other.name === replacedBy), `${label} replaced by unknown ${replacedBy}`);
    }
  }
});

test('positional orders, versioned defaults and omitted fields cover ordered, non-overlapping version ranges', () => {
  const problems: string[] = [];
  for (const library of LIBRARIES) {
    for (const callable of library.callables) {
      const label = `${library.id}.${callable.name}`;
      assert.ok(callable.positional.length > 0, `${label}: no positional order`);
      problems.push(...rangeProblems(callable.positional.map((order) => order.versions), `${label} positional`));
      for (const param of callable.params) {
        problems.push(...rangeProblems((param.defaultsByVersion ?? []).map((entry) => entry.versions), `${label}(${param.name}=) defaults`));
        problems.push(...rangeProblems((param.omittedFields ?? []).map((entry) => entry.versions), `${label}(${param.name}=) omitted fields`));
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('releases are ascending and unique, and the newest version is the last release', () => {
  const check = (library: LibrarySpec) => {
    assert.ok(library.releases.length > 0, library.id);
    library.releases.forEach((release, index) => {
      if (index > 0) assert.ok(compareVersions(library.releases[index - 1], release) < 0, `${library.id}: ${library.releases[index - 1]} before ${release}`);
    });
    assert.equal(library.newestVersion, library.releases[library.releases.length - 1], library.id);
  };
  LIBRARIES.forEach(check);
});
