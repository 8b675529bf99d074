/**
 * `show` end to end: rendered for a terminal (snapshots at fixed widths, with and without colour;
 * NO_COLOR and FORCE_COLOR), as Markdown (the hover cards, as `hover` prints them) and as JSON data.
 */
import assert from 'node:assert/strict';
import { stripVTControlCharacters } from 'node:util';
import { describe, test } from 'node:test';
import { cliFixture, runCli } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';

const show = (args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}) => runCli(['show', ...args], cliFixture(), undefined, env);

const FIRST_CARD_AT_100 = [
  'plain/one.py:3:10 · httpx.Client',
  '  A synchronous HTTP client with a connection pool.',
  '',
  '  When all 100 connections are busy, a request waits for one with no time limit (pool is None).',
  '',
  '  option                     value                from',
  '  connect                    3.05\u00a0s               tuple item 1',
  '  read                       27.0\u00a0s               tuple item 2',
  '  write                      None: no limit       left out of the 2-tuple',
  '  pool                       None: waits forever  left out of the 2-tuple',
  '  max_connections            100                  Client default (no limits=)',
  '  max_keepalive_connections  20                   Client default (no limits=)',
  '  keepalive_expiry           5.0\u00a0s                Client default (no limits=)',
  '  max_redirects              20                   Client default',
  '',
  '  httpx 0.28.1 (assumed: newest in the catalog) · Limits docs · Timeout docs',
  '  warning PG101 line 3: This 2-tuple sets connect=3.05, read=27 and leaves write and pool without',
  '      any limit (httpx reads timeout tuples as (connect, read, write, pool)).',
  '    fix: Name the timeout phases: httpx.Timeout(connect=3.05, read=27, write=None, pool=None)',
  '',
  '',
].join('\n');

