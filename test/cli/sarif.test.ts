/**
 * `check --format sarif` is valid SARIF 2.1.0 (validated against the vendored OASIS schema with
 * ajv-draft-04, ajv-formats checking uri and date-time) and carries what GitHub code scanning
 * shows: every rule with help text and a docs link, results with levels, relative artifact URIs
 * and 1-based regions.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { RULES } from '../../server/src/core/rules';
import { cliFixture, runCli } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';

function validator() {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

test('sarif output validates against the SARIF 2.1.0 schema and describes every rule', () => {
  const run = runCli(['check', '--format', 'sarif', '.'], cliFixture('configured'));
  assert.equal(run.status, 1);
  assert.equal(run.stderr, '');
  const log = JSON.parse(run.stdout) as Sarif.Log;
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));

  const [sarifRun] = log.runs;
  const rules = sarifRun.tool.driver.rules ?? [];
  assert.deepEqual(
    rules.map((rule) => rule.id),
    RULES.map((rule) => rule.code),
  );
  for (const rule of rules) {
    assert.match(rule.helpUri ?? '', new RegExp(`/docs/rules/${rule.id}\\.md$`));
    assert.ok(rule.help?.text && rule.shortDescription?.text, `${rule.id} has help text`);
    assert.ok(fs.existsSync(path.join(repoRoot(), 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md exists`);
  }

  const results = sarifRun.results ?? [];
  assert.deepEqual(
    results.map((result) => [result.ruleId, result.level, result.locations?.[0].physicalLocation?.artifactLocation?.uri]),
    [
      ['PG101', 'error', 'app/clients.py'],
      ['PG101', 'error', 'app/suppressed.py'],
    ],
  );
  for (const result of results) assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId);
  assert.deepEqual(results[0].locations?.[0].physicalLocation?.region, { startLine: 3, startColumn: 31, endLine: 3, endColumn: 41 });
  assert.equal(results[0].locations?.[0].physicalLocation?.artifactLocation?.uriBaseId, '%SRCROOT%');
});

test('sarif output without findings is valid too, and exits 0', () => {
  const run = runCli(['check', '--format', 'sarif', 'plain/clean.py'], cliFixture());
  assert.equal(run.status, 0);
  const log = JSON.parse(run.stdout) as Sarif.Log;
  assert.ok(validator()(log));
  assert.deepEqual(log.runs[0].results, []);
});

test('the validator rejects a broken log (the schema is really applied)', () => {
  assert.equal(validator()({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
});
