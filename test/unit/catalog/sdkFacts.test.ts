/**
 * The SDK facts of the catalog against lines recorded from the SDKs' sources at release tags
 * (test/fixtures/library-facts/sdk-facts.json): openai's and anthropic's DEFAULT_TIMEOUT,
 * DEFAULT_MAX_RETRIES and connection limits per tag, the HTTP library they are built on, and
 * botocore's Config positional order (OPTION_DEFAULTS) at the first release of every order, its
 * retry defaults (legacy and standard attempts, `max_attempts` + 1, the legacy fallback) and each
 * `defaults_mode` preset's connect timeout and retry mode.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LIBRARIES } from '../../../server/src/catalog';
import { isInRange, omittedFieldsAt, positionalNamesAt, versionedFieldsAt } from '../../../server/src/catalog/versions';
import { repoRoot } from '../../helpers/repo';

type Recorded = { readonly library: string; readonly tag: string; readonly text: string };
type RecordedOrder = { readonly tag: string; readonly names: readonly string[] };
type RecordedModes = {
  readonly tag: string;
  readonly base: { readonly retryMode: string; readonly connectTimeoutInMillis: number };
  readonly modes: Readonly<Record<string, { readonly connectTimeoutInMillis?: { readonly override: number } }>>;
};
const facts = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'library-facts', 'sdk-facts.json'), 'utf8')) as {
  readonly sdk_constants: readonly Recorded[];
  readonly botocore_option_order: readonly RecordedOrder[];
  readonly botocore_retries: readonly (Recorded & { readonly path: string })[];
  readonly botocore_defaults_modes: readonly RecordedModes[];
};

const library = (id: string) => LIBRARIES.find((candidate) => candidate.id === id)!;
/** `600`, `600.0` or `10 * 60` as a number. */
const number = (text: string) => text.split('*').reduce((product, factor) => product * Number(factor.trim()), 1);
const keyword = (text: string, name: string) => number(new RegExp(`${name}=([^,)]+)`).exec(text)![1]);

test('the recorded lines cover both SDKs and every constant', () => {
  for (const id of ['openai', 'anthropic']) {
    const lines = facts.sdk_constants.filter((entry) => entry.library === id).map((entry) => entry.text);
    for (const constant of ['DEFAULT_TIMEOUT', 'DEFAULT_MAX_RETRIES', 'LIMITS']) assert.ok(lines.some((text) => text.includes(constant)), `${id} ${constant}`);
  }
});

for (const entry of facts.sdk_constants) {
  const version = entry.tag.replace(/^v/, '');
  test(`${entry.library} ${entry.tag}: ${entry.text}`, () => {
    const sdk = library(entry.library);
    const client = sdk.callables.find((callable) => callable.kind === 'client' && callable.wrapsClient)!;
    const module = /= (\w+)\.(Timeout|Limits)/.exec(entry.text)?.[1];
    if (module) assert.equal(client.wrapsClient!.underlyingModules.find((each) => isInRange(version, each.versions))?.module, module);
    if (entry.text.startsWith('DEFAULT_TIMEOUT')) {
      const total = keyword(entry.text, 'timeout');
      const fields = omittedFieldsAt(client.params.find((param) => param.name === 'timeout')!, version);
      assert.deepEqual(fields, { connect: keyword(entry.text, 'connect'), read: total, write: total, pool: total });
    } else if (entry.text.startsWith('DEFAULT_MAX_RETRIES')) {
      assert.equal(client.params.find((param) => param.name === 'max_retries')!.effectiveDefault?.value, number(entry.text.split('=')[1]));
    } else {
      const limits = versionedFieldsAt(client.wrapsClient!.limits.sdkDefault, version)!;
      assert.equal(limits.max_connections, keyword(entry.text, 'max_connections'));
      assert.equal(limits.max_keepalive_connections, keyword(entry.text, 'max_keepalive_connections'));
    }
  });
}

test("botocore Config's positional order at every recorded tag is OPTION_DEFAULTS at that tag", () => {
  const config = library('botocore').callables.find((callable) => callable.name === 'Config')!;
  assert.ok(facts.botocore_option_order.length >= 10);
  for (const entry of facts.botocore_option_order) assert.deepEqual(positionalNamesAt(config, entry.tag), entry.names, entry.tag);
  // The insertion that moves the timeouts: 1.29.165 still has connect_timeout at index 4, 1.30.0 at 5.
  const at = (tag: string) => positionalNamesAt(config, tag).indexOf('connect_timeout');
  assert.deepEqual([at('1.29.165'), at('1.30.0')], [4, 5]);
});

test("botocore's retry defaults at every recorded tag are the catalog's: standard 3, legacy 5 (dynamodb 10), max_attempts + 1, legacy by default", () => {
  const retries = library('botocore').configs[0].retries!;
  const mode = (name: string) => retries.modes.find((each) => each.name === name)!;
  const tags = new Set(facts.botocore_retries.map((entry) => entry.tag));
  assert.ok(tags.has('1.20.0') && tags.has('1.43.67'), 'the oldest and the newest catalogued releases are recorded');
  for (const tag of tags) {
    const lines = facts.botocore_retries.filter((entry) => entry.tag === tag).map((entry) => entry.text);
    const standard = lines.find((text) => text.startsWith('DEFAULT_MAX_ATTEMPTS'));
    assert.equal(number(standard!.split('=')[1]), mode('standard').attempts, tag);
    assert.equal(mode('adaptive').attempts, mode('standard').attempts, 'adaptive registers the standard handler');
    assert.ok(lines.includes(`"max_attempts": ${mode('legacy').attempts},`), `${tag}: legacy __default__`);
    assert.ok(lines.includes(`"max_attempts": ${mode('legacy').serviceAttempts!.dynamodb},`), `${tag}: dynamodb`);
    assert.ok(lines.includes(`retries['${retries.totalKey}'] = value + 1`), `${tag}: ${retries.retriesKey} counts retries`);
    assert.ok(lines.includes(`retry_mode = '${retries.defaultMode}'`), `${tag}: the default mode`);
  }
});

test("each botocore defaults_mode preset sets the recorded connect timeout and retry mode, at every recorded tag", () => {
  const option = library('botocore').configs[0].defaultsMode!;
  assert.ok(facts.botocore_defaults_modes.length >= 2);
  for (const entry of facts.botocore_defaults_modes) {
    assert.ok(isInRange(entry.tag, option.versions), entry.tag);
    assert.deepEqual(option.presets.map((preset) => preset.name).sort(), Object.keys(entry.modes).sort(), entry.tag);
    for (const [name, changes] of Object.entries(entry.modes)) {
      const preset = option.presets.find((candidate) => candidate.name === name)!;
      assert.equal(preset.fields.connect_timeout, (changes.connectTimeoutInMillis?.override ?? entry.base.connectTimeoutInMillis) / 1000, `${entry.tag} ${name}`);
      assert.equal(preset.retryMode, entry.base.retryMode, `${entry.tag} ${name}`);
    }
  }
});
