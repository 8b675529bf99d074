/**
 * The editor's settings for inlay hints and the PG301 default timeout, and how settings combine
 * with `[tool.pool-guide]` into analysis options (the settings win).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysisOptions } from '../../../server/src/lsp/session';
import { DEFAULT_SETTINGS, validateSettings } from '../../../server/src/protocol';

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
  const fromPyproject = analysisOptions(DEFAULT_SETTINGS, pyproject);
  assert.equal(fromPyproject.severities?.PG101, 'error');
  assert.equal(fromPyproject.severities?.PG302, 'off');
  assert.equal(fromPyproject.defaultTimeout, 7.5);

  const settings = validateSettings({ severity: { 'timeouts-disabled': 'hint', PG101: 'off' }, defaultTimeout: 3 });
  const combined = analysisOptions(settings, pyproject);
  assert.equal(combined.severities?.PG302, 'hint', 'a setting brings back a rule pyproject ignores');
  assert.equal(combined.severities?.PG101, 'off');
  assert.equal(combined.defaultTimeout, 3);
  assert.equal(analysisOptions(DEFAULT_SETTINGS).defaultTimeout, undefined);
});
