/**
 * `[tool.pool-guide]` parsing and rule selection: codes, names and prefixes; select/ignore/severity
 * layers (later wins); every problem described, nothing thrown.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveRuleCodes, severitiesFor } from '../../../server/src/core/config/ruleSelection';
import { parseToolConfig } from '../../../server/src/core/config/toolConfig';
import { RULES } from '../../../server/src/core/rules';

test('a full table', () => {
  const parsed = parseToolConfig(`
[project]
name = "x"

[tool.pool-guide]
select = ["PG1", "timeouts-disabled"]
ignore = ["PG102"]
severity = { PG101 = "error", client-per-request = "off" }
default-timeout = 7.5
`);
  assert.deepEqual(parsed, {
    config: { select: ['PG101', 'PG102', 'PG302'], ignore: ['PG102'], severity: { PG101: 'error', PG501: 'off' }, defaultTimeout: 7.5 },
    problems: [],
  });
});

test('no table, or no pyproject content, is an empty config', () => {
  assert.deepEqual(parseToolConfig('[project]\nname = "x"\n'), { config: {}, problems: [] });
  assert.deepEqual(parseToolConfig(''), { config: {}, problems: [] });
});

test('what does not fit is dropped and described', () => {
  assert.deepEqual(
    parseToolConfig('[tool.pool-guide]\nselect = "PG101"\nignore = ["PG101", "nope"]\nseverity = { PG102 = "loud", PG999 = "error", PG301 = "hint" }\ndefault-timeout = 0\nextra = 1\n'),
    {
      config: { ignore: ['PG101'], severity: { PG301: 'hint' } },
      problems: [
        "[tool.pool-guide] has an unknown key 'extra'",
        "'select' must be a list of rule codes or names",
        "'ignore' names an unknown rule 'nope'",
        "'severity.PG102' must be one of error, warning, information, hint, off",
        "'severity' names an unknown rule 'PG999'",
        "'default-timeout' must be a positive number of seconds",
      ],
    },
  );
  assert.deepEqual(parseToolConfig('[tool.pool-guide]\nseverity = 3\n').problems, ["'severity' must be a table such as { PG101 = \"warning\" }"]);
  assert.deepEqual(parseToolConfig('tool = 1\n'), { config: {}, problems: [] });
  assert.deepEqual(parseToolConfig('[tool]\npool-guide = 1\n'), { config: {}, problems: ['[tool.pool-guide] is not a table'] });
});

test('invalid TOML is one problem, not an exception', () => {
  const { config, problems } = parseToolConfig('[tool.pool-guide\nselect = [');
  assert.deepEqual(config, {});
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^not valid TOML: /);
});

test('rule references: codes (any case), names, prefixes; unknown ones returned as written', () => {
  assert.deepEqual(resolveRuleCodes(['pg101', 'missing-timeout', ' PG4 ', '', 'PG9', 'E501']), { codes: ['PG101', 'PG301', 'PG401', 'PG402', 'PG403', 'PG404'], unknown: ['PG9', 'E501'] });
  assert.deepEqual(resolveRuleCodes(['PG']).codes, RULES.map((rule) => rule.code));
});

test('layers: select replaces, ignore removes, severity sets or turns off; later layers win', () => {
  assert.deepEqual(severitiesFor([]), {});
  assert.deepEqual(severitiesFor([{ select: ['PG101'] }]), Object.fromEntries(RULES.filter((rule) => rule.code !== 'PG101').map((rule) => [rule.code, 'off'])));
  assert.deepEqual(severitiesFor([{ ignore: ['PG101'], severity: { PG302: 'error' } }]), { PG101: 'off', PG302: 'error' });
  assert.deepEqual(severitiesFor([{ ignore: ['PG302'], severity: { PG302: 'error' } }]), { PG302: 'off' }, 'ignore wins within a layer');
  // The editor's settings (second layer) bring back a rule pyproject turned off.
  assert.deepEqual(severitiesFor([{ ignore: ['PG101'] }, { severity: { PG101: 'hint' } }]), { PG101: 'hint' });
  // CLI flags (second layer) select again what pyproject ignored, keeping pyproject's level.
  assert.deepEqual(severitiesFor([{ ignore: ['PG302'], severity: { PG302: 'error' } }, { select: ['PG302'] }])['PG302'], 'error');
  assert.deepEqual(severitiesFor([{ severity: { PG101: 'error' } }, { severity: { PG101: 'off' } }]), { PG101: 'off' });
});
