/**
 * `check`'s human-readable output end to end: the default `full` form (source lines, carets under
 * the span labelled with the rule, the fix and whether it is safe) with and without colour,
 * NO_COLOR and FORCE_COLOR, `--statistics`, `--quiet`, `--exit-non-zero-on-fix`, and the github and
 * gitlab formats as a CI job runs them.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cliFixture, runCli, tempTree } from '../helpers/cli';

const SUMMARY = 'Found 2 problems (1 fixable with `pool-guide check --fix`).\n';

const PLAIN_FULL = [
  'plain/one.py:3:31: PG101 [*] This 2-tuple sets connect=3.05, read=27 and leaves write and pool without any limit (httpx reads timeout tuples as (connect, read, write, pool)).',
  '  |',
  '1 | import httpx',
  '2 |',
  '3 | legacy = httpx.Client(timeout=(3.05, 27))',
  '  |                               ^^^^^^^^^^ PG101 ambiguous-timeout-tuple',
  '4 | patient = httpx.Client(timeout=None)',
  '  |',
  '  = fix (safe, applied by `--fix`): Name the timeout phases: `httpx.Timeout(connect=3.05, read=27, write=None, pool=None)`',
  '',
  'plain/one.py:4:24: PG302 `timeout=None` turns every timeout off (connect, read, write, pool): a stalled server or a full pool makes this wait forever.',
  '  |',
  '3 | legacy = httpx.Client(timeout=(3.05, 27))',
  '4 | patient = httpx.Client(timeout=None)',
  '  |                        ^^^^^^^^^^^^ PG302 timeouts-disabled',
  '  |',
  '',
  '',
].join('\n');

// The SGR sequences of util.styleText, written out: bold, yellow (a warning), blue, cyan.
const bold = (text: string) => `\x1b[1m${text}\x1b[22m`;
const warning = (text: string) => `\x1b[1m\x1b[33m${text}\x1b[39m\x1b[22m`;
const gutter = (text: string) => `\x1b[1m\x1b[34m${text}\x1b[39m\x1b[22m`;
const cyan = (text: string) => `\x1b[36m${text}\x1b[39m`;

describe('check --output-format full (the default)', () => {
  test('each finding with its source lines, carets under the span, the rule and its fix; then the summary', () => {
    const run = runCli(['check', 'plain'], cliFixture());
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assert.equal(run.stdout, PLAIN_FULL + SUMMARY);
    assert.deepEqual(runCli(['check', '--output-format', 'full', 'plain'], cliFixture()), run);
  });

  test('a span over several lines: carets on each, the label on the last; tabs as four spaces; an unsafe fix says so', () => {
    const run = runCli(['check', '--select', 'PG1,PG3', 'frames/spans.py'], cliFixture());
    assert.equal(
      run.stdout,
      [
        'frames/spans.py:6:9: PG301 requests.get() sets no `timeout=`, so requests waits forever for a server that stops answering.',
        '  |',
        '5 | def fetch(url):',
        '6 |     return requests.get(url)',
        '  |            ^^^^^^^^^^^^ PG301 missing-timeout',
        '  |',
        '  = fix (unsafe, not applied by `--fix`): Add `timeout=10` (changes behaviour: a request slower than that now fails)',
        '',
        'frames/spans.py:10:13: PG101 [*] This 2-tuple sets connect=1, read=2 and leaves write and pool without any limit (httpx reads timeout tuples as (connect, read, write, pool)).',
        '   |',
        ' 9 | client = httpx.Client(',
        '10 |     timeout=(',
        '   |             ^',
        '11 |         1,',
        '   |         ^^',
        '12 |         2,',
        '   |         ^^',
        '13 |     ),',
        '   |     ^ PG101 ambiguous-timeout-tuple',
        '14 | )',
        '   |',
        '   = fix (safe, applied by `--fix`): Name the timeout phases: `httpx.Timeout(connect=1, read=2, write=None, pool=None)`',
        '',
        SUMMARY,
      ].join('\n'),
    );
  });

  test('FORCE_COLOR colours even into a pipe, and wins over NO_COLOR; severities in their colour', () => {
    const forced = runCli(['check', 'plain/one.py'], cliFixture(), undefined, { FORCE_COLOR: '1', NO_COLOR: undefined });
    assert.equal(forced.stdout, runCli(['check', 'plain/one.py'], cliFixture(), undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout);
    const lines = forced.stdout.split('\n');
    assert.equal(lines[0], `${bold('plain/one.py:3:31:')} ${warning('PG101')} ${cyan('[*]')} This 2-tuple sets connect=3.05, read=27 and leaves write and pool without any limit (httpx reads timeout tuples as (connect, read, write, pool)).`);
    assert.equal(lines[1], `${gutter('  |')}`);
    assert.equal(lines[4], `${gutter('3 |')} legacy = httpx.Client(timeout=(3.05, 27))`);
    assert.equal(lines[5], `${gutter('  |')}                               ${warning('^^^^^^^^^^')} ${warning('PG101 ambiguous-timeout-tuple')}`);
    assert.equal(lines[8], `  ${gutter('=')} fix (safe, applied by \`--fix\`): Name the timeout phases: \`httpx.Timeout(connect=3.05, read=27, write=None, pool=None)\``);
    assert.equal(forced.stdout.replace(/\x1b\[\d+m/g, ''), runCli(['check', 'plain/one.py'], cliFixture()).stdout, 'the same text, only coloured');
  });

  test('no colour into a pipe, with NO_COLOR, or with FORCE_COLOR=0', () => {
    for (const env of [{ NO_COLOR: undefined }, { NO_COLOR: '1' }, { NO_COLOR: undefined, FORCE_COLOR: '0' }]) {
      assert.doesNotMatch(runCli(['check', 'plain/one.py'], cliFixture(), undefined, env).stdout, /\x1b\[/, JSON.stringify(env));
    }
  });
});

describe('check --statistics, --quiet', () => {
  test('--statistics: one line per rule (count, code, [*] when --fix resolves some, name), most frequent first', () => {
    const tree = tempTree({ 'a.py': 'import httpx\na = httpx.Client(timeout=(1, 2))\nb = httpx.Client(timeout=(3, 4))\nc = httpx.Client(timeout=None)\n' });
    try {
      const run = runCli(['check', '--statistics', '.'], tree.root);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, ['2  PG101  [*] ambiguous-timeout-tuple', '1  PG302      timeouts-disabled', 'Found 3 problems (2 fixable with `pool-guide check --fix`).', ''].join('\n'));
      assert.deepEqual(JSON.parse(runCli(['check', '--statistics', '--format', 'json', '.'], tree.root).stdout), [
        { code: 'PG101', name: 'ambiguous-timeout-tuple', count: 2, fixable: 2 },
        { code: 'PG302', name: 'timeouts-disabled', count: 1, fixable: 0 },
      ]);
      assert.equal(runCli(['check', '--statistics', '--quiet', '.'], tree.root).stdout, '2  PG101  [*] ambiguous-timeout-tuple\n1  PG302      timeouts-disabled\n');
    } finally {
      tree.cleanup();
    }
  });

  test('--quiet (-q): the findings only, no summary; nothing at all when clean', () => {
    assert.equal(runCli(['check', '--quiet', 'plain'], cliFixture()).stdout, PLAIN_FULL);
    assert.equal(runCli(['check', '-q', '--output-format', 'concise', 'plain'], cliFixture()).stdout.split('\n').length, 3);
    assert.deepEqual(runCli(['check', '-q', 'plain/clean.py'], cliFixture()), { status: 0, stdout: '', stderr: '' });
  });
});

describe('check --fix --exit-non-zero-on-fix (for pre-commit)', () => {
  const SAFE_ONLY = 'import httpx\nc = httpx.Client(timeout=(1, 2))\n';

  test('a file that --fix changed exits 1 even when nothing is left; an untouched clean tree exits 0', () => {
    const trees = [tempTree({ 'a.py': SAFE_ONLY }), tempTree({ 'a.py': SAFE_ONLY }), tempTree({ 'a.py': SAFE_ONLY })];
    const [flagged, plain, exitZero] = trees.map((tree) => tree.root);
    try {
      assert.deepEqual(runCli(['check', '--fix', '.'], plain), { status: 0, stdout: 'Found 1 problem (1 fixed, 0 remaining).\n', stderr: '' }, 'without the flag, nothing left is exit 0');
      const first = runCli(['check', '--fix', '--exit-non-zero-on-fix', '.'], flagged);
      assert.deepEqual(first, { status: 1, stdout: 'Found 1 problem (1 fixed, 0 remaining).\n', stderr: '' });
      assert.equal(fs.readFileSync(path.join(flagged, 'a.py'), 'utf8'), fs.readFileSync(path.join(plain, 'a.py'), 'utf8'));
      assert.notEqual(fs.readFileSync(path.join(flagged, 'a.py'), 'utf8'), SAFE_ONLY);
      assert.deepEqual(runCli(['check', '--fix', '--exit-non-zero-on-fix', '.'], flagged), { status: 0, stdout: 'No problems found.\n', stderr: '' });
      assert.equal(runCli(['check', '--fix', '--exit-non-zero-on-fix', '--exit-zero', '.'], exitZero).status, 0, '--exit-zero wins, as in Ruff');
    } finally {
      for (const tree of trees) tree.cleanup();
    }
  });
});

describe('check --format github|gitlab from the command line', () => {
  test('github: one workflow command per finding, paths relative to the working directory', () => {
    const run = runCli(['check', '--format', 'github', 'plain'], cliFixture());
    assert.equal(run.status, 1);
    assert.deepEqual(
      run.stdout.split('\n').map((line) => line.slice(0, line.indexOf('::', 2))),
      ['::warning file=plain/one.py,line=3,col=31,endLine=3,endColumn=41,title=PG101 ambiguous-timeout-tuple', '::warning file=plain/one.py,line=4,col=24,endLine=4,endColumn=36,title=PG302 timeouts-disabled', ''],
    );
  });

  test('gitlab: paths relative to CI_PROJECT_DIR when set; the same fingerprints on a second run', () => {
    const run = () => runCli(['check', '--format', 'gitlab', 'plain'], cliFixture(), undefined, { CI_PROJECT_DIR: cliFixture('plain') });
    const issues = JSON.parse(run().stdout) as { location: { path: string }; fingerprint: string }[];
    assert.deepEqual(issues.map((issue) => issue.location.path), ['one.py', 'one.py']);
    assert.deepEqual((JSON.parse(run().stdout) as typeof issues).map((issue) => issue.fingerprint), issues.map((issue) => issue.fingerprint));
  });
});
