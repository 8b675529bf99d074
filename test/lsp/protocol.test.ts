/**
 * Protocol tests against the BUNDLED server (`node dist/server.js --stdio`) over real JSON-RPC:
 * capabilities, diagnostics with ranges computed from the fixture text, hovers, code actions,
 * incremental sync (incl. UTF-16 columns), close, per-resource settings, and a clean exit.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, InitializeResult, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import {
  LspTestClient,
  REPO_ROOT,
  applyChange,
  applyTextEdits,
  editsFor,
  positionAt,
  rangeOf,
  rangeOfText,
  summarize,
} from '../helpers/lspClient';

const FIXTURE = `"""LSP protocol fixture: one ambiguous tuple, one disabled timeout, and calls we do not know."""
import httpx
import otherlib

legacy = httpx.Client(timeout=(3.05, 27))

patient = httpx.Client(timeout=None)

plain = otherlib.get("https://example.com")
size = len("abc")
`;

const WARNING = 2;
const ERROR = 1;
const HINT = 4;

/** What the server should report for a text shaped like FIXTURE: positions found in the text itself. */
function expectedDiagnostics(text: string, severities: { PG101?: number; PG302?: number } = {}) {
  const expected = [];
  for (const match of text.matchAll(/httpx\.Client\(timeout=(\([^)]*\))/g)) {
    const start = match.index! + match[0].indexOf(match[1]!);
    expected.push({ code: 'PG101', severity: severities.PG101 ?? WARNING, range: rangeOf(text, start, start + match[1]!.length) });
  }
  const none = text.indexOf('timeout=None');
  if (none !== -1) expected.push({ code: 'PG302', severity: severities.PG302 ?? WARNING, range: rangeOf(text, none, none + 'timeout=None'.length) });
  return expected.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function markdown(contents: unknown): string {
  return (contents as MarkupContent).value;
}

function asCodeActions(actions: unknown): CodeAction[] {
  assert.ok(Array.isArray(actions), 'codeAction answers with an array');
  return actions as CodeAction[];
}

describe('bundled server: protocol', () => {
  const settingsByUri = new Map<string, unknown>();
  let client: LspTestClient;
  let init: InitializeResult;

  before(async () => {
    client = LspTestClient.start({ settings: (scopeUri: string | undefined) => settingsByUri.get(scopeUri ?? '') ?? {} });
    init = await client.initialize();
  });
  after(() => client.dispose());

  test('initialize answers with exactly these capabilities', () => {
    const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
    assert.deepEqual(init, {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2 },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.poolGuide'] },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'pool-guide', version },
    });
  });

  test('didOpen publishes diagnostics with codes, severities and ranges of the flagged text', async () => {
    const uri = 'file:///protocol/open.py';
    await client.didOpen(uri, FIXTURE, 1);
    const published = await client.diagnostics(uri, 1);
    assert.deepEqual(summarize(published.diagnostics), expectedDiagnostics(FIXTURE));
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'pool-guide');
      assert.match(diagnostic.codeDescription?.href ?? '', /^https:\/\/.+\/PG\d{3}\.md$/);
      assert.ok(diagnostic.message.length > 0);
    }
    assert.match(published.diagnostics[0]!.message, /connect=3\.05, read=27/);
  });

  test('hover on a callee shows its card; on an option keyword the option card', async () => {
    const uri = 'file:///protocol/open.py';
    const callee = await client.hover(uri, positionAt(FIXTURE, FIXTURE.indexOf('Client(timeout=(3.05') + 2));
    assert.ok(callee, 'hover on httpx.Client');
    assert.deepEqual(callee.range, rangeOfText(FIXTURE, 'httpx.Client', 0));
    const card = markdown(callee.contents);
    assert.equal((callee.contents as MarkupContent).kind, 'markdown');
    assert.ok(card.startsWith('**httpx.Client**'), card);
    assert.ok(card.includes('| `connect` | 3.05 s | tuple item 1 |'), card);
    assert.ok(card.includes('| `read` | 27.0 s | tuple item 2 |'), card);
    assert.ok(card.includes('| `pool` | None: waits forever | left out of the 2-tuple |'), card);

    const keywordOffset = FIXTURE.indexOf('timeout=None');
    const option = await client.hover(uri, positionAt(FIXTURE, keywordOffset + 3));
    assert.ok(option, 'hover on timeout=');
    assert.deepEqual(option.range, rangeOf(FIXTURE, keywordOffset, keywordOffset + 'timeout'.length));
    const optionCard = markdown(option.contents);
    assert.ok(optionCard.startsWith('**timeout** · `httpx.Client`'), optionCard);
    assert.ok(optionCard.includes('pool **None: waits forever**'), optionCard);
  });

  test('hover on a blank line, an uncatalogued call or a docstring is null', async () => {
    const uri = 'file:///protocol/open.py';
    const blankLine = FIXTURE.slice(0, FIXTURE.indexOf('\n\nlegacy') + 1).split('\n').length - 1;
    assert.equal(FIXTURE.split('\n')[blankLine], '');
    assert.equal(await client.hover(uri, { line: blankLine, character: 0 }), null);
    assert.equal(await client.hover(uri, positionAt(FIXTURE, FIXTURE.indexOf('otherlib.get') + 'otherlib.'.length)), null);
    assert.equal(await client.hover(uri, positionAt(FIXTURE, FIXTURE.indexOf('len(') + 1)), null);
    assert.equal(await client.hover(uri, positionAt(FIXTURE, FIXTURE.indexOf('"""') + 5)), null);
  });

  test('codeAction on the PG101 range: a preferred quickfix linked to the diagnostic whose edit names the phases', async () => {
    const uri = 'file:///protocol/fix.py';
    await client.didOpen(uri, FIXTURE, 1);
    const { diagnostics } = await client.diagnostics(uri, 1);
    const pg101 = diagnostics.find((diagnostic) => diagnostic.code === 'PG101');
    assert.ok(pg101);
    const actions = asCodeActions(await client.codeAction(uri, pg101.range, { diagnostics: [pg101] }));
    assert.deepEqual(actions.map((action) => action.kind), ['quickfix', 'quickfix'], 'no source action unless requested');
    assert.equal(actions[1]!.title, 'Ignore PG101 on this line');
    const [fix] = actions;
    assert.equal(fix!.isPreferred, true);
    assert.deepEqual(fix!.diagnostics, [pg101]);
    assert.equal(
      applyTextEdits(FIXTURE, editsFor(fix!.edit, uri)),
      FIXTURE.replace('timeout=(3.05, 27)', 'timeout=httpx.Timeout(connect=3.05, read=27, write=None, pool=None)'),
    );

    const onlyQuickFix = asCodeActions(await client.codeAction(uri, pg101.range, { diagnostics: [pg101], only: ['quickfix'] }));
    assert.deepEqual(onlyQuickFix.map((action) => action.kind), ['quickfix', 'quickfix']);
  });

  test('source.fixAll.poolGuide only when requested, and it applies every safe fix', async () => {
    const uri = 'file:///protocol/open.py';
    const blank = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(await client.codeAction(uri, blank, { diagnostics: [] }), []);
    for (const only of [['source.fixAll.poolGuide'], ['source.fixAll'], ['source']]) {
      const actions = asCodeActions(await client.codeAction(uri, blank, { diagnostics: [], only }));
      assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.poolGuide'], `only: ${only}`);
      assert.equal(
        applyTextEdits(FIXTURE, editsFor(actions[0]!.edit, uri)),
        FIXTURE.replace('timeout=(3.05, 27)', 'timeout=httpx.Timeout(connect=3.05, read=27, write=None, pool=None)'),
      );
    }
    assert.deepEqual(await client.codeAction(uri, blank, { diagnostics: [], only: ['refactor'] }), []);
  });

  test('incremental didChange: insert, delete and several changes in one notification', async () => {
    const uri = 'file:///protocol/edit.py';
    let text = FIXTURE;
    let version = 1;
    await client.didOpen(uri, text, version);
    assert.deepEqual(summarize((await client.diagnostics(uri, version)).diagnostics), expectedDiagnostics(text));

    const send = async (changes: { range: ReturnType<typeof rangeOf>; text: string }[]) => {
      for (const change of changes) text = applyChange(text, change);
      await client.didChange(uri, ++version, changes);
      return client.diagnostics(uri, version);
    };

    // Insert characters before the flagged tuple on its line.
    const nameEnd = text.indexOf(' = httpx.Client(timeout=(');
    let published = await send([{ range: rangeOf(text, nameEnd, nameEnd), text: '_client' }]);
    assert.ok(text.includes('legacy_client = httpx.Client(timeout=(3.05, 27))'));
    assert.deepEqual(summarize(published.diagnostics), expectedDiagnostics(text));

    // Delete across a line break: the blank line between the two clients goes, so PG302 moves up a line.
    const gap = text.indexOf('\n\npatient');
    published = await send([{ range: rangeOf(text, gap, gap + 1), text: '' }]);
    assert.ok(text.includes('27))\npatient'));
    assert.deepEqual(summarize(published.diagnostics), expectedDiagnostics(text));

    // Two changes in one notification; the second is in the coordinates of the text after the first.
    const changes: { range: ReturnType<typeof rangeOf>; text: string }[] = [];
    const first = { range: rangeOf(text, text.indexOf('import otherlib'), text.indexOf('import otherlib')), text: 'import os\nimport sys\n' };
    changes.push(first);
    const afterFirst = applyChange(text, first);
    const read = afterFirst.indexOf('27))');
    changes.push({ range: rangeOf(afterFirst, read, read + 2), text: '30.5' });
    published = await send(changes);
    assert.ok(text.includes('import os\nimport sys\nimport otherlib') && text.includes('(3.05, 30.5)'), text);
    assert.deepEqual(summarize(published.diagnostics), expectedDiagnostics(text));

    // The server's text is the same as ours: the card shows the new read timeout.
    const hover = await client.hover(uri, positionAt(text, text.indexOf('httpx.Client(timeout=(') + 1));
    assert.ok(hover);
    assert.ok(markdown(hover.contents).includes('| `read` | 30.5 s | tuple item 2 |'), markdown(hover.contents));
  });

  test('a line with é and emoji before a flagged call: columns are UTF-16 code units', async () => {
    const uri = 'file:///protocol/unicode.py';
    let text = FIXTURE;
    await client.didOpen(uri, text, 1);
    await client.diagnostics(uri, 1);
    const at = text.indexOf('\npatient') + 1;
    const line = 'café = "🚀☕é"; rocket = httpx.Client(timeout=(1, 2))\n';
    const change = { range: rangeOf(text, at, at), text: line };
    text = applyChange(text, change);
    await client.didChange(uri, 2, [change]);
    const published = await client.diagnostics(uri, 2);
    const expected = expectedDiagnostics(text);
    assert.deepEqual(summarize(published.diagnostics), expected);
    const tuple = text.indexOf('(1, 2)');
    const emojiLine = published.diagnostics.find((diagnostic) => diagnostic.range.start.line === positionAt(text, tuple).line);
    assert.ok(emojiLine, 'PG101 on the emoji line');
    const lineStart = text.lastIndexOf('\n', tuple) + 1;
    // UTF-16 column: 🚀 counts as two units; in code points it would be one less, in UTF-8 bytes more.
    assert.equal(emojiLine.range.start.character, tuple - lineStart);
    assert.notEqual(emojiLine.range.start.character, [...text.slice(lineStart, tuple)].length);

    const hover = await client.hover(uri, positionAt(text, text.indexOf('Client(timeout=(1, 2)')));
    assert.ok(hover);
    assert.deepEqual(hover.range, rangeOf(text, text.indexOf('httpx.Client(timeout=(1, 2)'), text.indexOf('httpx.Client(timeout=(1, 2)') + 'httpx.Client'.length));

    const actions = asCodeActions(await client.codeAction(uri, emojiLine.range, { diagnostics: [emojiLine] }));
    assert.deepEqual(actions.map((action) => action.title), ['Name the timeout phases: `httpx.Timeout(connect=1, read=2, write=None, pool=None)`', 'Ignore PG101 on this line']);
    assert.equal(
      applyTextEdits(text, editsFor(actions[0]!.edit, uri)),
      text.replace('timeout=(1, 2)', 'timeout=httpx.Timeout(connect=1, read=2, write=None, pool=None)'),
    );
  });

  test('didClose publishes empty diagnostics without a version', async () => {
    const uri = 'file:///protocol/close.py';
    await client.didOpen(uri, FIXTURE, 1);
    assert.equal((await client.diagnostics(uri, 1)).diagnostics.length, 2);
    await client.didClose(uri);
    assert.deepEqual((await client.diagnostics(uri, null)).diagnostics, []);
    assert.equal(await client.hover(uri, positionAt(FIXTURE, FIXTURE.indexOf('Client'))), null);
  });

  test('settings per resource: a rule off by code, a severity by name, and enable: false', async () => {
    const off = 'file:///protocol/settings-off.py';
    settingsByUri.set(off, { severity: { PG101: 'off' } });
    await client.didOpen(off, FIXTURE, 1);
    assert.deepEqual(summarize((await client.diagnostics(off, 1)).diagnostics), expectedDiagnostics(FIXTURE).filter((d) => d.code !== 'PG101'));

    const error = 'file:///protocol/settings-error.py';
    settingsByUri.set(error, { severity: { 'ambiguous-timeout-tuple': 'error' } });
    await client.didOpen(error, FIXTURE, 1);
    assert.deepEqual(summarize((await client.diagnostics(error, 1)).diagnostics), expectedDiagnostics(FIXTURE, { PG101: ERROR }));

    const disabled = 'file:///protocol/settings-disabled.py';
    settingsByUri.set(disabled, { enable: false });
    await client.didOpen(disabled, FIXTURE, 1);
    assert.deepEqual((await client.diagnostics(disabled, 1)).diagnostics, []);
    assert.equal(await client.hover(disabled, positionAt(FIXTURE, FIXTURE.indexOf('Client'))), null);
    assert.deepEqual(await client.codeAction(disabled, rangeOfText(FIXTURE, '(3.05, 27)'), { diagnostics: [] }), []);
    assert.ok(client.serverRequests.includes('workspace/configuration'));
  });

  test('workspace/didChangeConfiguration re-reads settings and re-publishes every open document', async () => {
    const uri = 'file:///protocol/reconfigure.py';
    await client.didOpen(uri, FIXTURE, 1);
    assert.deepEqual(summarize((await client.diagnostics(uri, 1)).diagnostics), expectedDiagnostics(FIXTURE));

    settingsByUri.set(uri, { severity: { PG101: 'off', 'timeouts-disabled': 'hint' } });
    await client.changeSettings((scopeUri: string | undefined) => settingsByUri.get(scopeUri ?? '') ?? {});
    const republished: PublishDiagnosticsParams = await client.diagnostics(uri, 1);
    assert.deepEqual(summarize(republished.diagnostics), expectedDiagnostics(FIXTURE, { PG302: HINT }).filter((d) => d.code !== 'PG101'));

    settingsByUri.set(uri, { enable: false });
    await client.changeSettings((scopeUri: string | undefined) => settingsByUri.get(scopeUri ?? '') ?? {});
    assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, []);
    settingsByUri.delete(uri);
    await client.changeSettings((scopeUri: string | undefined) => settingsByUri.get(scopeUri ?? '') ?? {});
    const back: Diagnostic[] = (await client.diagnostics(uri, 1)).diagnostics;
    assert.deepEqual(summarize(back), expectedDiagnostics(FIXTURE));
  });

  test('shutdown then exit: exit code 0, nothing on stderr, no error logged', async () => {
    const { code, stderr } = await client.shutdownAndExit();
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.ok(client.logMessages.some((message) => /^Pool Guide .* ready/.test(message.message)), JSON.stringify(client.logMessages));
    assert.deepEqual(client.logMessages.filter((message) => message.type === 1), []);
  });
});
