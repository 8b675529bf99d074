/**
 * `pool-guide check` end to end on fixture trees: the text and JSON formats, exit codes 0/1/2,
 * one-line errors, suppression comments, `[tool.pool-guide]`, --select/--ignore, which files
 * are walked (.gitignore, virtual environments, unreadable and non-UTF-8 files), and that the
 * parser is loaded only for a file that needs it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cliFixture, runCli, tempTree } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';
import type { ReportedFinding } from '../../server/src/cli/report';

const TUPLE = 'import httpx\nc = httpx.Client(timeout=(1, 2))\n';

function json(args: readonly string[], cwd?: string): ReportedFinding[] {
  const run = runCli(['check', '--format', 'json', ...args], cwd);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout) as ReportedFinding[];
}

describe('check: formats and exit codes', () => {
  test('concise (and text, its older name): one line per finding, then a summary; exit 1', () => {
    const run = runCli(['check', '--output-format', 'concise', 'plain'], cliFixture());
    assert.deepEqual(runCli(['check', '--format', 'text', 'plain'], cliFixture()), run);
    assert.equal(run.status, 1);
    assert.equal(
      run.stdout,
      [
        'plain/one.py:3:31: PG101 This 2-tuple sets connect=3.05, read=27 and leaves write and pool without any limit (httpx reads timeout tuples as (connect, read, write, pool)). [fix available]',
        'plain/one.py:4:24: PG302 `timeout=None` turns every timeout off (connect, read, write, pool): a stalled server or a full pool makes this wait forever.',
        'Found 2 problems (1 fixable with `pool-guide check --fix`).',
        '',
      ].join('\n'),
    );
    assert.equal(run.stderr, '');
  });

  test('a clean file: "No problems found." and exit 0', () => {
    const run = runCli(['check', 'plain/clean.py'], cliFixture());
    assert.deepEqual(run, { status: 0, stdout: 'No problems found.\n', stderr: '' });
  });

  test('json: every field, 1-based positions', () => {
    const findings = json(['plain/one.py'], cliFixture());
    assert.deepEqual(findings[0], {
      path: 'plain/one.py',
      line: 3,
      column: 31,
      endLine: 3,
      endColumn: 41,
      code: 'PG101',
      name: 'ambiguous-timeout-tuple',
      severity: 'warning',
      message: 'This 2-tuple sets connect=3.05, read=27 and leaves write and pool without any limit (httpx reads timeout tuples as (connect, read, write, pool)).',
      fixable: true,
      fix: { title: 'Name the timeout phases: `httpx.Timeout(connect=3.05, read=27, write=None, pool=None)`', safe: true },
    });
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.severity, finding.fixable]),
      [
        ['PG101', 'warning', true],
        ['PG302', 'warning', false],
      ],
    );
  });

  test('--exit-zero reports the findings and exits 0', () => {
    const run = runCli(['check', '--exit-zero', 'plain'], cliFixture());
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Found 2 problems/m);
  });

  test('--select and --ignore take codes, names and prefixes', () => {
    const codes = (args: string[]) => json([...args, 'plain/one.py'], cliFixture()).map((finding) => finding.code);
    assert.deepEqual(codes(['--select', 'PG101']), ['PG101']);
    assert.deepEqual(codes(['--select=timeouts-disabled']), ['PG302']);
    assert.deepEqual(codes(['--select', 'PG3']), ['PG302']);
    assert.deepEqual(codes(['--ignore', 'PG101,timeouts-disabled']), []);
    assert.deepEqual(codes(['--select', 'PG1,PG3', '--ignore', 'PG302']), ['PG101']);
  });
});

describe('check: usage and path errors exit 2 with one line naming the culprit', () => {
  const cases: [string[], string][] = [
    [['check', 'no/such/dir'], 'pool-guide: no such file or directory: no/such/dir\n'],
    [['check', '--frobnicate'], "pool-guide: unknown option '--frobnicate'\n"],
    [['check', '--format', 'xml'], "pool-guide: --format must be one of full, concise, json, sarif, github, gitlab, not 'xml'\n"],
    [['check', '--output-format=html'], "pool-guide: --output-format must be one of full, concise, json, sarif, github, gitlab, not 'html'\n"],
    [['check', '--format', 'json', '--output-format', 'sarif'], 'pool-guide: --format and --output-format are the same option; give one\n'],
    [['check', '--statistics', '--format', 'sarif'], 'pool-guide: --statistics prints counts as text or json, not as sarif\n'],
    [['check', '--exit-non-zero-on-fix'], 'pool-guide: --exit-non-zero-on-fix needs --fix\n'],
    [['show', '--format', 'html'], "pool-guide: show --format must be one of terminal, markdown, json, not 'html'\n"],
    [['check', '--format'], 'pool-guide: --format needs a value\n'],
    [['check', '--select', 'PG999'], "pool-guide: --select: unknown rule 'PG999'\n"],
    [['check', '--ignore', 'no-such-rule'], "pool-guide: --ignore: unknown rule 'no-such-rule'\n"],
    [['check', '--diff'], 'pool-guide: --diff needs --fix\n'],
    [['lint'], "pool-guide: unknown command 'lint' (expected check, explain, hover or show)\n"],
    [['explain', 'PG999'], "pool-guide: unknown rule 'PG999'\n"],
    [['hover', 'plain/one.py:3'], "pool-guide: 'plain/one.py:3' is not FILE:LINE:COL with a 1-based line and column\n"],
    [['hover', 'plain/none.py:1:1'], 'pool-guide: no such file: plain/none.py\n'],
    [['show', 'missing'], 'pool-guide: no such file or directory: missing\n'],
  ];
  for (const [args, stderr] of cases) {
    test(args.join(' '), () => {
      assert.deepEqual(runCli(args, cliFixture()), { status: 2, stdout: '', stderr });
    });
  }

  test('--help prints the usage and exits 0', () => {
    const run = runCli(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^usage: pool-guide <command>/);
    assert.match(run.stdout, /check --fix|--fix/);
  });
});

describe('check: suppression comments and [tool.pool-guide]', () => {
  test('line, noqa and file suppressions silence exactly their codes', () => {
    const findings = json(['app/suppressed.py', 'app/ignored_file.py'], cliFixture('configured'));
    assert.deepEqual(
      findings.map((finding) => [finding.path, finding.line, finding.code]),
      [['app/suppressed.py', 9, 'PG101']],
      'only the call whose comment names another rule keeps its finding',
    );
  });

  test('the nearest pyproject.toml: ignore, severity and "off" apply', () => {
    const findings = json(['.'], cliFixture('configured'));
    const clients = findings.filter((finding) => finding.path === path.join('app', 'clients.py'));
    // PG302 ignored by name, PG501 turned off, PG101 raised to error.
    assert.deepEqual(
      clients.map((finding) => [finding.code, finding.severity]),
      [['PG101', 'error']],
    );
  });

  test('flags apply on top of pyproject: --select brings back what it ignored', () => {
    const findings = json(['--select', 'PG302,PG501', 'app/clients.py'], cliFixture('configured'));
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['PG302', 'PG501'],
    );
  });

  test('problems in [tool.pool-guide] are reported once on stderr and the run goes on', () => {
    const tree = tempTree({
      'pyproject.toml': '[tool.pool-guide]\nselect = ["PG101", "PG777"]\ncolour = true\ndefault-timeout = -1\n',
      'a.py': TUPLE,
      'b.py': TUPLE,
    });
    try {
      const run = runCli(['check', '--format', 'json', '.'], tree.root);
      assert.equal(run.status, 1);
      assert.deepEqual(
        (JSON.parse(run.stdout) as ReportedFinding[]).map((finding) => `${finding.path} ${finding.code}`),
        ['a.py PG101', 'b.py PG101'],
      );
      const pyproject = path.join(tree.root, 'pyproject.toml');
      assert.equal(
        run.stderr,
        [
          `pool-guide: ${pyproject}: [tool.pool-guide] has an unknown key 'colour'`,
          `pool-guide: ${pyproject}: 'select' names an unknown rule 'PG777'`,
          `pool-guide: ${pyproject}: 'default-timeout' must be a positive number of seconds`,
          '',
        ].join('\n'),
      );
    } finally {
      tree.cleanup();
    }
  });
});

describe('check: which files are read', () => {
  test('skips .gitignore matches, virtual environments, caches and installed packages', () => {
    const tree = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'generated/\n*_pb2.py\n',
      'src/ok.py': TUPLE,
      'src/api_pb2.py': TUPLE,
      'src/.gitignore': 'local.py\n',
      'src/local.py': TUPLE,
      'generated/client.py': TUPLE,
      'env/pyvenv.cfg': 'home = /usr/bin\n',
      'env/lib/mod.py': TUPLE,
      'venv/x.py': TUPLE,
      'node_modules/pkg/y.py': TUPLE,
      'lib/site-packages/z.py': TUPLE,
      '__pycache__/w.py': TUPLE,
      'notes.txt': TUPLE,
    });
    try {
      assert.deepEqual(
        json(['.'], tree.root).map((finding) => finding.path),
        [path.join('src', 'ok.py')],
      );
      // Starting below the repository root, the root's .gitignore still applies.
      assert.deepEqual(
        json(['src'], tree.root).map((finding) => finding.path),
        [path.join('src', 'ok.py')],
      );
      // A file named on the command line is always read.
      assert.deepEqual(
        json(['generated/client.py'], tree.root).map((finding) => finding.path),
        ['generated/client.py'],
      );
    } finally {
      tree.cleanup();
    }
  });

  test('a file that is not valid UTF-8 is reported on stderr and skipped; the run goes on', () => {
    const tree = tempTree({ 'bad.py': Buffer.from([0x69, 0x6d, 0x70, 0xff, 0xfe, 0x0a]), 'good.py': TUPLE });
    try {
      const run = runCli(['check', '.'], tree.root);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, 'bad.py: skipped: not valid UTF-8\n');
      assert.match(run.stdout, /^good\.py:2:26: PG101 /);
    } finally {
      tree.cleanup();
    }
  });

  test('a file that cannot be read (a dangling link) is reported on stderr and skipped', () => {
    const tree = tempTree({ 'good.py': TUPLE });
    try {
      fs.symlinkSync(path.join(tree.root, 'nowhere.py'), path.join(tree.root, 'broken.py'));
      const run = runCli(['check', '.'], tree.root);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, 'broken.py: skipped: cannot be read (ENOENT)\n');
      assert.match(run.stdout, /^good\.py:2:26: PG101 /);
    } finally {
      tree.cleanup();
    }
  });
});

describe('check: work only where there is something to analyse', () => {
  test('the parser is loaded on the first file that imports a catalogued module, not before', () => {
    // A copy of the bundled CLI without its two wasm files: whatever needs the parser fails.
    const tree = tempTree({
      'bin/cli.js': fs.readFileSync(path.join(repoRoot(), 'dist', 'cli.js')),
      'quiet/a.py': 'import json\nprint(json.dumps({"requests": 1}))\n',
      'quiet/b.py': 'from urllib3.exceptions import HTTPError\nraise HTTPError("no client here")\n',
      'busy/c.py': TUPLE,
    });
    try {
      const run = (folder: string) => runCli(['check', folder], tree.root, path.join(tree.root, 'bin', 'cli.js'));
      assert.deepEqual(run('quiet'), { status: 0, stdout: 'No problems found.\n', stderr: '' });
      const busy = run('busy');
      assert.equal(busy.status, 2);
      assert.match(busy.stderr, /Pool Guide could not load its Python parser/);
    } finally {
      tree.cleanup();
    }
  });
});
