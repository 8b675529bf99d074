/**
 * The CI-native formats against their documented shapes: GitHub workflow commands (escaping of
 * `%`, CR, LF in data and also `:` and `,` in properties; one command per finding) and GitLab Code
 * Quality (the fields GitLab reads; fingerprints stable across runs and line shifts, distinct for
 * distinct findings). Also the colour decision (NO_COLOR, FORCE_COLOR, terminals).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeData, escapeProperty, formatGithub } from '../../../server/src/cli/format/github';
import { formatGitlab, type CodeQualityIssue } from '../../../server/src/cli/format/gitlab';
import { wantsColour } from '../../../server/src/cli/format/paint';
import type { ReportedFinding } from '../../../server/src/cli/report';

function finding(overrides: Partial<ReportedFinding>): ReportedFinding {
  return {
    path: 'app/client.py',
    line: 2,
    column: 26,
    endLine: 2,
    endColumn: 32,
    code: 'PG101',
    name: 'ambiguous-timeout-tuple',
    severity: 'warning',
    message: 'A message',
    fixable: false,
    fix: null,
    ...overrides,
  };
}

/** Splits `::command key=value,…::data` back into its parts, undoing the runner's escapes. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `a workflow command: ${line}`);
  const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(match[2].split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))]));
  return { command: match[1], properties, data: unescape(match[3]) };
}

describe('--format github: workflow commands', () => {
  test('escaping: % first, then CR and LF; properties also : and ,', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('C:\\a,b%\n'), 'C%3A\\a%2Cb%25%0A');
    assert.equal(escapeData('%0A'), '%250A', 'an escape-looking text stays literal');
  });

  test('one command per finding, level by severity, every location property, title with the rule', () => {
    const output = formatGithub(
      [
        finding({ severity: 'warning', message: '50% of 2: a\nb', fix: { title: 'Name it', safe: true } }),
        finding({ path: 'a,b:c.py', code: 'PG301', name: 'missing-timeout', severity: 'error', line: 7, column: 1, endLine: 9, endColumn: 4 }),
        finding({ code: 'PG501', name: 'client-per-request', severity: 'information' }),
        finding({ code: 'PG501', name: 'client-per-request', severity: 'hint' }),
      ],
      process.cwd(),
    );
    const lines = output.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.equal(lines.length, 4);
    assert.ok(lines.every((line) => !/[\r]/.test(line)));
    const [first, second, third, fourth] = lines.map(parseCommand);
    assert.deepEqual(first.properties, { file: 'app/client.py', line: '2', col: '26', endLine: '2', endColumn: '32', title: 'PG101 ambiguous-timeout-tuple' });
    assert.equal(first.command, 'warning');
    assert.equal(first.data, '50% of 2: a\nb\nFix (safe, applied by `pool-guide check --fix`): Name it\nhttps://github.com/pool-guide/pool-guide/blob/main/docs/rules/PG101.md');
    assert.equal(second.command, 'error');
    assert.deepEqual(second.properties, { file: 'a,b:c.py', line: '7', col: '1', endLine: '9', endColumn: '4', title: 'PG301 missing-timeout' });
    assert.match(lines[1], /^::error file=a%2Cb%3Ac\.py,line=7,/);
    assert.deepEqual([third.command, fourth.command], ['notice', 'notice']);
  });
});

describe('--format gitlab: Code Quality', () => {
  const SOURCE = 'import httpx\nc = httpx.Client(timeout=(1, 2))\nd = httpx.Client(timeout=(1, 2))\ne = httpx.Client(timeout=(3,  4))\n';
  const report = (findings: readonly ReportedFinding[], source = SOURCE) => JSON.parse(formatGitlab(findings, () => source, process.cwd())) as CodeQualityIssue[];
  const at = (line: number, column = 26, endColumn = 32) => finding({ line, endLine: line, column, endColumn });

  test('the fields GitLab reads, with their types and values', () => {
    const [issue] = report([finding({ severity: 'error', message: 'Broken' })]);
    assert.deepEqual(Object.keys(issue).sort(), ['categories', 'check_name', 'description', 'fingerprint', 'location', 'severity', 'type']);
    assert.equal(issue.type, 'issue');
    assert.equal(issue.check_name, 'PG101');
    assert.equal(issue.description, 'PG101 ambiguous-timeout-tuple: Broken');
    assert.equal(issue.severity, 'critical');
    assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
    assert.deepEqual(issue.location, { path: 'app/client.py', positions: { begin: { line: 2, column: 26 }, end: { line: 2, column: 32 } } });
    assert.deepEqual(
      (['error', 'warning', 'information', 'hint'] as const).map((severity) => report([finding({ severity })])[0].severity),
      ['critical', 'major', 'minor', 'info'],
      'GitLab severities: info, minor, major, critical, blocker',
    );
  });

  test('fingerprints: the same across runs and when lines move; distinct for each finding', () => {
    const findings = [at(2), at(3), at(4, 26, 33)];
    const first = report(findings).map((issue) => issue.fingerprint);
    assert.deepEqual(report(findings).map((issue) => issue.fingerprint), first, 'a second run');
    assert.equal(new Set(first).size, 3, 'two identical lines still get two fingerprints (by occurrence)');
    const shifted = report([at(4), at(5), at(6, 26, 33)], `import httpx\n\n\n${SOURCE.split('\n').slice(1).join('\n').replace('(3,  4)', '(3,\t 4)')}`);
    assert.deepEqual(shifted.map((issue) => issue.fingerprint), first, 'lines moved down, whitespace inside the span changed');
    assert.notDeepEqual(report([finding({ line: 2, endLine: 2, path: 'other.py' })])[0].fingerprint, first[0], 'another file');
    assert.notDeepEqual(report([finding({ code: 'PG302' })])[0].fingerprint, first[0], 'another rule');
  });
});

describe('colour decision', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  test('a terminal gets colour unless NO_COLOR or TERM=dumb; a pipe only with FORCE_COLOR, which wins over NO_COLOR', () => {
    assert.equal(wantsColour(tty, {}), true);
    assert.equal(wantsColour(tty, { NO_COLOR: '1' }), false);
    assert.equal(wantsColour(tty, { NO_COLOR: '' }), true, 'an empty NO_COLOR is unset');
    assert.equal(wantsColour(tty, { TERM: 'dumb' }), false);
    assert.equal(wantsColour(pipe, {}), false);
    assert.equal(wantsColour(pipe, { FORCE_COLOR: '1' }), true);
    assert.equal(wantsColour(pipe, { FORCE_COLOR: '' }), true);
    assert.equal(wantsColour(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }), true);
    assert.equal(wantsColour(tty, { FORCE_COLOR: '0' }), false);
    assert.equal(wantsColour(tty, { FORCE_COLOR: 'false' }), false);
  });
});
