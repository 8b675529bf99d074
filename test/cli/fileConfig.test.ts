/**
 * `exclude`, `extend-exclude` and `per-file-ignores` of `[tool.pool-guide]` through the bundled CLI,
 * on a temp project with src/, tests/ and build/: a walked file that `exclude` covers is not
 * checked, shown or fixed, a file named on the command line is (unless `--force-exclude`);
 * `per-file-ignores` drop their rules
 * (even under --select) in every format and in `--fix`; bad values are warnings and the run goes on.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli, tempTree } from '../helpers/cli';
import type { ReportedFinding } from '../../server/src/cli/report';

/** A request in a loop without a timeout (PG301, PG501) and a tuple timeout with a safe fix (PG101). */
const SOURCE = 'import httpx\nimport requests\n\n\ndef fetch(urls):\n    for url in urls:\n        requests.get(url)\n\n\nclient = httpx.Client(timeout=(1, 2))\n';
const PYPROJECT = `[project]
name = "demo"

[tool.pool-guide]
exclude = ["build"]
extend-exclude = ["src/generated_*.py"]

[tool.pool-guide.per-file-ignores]
"tests/**" = ["PG301", "PG5"]
"conftest.py" = ["ALL"]
`;

function project(pyproject = PYPROJECT) {
  return tempTree({
    'pyproject.toml': pyproject,
    'src/app.py': SOURCE,
    'src/generated_api.py': SOURCE,
    'tests/unit/test_app.py': SOURCE,
    'tests/conftest.py': SOURCE,
    'build/lib/app.py': SOURCE,
  });
}

function findingsOf(args: readonly string[], cwd: string): string[] {
  const run = runCli(['check', '--format', 'json', ...args], cwd);
  assert.equal(run.stderr, '');
  return (JSON.parse(run.stdout) as ReportedFinding[]).map((finding) => `${finding.path} ${finding.code}`).sort();
}

describe('check: per-file configuration', () => {
  const tree = project();
  after(() => tree.cleanup());

  test('walked: excluded files are skipped, tests lose their ignored rules, conftest.py loses all', () => {
    assert.deepEqual(findingsOf(['.'], tree.root), ['src/app.py PG101', 'src/app.py PG301', 'src/app.py PG501', 'tests/unit/test_app.py PG101']);
  });

  test('named on the command line: an excluded file is checked; per-file-ignores still apply', () => {
    assert.deepEqual(findingsOf(['build/lib/app.py', 'src/generated_api.py', 'tests/conftest.py'], tree.root), [
      'build/lib/app.py PG101',
      'build/lib/app.py PG301',
      'build/lib/app.py PG501',
      'src/generated_api.py PG101',
      'src/generated_api.py PG301',
      'src/generated_api.py PG501',
    ]);
  });

  test('--force-exclude (as pre-commit names each file): exclude applies to named paths too', () => {
    assert.deepEqual(findingsOf(['--force-exclude', 'build/lib/app.py', 'src/generated_api.py', 'src/app.py', 'build'], tree.root), ['src/app.py PG101', 'src/app.py PG301', 'src/app.py PG501']);
  });

  test('globs are relative to the pyproject, whatever the working directory', () => {
    assert.deepEqual(findingsOf(['unit'], path.join(tree.root, 'tests')), ['unit/test_app.py PG101']);
    assert.deepEqual(findingsOf(['..'], path.join(tree.root, 'src')), ['../src/app.py PG101', '../src/app.py PG301', '../src/app.py PG501', '../tests/unit/test_app.py PG101']);
  });

  test('--select does not bring back a rule per-file-ignores drop', () => {
    assert.deepEqual(findingsOf(['--select', 'PG301,PG501', 'tests', 'src/app.py'], tree.root), ['src/app.py PG301', 'src/app.py PG501']);
  });

  test('sarif and concise report the same findings', () => {
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '.'], tree.root).stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const results = sarif.runs[0].results.map((result) => `${result.locations[0].physicalLocation.artifactLocation.uri.replace(/^.*?(src|tests)\//, '$1/')} ${result.ruleId}`);
    assert.deepEqual(results.sort(), ['src/app.py PG101', 'src/app.py PG301', 'src/app.py PG501', 'tests/unit/test_app.py PG101']);
    const concise = runCli(['check', '--output-format', 'concise', '.'], tree.root).stdout;
    assert.deepEqual(concise.split('\n').filter((line) => line.includes(': PG')).map((line) => line.split(':')[0]), ['src/app.py', 'src/app.py', 'src/app.py', 'tests/unit/test_app.py']);
  });

  test('show skips excluded files too', () => {
    const run = runCli(['show', '--format', 'json', '.'], tree.root);
    assert.equal(run.status, 0, run.stderr);
    const files = new Set((JSON.parse(run.stdout) as { path: string }[]).map((call) => call.path));
    assert.deepEqual([...files].sort(), ['src/app.py', 'tests/conftest.py', 'tests/unit/test_app.py']);
  });
});

describe('check --fix: per-file configuration', () => {
  test('fixes neither excluded files nor rules per-file-ignores drop', () => {
    const tree = project(PYPROJECT.replace('"conftest.py" = ["ALL"]', '"conftest.py" = ["PG101"]'));
    try {
      const run = runCli(['check', '--fix', '--format', 'json', '.'], tree.root);
      assert.equal(run.stderr, '');
      const read = (file: string) => fs.readFileSync(path.join(tree.root, file), 'utf8');
      assert.notEqual(read('src/app.py'), SOURCE, 'the PG101 fix is applied where the rule runs');
      assert.equal(read('tests/unit/test_app.py'), read('src/app.py'));
      assert.equal(read('tests/conftest.py'), SOURCE, 'PG101 is ignored for conftest.py');
      assert.equal(read('build/lib/app.py'), SOURCE, 'an excluded file is not fixed');
      assert.equal(read('src/generated_api.py'), SOURCE);
    } finally {
      tree.cleanup();
    }
  });
});

describe('check: bad per-file configuration', () => {
  test('each bad value is one warning on stderr; the rest of the table applies and the run goes on', () => {
    const tree = project('[tool.pool-guide]\nexclude = "build"\nextend-exclude = ["[abc", "src/generated_*.py"]\nper-file-ignores = { "tests/**" = ["PG999", "PG101"], "x/**" = "PG301" }\n');
    try {
      const run = runCli(['check', '--format', 'json', 'src', 'tests/unit'], tree.root);
      assert.equal(run.status, 1);
      const pyproject = path.join(tree.root, 'pyproject.toml');
      assert.deepEqual(run.stderr.split('\n').filter(Boolean), [
        `pool-guide: ${pyproject}: 'exclude' must be a list of glob patterns such as ["build/**"]`,
        `pool-guide: ${pyproject}: 'extend-exclude': the pattern '[abc' is not a valid glob (Missing closing: "]")`,
        `pool-guide: ${pyproject}: 'per-file-ignores.tests/**' names an unknown rule 'PG999'`,
        `pool-guide: ${pyproject}: 'per-file-ignores.x/**' must be a list of rule codes or names`,
      ]);
      const findings = (JSON.parse(run.stdout) as ReportedFinding[]).map((finding) => `${finding.path} ${finding.code}`).sort();
      assert.deepEqual(findings, ['src/app.py PG101', 'src/app.py PG301', 'src/app.py PG501', 'tests/unit/test_app.py PG301', 'tests/unit/test_app.py PG501']);
    } finally {
      tree.cleanup();
    }
  });
});
