/**
 * `exclude`, `extend-exclude` and `per-file-ignores` of `[tool.pool-guide]`: parsed with every bad
 * value described, and matched with Ruff's reading of a pattern (relative to the pyproject's
 * folder; a pattern without `/` names a file or folder anywhere; `**` crosses folders, `*` does not).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ignoredCodes, isExcluded, patternProblem } from '../../../server/src/core/config/pathPatterns';
import { resolveRuleCodes } from '../../../server/src/core/config/ruleSelection';
import { parseToolConfig } from '../../../server/src/core/config/toolConfig';
import { RULES } from '../../../server/src/core/rules';

const configOf = (toml: string) => {
  const { config, problems } = parseToolConfig(`[tool.pool-guide]\n${toml}\n`);
  assert.deepEqual(problems, []);
  return config;
};

test('exclude: a pattern with a slash is anchored at the pyproject folder, one without names a file or folder anywhere', () => {
  const config = configOf('exclude = ["build/**", "generated_*.py", ".venv-*", "./docs/examples/"]');
  const excluded = (relative: string) => isExcluded(config, relative);
  assert.equal(excluded('build/lib/app.py'), true);
  assert.equal(excluded('src/build/app.py'), false, 'build/** is anchored');
  assert.equal(excluded('generated_api.py'), true);
  assert.equal(excluded('src/deep/generated_api.py'), true, 'a name matches in any folder');
  assert.equal(excluded('src/api.py'), false);
  assert.equal(excluded('.venv-old/lib/x.py'), true, 'an enclosing folder can match by name; dot names match');
  assert.equal(excluded('docs/examples/client.py'), true, 'a leading ./ and a trailing / are allowed');
  assert.equal(excluded('docs/client.py'), false);
  assert.equal(excluded('../elsewhere/build/x.py'), false, 'nothing outside the folder matches');
});

test('extend-exclude adds to exclude', () => {
  const config = configOf('exclude = ["a/**"]\nextend-exclude = ["b"]');
  assert.deepEqual(config.exclude, ['a/**', 'b']);
  assert.equal(isExcluded(config, 'b/x.py'), true);
  assert.equal(isExcluded(config, 'a/x.py'), true);
  assert.equal(isExcluded(config, 'c/x.py'), false);
});

test('per-file-ignores: codes, prefixes, names and ALL; a single * stays in its folder; ! negates', () => {
  const config = configOf(`
[tool.pool-guide.per-file-ignores]
"tests/**" = ["PG301", "PG5"]
"conftest.py" = ["ALL"]
"scripts/*.py" = ["missing-timeout"]
"!src/**" = ["PG304"]
`);
  assert.deepEqual(config.perFileIgnores, [
    { pattern: 'tests/**', codes: ['PG301', 'PG501'] },
    { pattern: 'conftest.py', codes: RULES.map((rule) => rule.code) },
    { pattern: 'scripts/*.py', codes: ['PG301'] },
    { pattern: '!src/**', codes: ['PG304'] },
  ]);
  assert.deepEqual(ignoredCodes(config, 'tests/unit/test_client.py'), ['PG301', 'PG304', 'PG501']);
  assert.deepEqual(ignoredCodes(config, 'src/tests/test_client.py'), [], 'tests/** is anchored at the pyproject folder');
  assert.deepEqual(ignoredCodes(config, 'src/pkg/conftest.py'), RULES.map((rule) => rule.code).sort(), 'a name matches in any folder');
  assert.deepEqual(ignoredCodes(config, 'scripts/deploy.py'), ['PG301', 'PG304']);
  assert.deepEqual(ignoredCodes(config, 'scripts/ops/deploy.py'), ['PG304'], '* does not cross a folder');
  assert.deepEqual(ignoredCodes(config, 'src/app.py'), []);
});

test('per-file-ignores match files only, never by an enclosing folder name', () => {
  const config = configOf('per-file-ignores = { "tests" = ["PG501"] }');
  assert.deepEqual(ignoredCodes(config, 'tests/test_x.py'), []);
  assert.deepEqual(ignoredCodes(config, 'pkg/tests'), ['PG501']);
});

test('bad values are left out, each described, nothing thrown', () => {
  const { config, problems } = parseToolConfig(`[tool.pool-guide]
exclude = "build"
extend-exclude = ["ok/**", "[abc", "/abs/**", "!keep/**", ""]
per-file-ignores = { "tests/**" = ["PG301", "PG999"], "x/**" = "PG301", "{a" = ["PG301"], "y/**" = [] }
`);
  assert.deepEqual(config, { exclude: ['ok/**'], perFileIgnores: [{ pattern: 'tests/**', codes: ['PG301'] }] });
  assert.deepEqual(problems, [
    '\'exclude\' must be a list of glob patterns such as ["build/**"]',
    "'extend-exclude': the pattern '[abc' is not a valid glob (Missing closing: \"]\")",
    "'extend-exclude': the pattern '/abs/**' must be relative to the folder of pyproject.toml",
    "'extend-exclude': the pattern '!keep/**' cannot be negated here",
    "'extend-exclude': the pattern '' is empty",
    "'per-file-ignores.tests/**' names an unknown rule 'PG999'",
    "'per-file-ignores.x/**' must be a list of rule codes or names",
    "'per-file-ignores': the pattern '{a' is not a valid glob (Missing closing: \"}\")",
  ]);
  assert.deepEqual(parseToolConfig('[tool.pool-guide]\nper-file-ignores = ["tests/**"]\n').problems, ['\'per-file-ignores\' must be a table such as { "tests/**" = ["PG501"] }']);
  assert.equal(patternProblem('tests/**', true), undefined);
  assert.equal(patternProblem('!tests/**', true), undefined);
});

test('ALL selects every rule wherever rules are named', () => {
  assert.deepEqual(resolveRuleCodes(['ALL']), { codes: RULES.map((rule) => rule.code), unknown: [] });
  assert.deepEqual(resolveRuleCodes(['all']).unknown, ['all'], 'ALL is written in capitals, as in Ruff');
});
