// The extension activates by itself on a .py file, and hovers and quick fixes reach VS Code's
// own commands through the bundled language server.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, openClients, codeOf, diagnosticsWhere } = require('./helpers');

suite('activation', () => {
  test('opening a .py file activates the extension and its diagnostics appear', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const { document, uri, facts } = await openClients();
    assert.strictEqual(document.languageId, 'python');
    const ds = await diagnosticsWhere(uri, 'PG101 published', (ds) => ds.some((d) => codeOf(d) === 'PG101'));
    assert.ok(extension.isActive, 'active without anyone calling activate()');
    const pg101 = ds.find((d) => codeOf(d) === 'PG101');
    assert.strictEqual(pg101.source, 'pool-guide');
    assert.strictEqual(pg101.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(pg101.range.start.line, facts.tuple.line - 1);
  });

  test('hover and quick fix come from the language server', async () => {
    const { uri, facts } = await openClients();
    const asyncLine = facts.async.line - 1;
    const at = new vscode.Position(asyncLine, facts.async.text.indexOf('AsyncClient') + 2);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /^\*\*httpx\.AsyncClient\*\* · pool and timeouts · httpx \d/m);
    assert.match(text, new RegExp(`\\| \`max_connections\` \\| ${facts.maxConnections} \\|`));

    const tupleAt = new vscode.Position(facts.tuple.line - 1, facts.tuple.text.indexOf(facts.tuple.tuple) + 1);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(tupleAt, tupleAt), vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(`Name the timeout phases: \`${facts.timeoutFix}\``), JSON.stringify(titles));
  });
});
