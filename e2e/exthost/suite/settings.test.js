// Changing poolGuide settings takes effect at once: no reload, no server restart.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { openClients, codeOf, diagnosticsWhere, setSetting } = require('./helpers');

const has = (ds, code, severity) => ds.some((d) => codeOf(d) === code && (severity === undefined || d.severity === severity));

suite('settings take effect without a restart', () => {
  let uri;
  suiteSetup(async () => {
    ({ uri } = await openClients());
    await diagnosticsWhere(uri, 'PG101 as a warning', (ds) => has(ds, 'PG101', vscode.DiagnosticSeverity.Warning));
  });
  teardown(async () => {
    await setSetting('severity', undefined);
    await setSetting('enable', undefined);
    await diagnosticsWhere(uri, 'PG101 back to a warning', (ds) => has(ds, 'PG101', vscode.DiagnosticSeverity.Warning));
  });

  test('poolGuide.severity turns PG101 off, and only PG101', async () => {
    await setSetting('severity', { PG101: 'off' });
    const ds = await diagnosticsWhere(uri, 'PG101 gone', (ds) => ds.length > 0 && !has(ds, 'PG101'));
    assert.ok(has(ds, 'PG302'), `other rules still report: ${ds.map(codeOf)}`);
  });

  test('poolGuide.severity raises PG101 to an error', async () => {
    await setSetting('severity', { PG101: 'error' });
    await diagnosticsWhere(uri, 'PG101 as an error', (ds) => has(ds, 'PG101', vscode.DiagnosticSeverity.Error));
  });

  test('poolGuide.enable false clears every diagnostic', async () => {
    await setSetting('enable', false);
    await diagnosticsWhere(uri, 'no diagnostics', (ds) => ds.length === 0);
  });
});