describe('show for a terminal (the default)', () => {
  test('at 100 columns: a heading per call, the sentences, an aligned table, version and docs, findings and fixes', () => {
    const run = show(['plain/one.py'], { COLUMNS: '100' });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.ok(run.stdout.startsWith(FIRST_CARD_AT_100), run.stdout);
    assert.match(run.stdout.slice(FIRST_CARD_AT_100.length), /^plain\/one\.py:4:11 · httpx\.Client\n/);
    assert.match(run.stdout, /\n {2}warning PG302 line 4: timeout=None turns every timeout off/);
  });

  test('at 60 columns: every line fits, table cells wrap within their column, a number keeps its unit', () => {
    const run = show(['plain/one.py'], { COLUMNS: '60' });
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.filter((line) => [...line].length > 60), []);
    const table = lines.indexOf('  option                     value           from');
    assert.deepEqual(lines.slice(table, table + 7), [
      '  option                     value           from',
      '  connect                    3.05\u00a0s          tuple item 1',
      '  read                       27.0\u00a0s          tuple item 2',
      '  write                      None: no limit  left out of the',
      '                                             2-tuple',
      '  pool                       None: waits     left out of the',
      '                             forever         2-tuple',
    ]);
    const finding = lines.findIndex((line) => line.startsWith('  warning PG101'));
    assert.deepEqual(lines.slice(finding, finding + 7), [
      '  warning PG101 line 3: This 2-tuple sets connect=3.05,',
      '      read=27 and leaves write and pool without any limit',
      '      (httpx reads timeout tuples as (connect, read, write,',
      '      pool)).',
      '    fix: Name the timeout phases:',
      '      httpx.Timeout(connect=3.05, read=27, write=None,',
      '      pool=None)',
    ]);
  });

  test('FORCE_COLOR: the same text, coloured (code spans, the heading, severities); it wins over NO_COLOR', () => {
    const coloured = show(['plain/one.py'], { COLUMNS: '100', FORCE_COLOR: '1' });
    assert.equal(stripVTControlCharacters(coloured.stdout), show(['plain/one.py'], { COLUMNS: '100' }).stdout);
    assert.equal(show(['plain/one.py'], { COLUMNS: '100', FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, coloured.stdout);
    const lines = coloured.stdout.split('\n');
    assert.equal(lines[0], '\x1b[1mplain/one.py:3:10\x1b[22m · \x1b[1mhttpx.Client\x1b[22m');
    assert.equal(lines[3], '  When all 100 connections are busy, a request waits for one with no time limit (\x1b[36mpool\x1b[39m is None).');
    assert.equal(lines[5], '  \x1b[2moption\x1b[22m                     \x1b[2mvalue\x1b[22m                \x1b[2mfrom\x1b[22m');
    assert.equal(lines[10], '  \x1b[36mmax_connections\x1b[39m            100                  \x1b[36mClient\x1b[39m default (no \x1b[36mlimits=\x1b[39m)');
    assert.match(lines[16], /^ {2}\x1b\[1m\x1b\[33mwarning PG101\x1b\[39m\x1b\[22m line 3: /);
  });

  test('no colour into a pipe or with NO_COLOR', () => {
    for (const env of [{ NO_COLOR: undefined }, { NO_COLOR: '1' }]) assert.doesNotMatch(show(['plain/one.py'], env).stdout, /\x1b\[/);
  });

  test('npm start (show examples) reads as text: no Markdown table or emphasis markers', () => {
    const run = runCli(['show', 'examples'], repoRoot(), undefined, { COLUMNS: '100' });
    assert.equal(run.stderr, '');
    assert.doesNotMatch(run.stdout, /\*\*|\|---|^\| /m);
    assert.match(run.stdout, /^examples\/app\/clients\.py:11:10 · httpx\.Client$/m);
  });
});

describe('show --format markdown and json', () => {
  test('markdown: each card as the hover shows it, then the findings and fixes', () => {
    const run = show(['--format', 'markdown', 'plain/one.py']);
    assert.equal(run.status, 0);
    const card = runCli(['hover', 'plain/one.py:3:16'], cliFixture()).stdout;
    assert.ok(run.stdout.startsWith(`── plain/one.py:3:10  httpx.Client(...)\n${card}`), run.stdout);
    assert.match(run.stdout, /\n {2}⚠ PG101 \(warning\) line 3: This 2-tuple.*\n {4}fix: Name the timeout phases: `httpx\.Timeout\(connect=3\.05, read=27, write=None, pool=None\)`\n/);
  });

  test('json: the cards as data, texts without Markdown', () => {
    const run = show(['--format', 'json', 'plain/one.py']);
    assert.equal(run.status, 0);
    const cards = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.equal(cards.length, 2);
    const [first] = cards;
    assert.deepEqual(Object.keys(first), ['path', 'line', 'column', 'callee', 'library', 'version', 'versionSource', 'summary', 'poolWait', 'rows', 'concurrency', 'notes', 'links', 'findings']);
    assert.deepEqual([first.path, first.line, first.column, first.callee, first.library, first.versionSource], ['plain/one.py', 3, 10, 'httpx.Client', 'httpx', 'assumed: newest in the catalog']);
    assert.deepEqual((first.rows as unknown[]).slice(0, 3), [
      { option: 'connect', value: '3.05 s', origin: 'tuple item 1' },
      { option: 'read', value: '27.0 s', origin: 'tuple item 2' },
      { option: 'write', value: 'None: no limit', origin: 'left out of the 2-tuple' },
    ]);
    assert.equal(first.poolWait, 'When all 100 connections are busy, a request waits for one with no time limit (pool is None).');
    assert.deepEqual((first.links as { title: string }[]).map((link) => link.title), ['Limits docs', 'Timeout docs']);
    assert.deepEqual(first.findings, [
      {
        code: 'PG101',
        name: 'ambiguous-timeout-tuple',
        severity: 'warning',
        line: 3,
        column: 31,
        message: 'This 2-tuple sets connect=3.05, read=27 and leaves write and pool without any limit (httpx reads timeout tuples as (connect, read, write, pool)).',
        fixes: [{ title: 'Name the timeout phases: httpx.Timeout(connect=3.05, read=27, write=None, pool=None)', safe: true }],
      },
    ]);
  });
});
