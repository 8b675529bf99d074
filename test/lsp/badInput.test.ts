/**
 * Bad and hostile input against the BUNDLED server over stdio: a 10,000-line module, binary junk,
 * unclosed brackets and strings, a file typed one character per didChange, unknown documents,
 * positions past the end and out-of-order versions. Every request must be answered, nothing may be
 * logged as an error, and the server must stay alive and exit cleanly.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Hover, Range } from 'vscode-languageserver/node';
import * as path from 'node:path';
import { LspTestClient, REPO_ROOT, applyChange, positionAt, rangeOf, rangeOfText, summarize, withDeadline, DEADLINE_MS } from '../helpers/lspClient';

const LARGE_DEADLINE_MS = 30_000;

/** A module of `lines` lines with `clients` client constructions, one per block, in several shapes. */
/** The benchmark's generated module (bench/lib/generatedModule.cjs), so both measure the same text. */
const { generatedModule } = require(path.join(REPO_ROOT, 'bench', 'lib', 'generatedModule.cjs')) as { generatedModule(lines: number, clients: number): string };

/** Deterministic pseudo-random bytes (mulberry32). */
function randomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[index] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  for (let index = 0; index < length; index += 97) bytes[index] = 0; // NULs for sure
  return bytes;
}

/** The ranges of every tuple passed as `timeout=` to httpx.Client in `text`. */
function tupleRanges(text: string): Range[] {
  return [...text.matchAll(/httpx\.Client\(timeout=(\([^()]*\))/g)].map((match) => {
    const start = match.index! + match[0].indexOf(match[1]!);
    return rangeOf(text, start, start + match[1]!.length);
  });
}

function callee(text: string, needle: string, occurrence = 0): number {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = text.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `${needle} #${occurrence} in the text`);
  }
  return index;
}

