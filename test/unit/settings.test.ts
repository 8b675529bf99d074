/**
 * The settings contract: package.json declares exactly the poolGuide.* settings the server reads
 * (every leaf of DEFAULT_SETTINGS, plus the client's trace.server), each with the default of
 * DEFAULT_SETTINGS, and validateSettings keeps valid values and drops the rest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, validateSettings } from '../../server/src/protocol';
import { repoRoot } from '../helpers/repo';

type Property = { readonly default?: unknown; readonly additionalProperties?: { readonly enum?: readonly string[] } };
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
const properties: Readonly<Record<string, Property>> = manifest.contributes.configuration.properties;

/** Settings only the client reads (the language client's own trace switch). */
const CLIENT_ONLY = ['poolGuide.trace.server'];

/** `poolGuide.<path>` → default, for every leaf of DEFAULT_SETTINGS; an empty object (a map setting) is a leaf. */
function defaultLeaves(value: unknown, prefix: string): [string, unknown][] {
  const isGroup = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;
  if (!isGroup) return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => defaultLeaves(child, `${prefix}.${key}`));
}

const leaves = defaultLeaves(DEFAULT_SETTINGS, SETTINGS_SECTION);

test('package.json declares exactly the settings of DEFAULT_SETTINGS and trace.server', () => {
  for (const key of ['poolGuide.enable', 'poolGuide.severity', 'poolGuide.versions']) assert.ok(leaves.some(([leaf]) => leaf === key), key);
  assert.deepEqual(Object.keys(properties).sort(), [...leaves.map(([key]) => key), ...CLIENT_ONLY].sort());
});

test('the declared defaults are DEFAULT_SETTINGS', () => {
  for (const [key, value] of leaves) assert.deepEqual(properties[key]?.default, value, key);
  assert.deepEqual(validateSettings(undefined), DEFAULT_SETTINGS);
});

test('validateSettings keeps valid values', () => {
  const settings = validateSettings({ enable: false, severity: { PG101: 'error', 'client-per-request': 'off' }, versions: { httpx: ' 0.27.2 ' } });
  assert.equal(settings.enable, false);
  assert.deepEqual(settings.severity, { PG101: 'error', 'client-per-request': 'off' });
  assert.deepEqual(settings.versions, { httpx: '0.27.2' });
});

test('validateSettings drops invalid values', () => {
  for (const raw of [null, 42, 'yes', [], { enable: 'no', severity: [], versions: 'httpx' }]) {
    assert.deepEqual(validateSettings(raw), DEFAULT_SETTINGS, JSON.stringify(raw));
  }
  const settings = validateSettings({ severity: { PG101: 'fatal', PG102: 3, PG201: 'hint' }, versions: { httpx: 'latest', httpx2: 2, requests: '2.32.3' } });
  assert.deepEqual(settings.severity, { PG201: 'hint' });
  assert.deepEqual(settings.versions, { requests: '2.32.3' });
});

test('every severity the manifest allows is accepted by validateSettings, and nothing else', () => {
  const allowed = properties['poolGuide.severity'].additionalProperties?.enum ?? [];
  assert.ok(allowed.length > 0);
  for (const severity of allowed) assert.deepEqual(validateSettings({ severity: { PG101: severity } }).severity, { PG101: severity });
  assert.deepEqual(validateSettings({ severity: { PG101: 'Warning' } }).severity, {});
});
