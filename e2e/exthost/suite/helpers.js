// Helpers for the extension-host suites: the example files of the test workspace, and waiting
// for the diagnostics of a file to reach a state (event-driven, with a deadline that reports them).
'use strict';
const vscode = require('vscode');
const { clientsFacts } = require('../../lib/fixtures');

const EXTENSION_ID = 'pool-guide.pool-guide';

function workspaceRoot() {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders || folders.length === 0) throw new Error('the tests need a copy of examples/ opened as the workspace');
  return folders[0].uri.fsPath;
}

/** clients.py of the workspace, opened in an editor, with the facts read from its text. */
async function openClients() {
  const facts = clientsFacts(workspaceRoot());
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(facts.file));
  await vscode.window.showTextDocument(document);
  return { document, uri: document.uri, facts };
}

const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));
const describe = (ds) => JSON.stringify(ds.map((d) => `${codeOf(d)}:${vscode.DiagnosticSeverity[d.severity]}@${d.range.start.line + 1}`));

/** Resolves with the diagnostics of `uri` once `predicate(diagnostics)` holds. */
function diagnosticsWhere(uri, what, predicate, timeout = 30000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!predicate(ds)) return false;
      clearTimeout(timer);
      listener.dispose();
      resolve(ds);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`${what}: not within ${timeout} ms; diagnostics are ${describe(vscode.languages.getDiagnostics(uri))}`));
    }, timeout);
    check();
  });
}

/** Sets a poolGuide setting for the workspace (undefined removes it). */
function setSetting(name, value) {
  return vscode.workspace.getConfiguration('poolGuide').update(name, value, vscode.ConfigurationTarget.Workspace);
}

module.exports = { EXTENSION_ID, workspaceRoot, openClients, codeOf, describe, diagnosticsWhere, setSetting };
