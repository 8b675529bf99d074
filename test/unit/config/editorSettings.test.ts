/**
 * The editor's settings for inlay hints and the PG301 default timeout, and how settings combine
 * with `[tool.pool-guide]` into analysis options (the settings win, but not over the table's
 * `exclude` and `per-file-ignores`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysisOptions } from '../../../server/src/lsp/session';
import { DEFAULT_SETTINGS, validateSettings } from '../../../server/src/protocol';

const NOTHING_MATCHED = { excluded: false, ignore: [] };

test('inlayHints.enable and defaultTimeout: valid values kept, others dropped', () => {
  const settings = validateSettings({ inlayHints: { enable: false }, defaultTimeout: 7.5 });
  assert.deepEqual(settings.inlayHints, { enable: false });
  assert.equal(settings.defaultTimeout, 7.5);
  for (const raw of [{ inlayHints: false }, { inlayHints: { enable: 'no' } }, { defaultTimeout: 0 }, { defaultTimeout: -3 }, { defaultTimeout: '10' }, { defaultTimeout: Number.POSITIVE_INFINITY }]) {
    assert.deepEqual(validateSettings(raw), DEFAULT_SETTINGS, JSON.stringify(raw));
  }
});

test('analysis options: pyproject first, then the settings; defaultTimeout from settings, else pyproject', () => {
  const pyproject = { ignore: ['PG302'], severity: { PG101: 'error' as const }, defaultTimeout: 7.5 };
  const fromPyproject = analysisOptions(DEFAULT_SETTINGS, { config: pyproject, file: NOTHING_MATCHED });
  assert.equal(fromPyproject.severities?.PG101, 'error');
  assert.equal(fromPyproject.severities?.PG302, 'off');
  assert.equal(fromPyproject.defaultTimeout, 7.5);

  const settings = validateSettings({ severity: { 'timeouts-disabled': 'hint', PG101: 'off' }, defaultTimeout: 3 });
  const combined = analysisOptions(settings, { config: pyproject, file: NOTHING_MATCHED });
  assert.equal(combined.severities?.PG302, 'hint', 'a setting brings back a rule pyproject ignores');
  assert.equal(combined.severities?.PG101, 'off');
  assert.equal(combined.defaultTimeout, 3);
  assert.equal(analysisOptions(DEFAULT_SETTINGS).defaultTimeout, undefined);
});

test('analysis options: per-file-ignores and exclude win over the settings', () => {
  const settings = validateSettings({ severity: { PG501: 'warning', PG301: 'error' } });
  const ignored = analysisOptions(settings, { config: {}, file: { excluded: false, ignore: ['PG501'] } });
  assert.equal(ignored.severities?.PG501, 'off', 'the file matches a per-file-ignores pattern');
  assert.equal(ignored.severities?.PG301, 'error');
  const excluded = analysisOptions(settings, { config: {}, file: { excluded: true, ignore: [] } });
  assert.ok(Object.values(excluded.severities ?? {}).length > 0);
  assert.ok(Object.values(excluded.severities ?? {}).every((level) => level === 'off'), 'an excluded file runs no rule');
});