describe('bundled server: bad input', () => {
  let client: LspTestClient;

  before(async () => {
    client = LspTestClient.start();
    await client.initialize();
  });
  after(() => client.dispose());

  test('a 10,000-line module with 400 clients: diagnostics, hovers and code actions all answer', async () => {
    const uri = 'file:///bad/large.py';
    const text = generatedModule(10_000, 400);
    assert.equal(text.split('\n').length - 1, 10_000);
    await client.didOpen(uri, text, 1);
    const { diagnostics } = await client.diagnostics(uri, 1, LARGE_DEADLINE_MS);
    const pg101 = diagnostics.filter((diagnostic) => diagnostic.code === 'PG101');
    assert.deepEqual(pg101.map((diagnostic) => diagnostic.range), tupleRanges(text));
    assert.equal(pg101.length, 100);

    for (const occurrence of [0, 50, 99]) {
      const at = callee(text, 'httpx.Client(timeout=(', occurrence);
      const hover = await client.hover(uri, positionAt(text, at + 'httpx.C'.length));
      assert.ok(hover, `hover on client #${occurrence}`);
      assert.deepEqual(hover.range, rangeOf(text, at, at + 'httpx.Client'.length));
      assert.ok((hover.contents as { value: string }).value.includes(`| \`max_connections\` | ${occurrence * 4 + 1} | explicit |`));
    }
    const lastTransport = text.lastIndexOf('httpx.HTTPTransport(');
    assert.ok(await client.hover(uri, positionAt(text, lastTransport + 2)), 'hover on the last transport');
    assert.equal(await client.hover(uri, positionAt(text, text.lastIndexOf('# padding') + 3)), null);

    const last = pg101.at(-1)!;
    const actions = (await client.codeAction(uri, last.range, { diagnostics: [last] })) as CodeAction[];
    assert.deepEqual(actions.map((action) => action.title.startsWith('Ignore PG101')), [false, true], 'the fix, then "Ignore PG101 on this line"');
    assert.equal(actions[0]!.isPreferred, true);
    const fixAll = (await client.codeAction(uri, last.range, { diagnostics: [], only: ['source.fixAll'] })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.ok((fixAll[0]!.edit?.changes?.[uri]?.length ?? 0) >= 100);
    await client.didClose(uri);
    await client.diagnostics(uri, null);
  });

  test('binary junk with NULs: the server answers and finds nothing', async () => {
    for (const [name, junk] of [
      ['utf8', randomBytes(20_000, 7).toString('utf8')],
      ['latin1', randomBytes(20_000, 11).toString('latin1')],
    ] as const) {
      const uri = `file:///bad/junk-${name}.py`;
      assert.ok(junk.includes('\0'));
      await client.didOpen(uri, junk, 1);
      assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, []);
      for (const fraction of [0, 0.25, 0.5, 0.99, 1]) {
        const position = positionAt(junk, Math.floor(junk.length * fraction));
        const hover = await client.hover(uri, position);
        assert.ok(hover === null || typeof hover === 'object');
        assert.ok(Array.isArray(await client.codeAction(uri, { start: position, end: position }, { diagnostics: [] })));
      }
      // A client typed after the junk is swallowed by the parser's error recovery (an open string or
      // bracket in the junk runs to the end): nothing is found, exactly as when the text is opened fresh.
      const tail = '\nimport httpx\nlate = httpx.Client(timeout=(1, 2))\n';
      const change = { range: rangeOf(junk, junk.length, junk.length), text: tail };
      const text = applyChange(junk, change);
      await client.didChange(uri, 2, [change]);
      assert.deepEqual((await client.diagnostics(uri, 2)).diagnostics, []);
      assert.equal(await client.hover(uri, positionAt(text, text.lastIndexOf('Client'))), null);
      const fresh = `${uri}.fresh`;
      await client.didOpen(fresh, text, 1);
      assert.deepEqual((await client.diagnostics(fresh, 1)).diagnostics, [], 'a fresh open of the same text finds nothing either');
      await Promise.all([client.didClose(uri), client.didClose(fresh)]);
    }
  });

  test('unclosed brackets and strings mid-file: complete calls after them still get hovers', async () => {
    const uri = 'file:///bad/unclosed.py';
    const text = [
      'import httpx',
      '',
      'broken = httpx.Client(timeout=(1, 2)',
      'config = {"a": [1, 2',
      's = "unterminated',
      "t = '''also unterminated",
      "'''",
      'fine = httpx.Client(timeout=(3.05, 27))',
      '',
      'def later():',
      '    return httpx.AsyncClient(timeout=None)',
      '',
      'tail = httpx.Client(limits=httpx.Limits(max_connections=3))',
      '',
    ].join('\n');
    await client.didOpen(uri, text, 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    // The call with the unclosed bracket is swallowed by the error; the complete calls after it are analysed.
    assert.deepEqual(
      diagnostics.map((d) => ({ code: d.code, range: d.range })),
      [
        { code: 'PG101', range: rangeOfText(text, '(3.05, 27)') },
        { code: 'PG302', range: rangeOfText(text, 'timeout=None') },
      ],
    );
    for (const needle of ['httpx.Client(timeout=(3.05', 'httpx.AsyncClient(timeout=None', 'httpx.Client(limits=']) {
      const hover: Hover | null = await client.hover(uri, positionAt(text, text.indexOf(needle) + 'httpx.'.length + 1));
      assert.ok(hover, `a hover on ${needle}`);
    }
    assert.ok(Array.isArray(await client.codeAction(uri, rangeOf(text, 0, text.length), { diagnostics })));
  });

  test('a file typed one character per didChange: every request answered, final diagnostics as if opened whole', async () => {
    const uri = 'file:///bad/typed.py';
    const snippet = [
      'import httpx',
      '',
      '',
      'def fetch(url):',
      '    with httpx.Client(timeout=(3.05, 27), limits=httpx.Limits(max_connections=10)) as client:',
      '        return client.get(url)',
      '',
      '',
      'café = "☕ 🚀"',
      'api = httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=2.0))',
      'stalled = httpx.Client(timeout=None)',
      '',
    ].join('\n');
    let text = '';
    let version = 1;
    await client.didOpen(uri, text, version);
    const pending: Promise<unknown>[] = [];
    let changes = 0;
    const type = async (change: { range: Range; text: string }) => {
      text = applyChange(text, change);
      await client.didChange(uri, ++version, [change]);
      if (++changes % 4 === 0) {
        // Hover just behind the cursor and on the first callee, without waiting: requests interleave with edits.
        pending.push(client.hover(uri, positionAt(text, Math.max(0, text.length - 1))));
        if (text.includes('httpx.Client')) pending.push(client.hover(uri, positionAt(text, text.indexOf('httpx.Client') + 7)));
      }
    };
    for (const character of snippet) {
      const end = positionAt(text, text.length);
      await type({ range: { start: end, end }, text: character });
      if (character === '(') {
        // A typo, then backspace: realistic, and a deletion through the incremental path.
        const at = positionAt(text, text.length);
        await type({ range: { start: at, end: at }, text: 'q' });
        await type({ range: { start: at, end: positionAt(text, text.length) }, text: '' });
      }
    }
    assert.equal(text, snippet);
    const answers = await withDeadline(Promise.all(pending), DEADLINE_MS, () => 'hovers during typing were not all answered');
    assert.ok(answers.length > 50);
    assert.ok(answers.some((hover) => hover !== null), 'some hover during typing found a callee');

    const typed = await client.diagnostics(uri, version);
    await client.didOpen('file:///bad/typed-fresh.py', snippet, 1);
    const fresh = await client.diagnostics('file:///bad/typed-fresh.py', 1);
    assert.ok(fresh.diagnostics.length >= 2);
    assert.deepEqual(typed.diagnostics, fresh.diagnostics);
    assert.deepEqual(
      await client.hover(uri, positionAt(snippet, snippet.indexOf('AsyncClient'))),
      await client.hover('file:///bad/typed-fresh.py', positionAt(snippet, snippet.indexOf('AsyncClient'))),
    );
  });

  test('unknown documents and positions past the end answer null or [], not errors', async () => {
    const unknown = 'file:///bad/never-opened.py';
    assert.equal(await client.hover(unknown, { line: 0, character: 0 }), null);
    assert.deepEqual(await client.codeAction(unknown, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [] }), []);
    assert.deepEqual(
      await client.codeAction(unknown, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] }),
      [],
    );
    await client.didChange(unknown, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);

    const uri = 'file:///bad/short.py';
    const text = 'import httpx\nplain = 1\n';
    await client.didOpen(uri, text, 1);
    await client.diagnostics(uri, 1);
    assert.equal(await client.hover(uri, { line: 9_999, character: 0 }), null);
    assert.equal(await client.hover(uri, { line: 1, character: 9_999 }), null);
    assert.equal(await client.hover(uri, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }), null);
    const far = { start: { line: 500, character: 3 }, end: { line: 900, character: 9_999 } };
    assert.deepEqual(await client.codeAction(uri, far, { diagnostics: [] }), []);
    assert.deepEqual(await client.codeAction(uri, { start: { line: 1, character: 9 }, end: { line: 0, character: 0 } }, { diagnostics: [] }), []);
    await client.didClose(uri);
  });

  test('didChange with an old or repeated version is ignored', async () => {
    const uri = 'file:///bad/versions.py';
    let text = 'import httpx\n\nlegacy = httpx.Client(timeout=(3.05, 27))\n';
    await client.didOpen(uri, text, 5);
    assert.deepEqual(summarize((await client.diagnostics(uri, 5)).diagnostics).map((d) => d.range), tupleRanges(text));
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    await client.didChange(uri, 3, [{ range: top, text: 'stale = 1\n' }]);
    await client.didChange(uri, 5, [{ range: top, text: 'same = 2\n' }]);
    const change = { range: rangeOf(text, text.indexOf('\nlegacy'), text.indexOf('\nlegacy')), text: '\n# a comment line' };
    text = applyChange(text, change);
    await client.didChange(uri, 6, [change]);
    const published = await client.diagnostics(uri, 6);
    assert.deepEqual(published.diagnostics.map((d) => d.range), tupleRanges(text));
    const hover = await client.hover(uri, positionAt(text, text.indexOf('Client')));
    assert.deepEqual(hover?.range, rangeOf(text, text.indexOf('httpx.Client'), text.indexOf('httpx.Client') + 'httpx.Client'.length));
    assert.ok(!client.published.some(({ params }) => params.uri === uri && (params.version === 3 || (params.version ?? 0) > 6)));
  });

  test('after all that: alive, answers a hover, logged no error, exits with 0 and a clean stderr', async () => {
    assert.ok(client.alive);
    const uri = 'file:///bad/final.py';
    const text = 'import httpx\nc = httpx.Client()\n';
    await client.didOpen(uri, text, 1);
    assert.ok(await client.hover(uri, positionAt(text, text.indexOf('Client'))));
    assert.deepEqual(client.logMessages.filter((message) => message.type === 1), []);
    const { code, stderr } = await client.shutdownAndExit();
    assert.equal(code, 0);
    assert.equal(stderr, '');
  });
});
