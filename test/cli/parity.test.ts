/**
 * The CLI and the language server give the same findings: every file of examples/ and of the
 * configured CLI fixture (pyproject ignore/severity, suppressions) is opened in the bundled server
 * over JSON-RPC and checked with the bundled CLI; code, severity, message and range must agree.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { ReportedFinding } from '../../server/src/cli/report';
import { runCli } from '../helpers/cli';
import { LspTestClient } from '../helpers/lspClient';
import { repoRoot } from '../helpers/repo';

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

let client: LspTestClient;
before(async () => {
  client = LspTestClient.start({ settings: {} });
  await client.initialize();
});
after(() => client.dispose());

for (const folder of ['examples', path.join('test', 'fixtures', 'cli', 'configured')]) {
  test(`server and CLI agree on ${folder}`, async () => {
    const run = runCli(['check', '--format', 'json', folder]);
    assert.equal(run.stderr, '');
    const fromCli = (JSON.parse(run.stdout) as ReportedFinding[]).map((finding) => ({
      file: finding.path,
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      range: `${finding.line - 1}:${finding.column - 1}-${finding.endLine - 1}:${finding.endColumn - 1}`,
    }));
    assert.ok(fromCli.length > 0, `${folder} has findings to compare`);

    const files = [...new Set(listPython(folder))];
    const fromServer = [];
    for (const file of files) {
      const uri = pathToFileURL(path.join(repoRoot(), file)).href;
      await client.didOpen(uri, fs.readFileSync(path.join(repoRoot(), file), 'utf8'), 1);
      const { diagnostics } = await client.diagnostics(uri, 1);
      for (const diagnostic of diagnostics) {
        const { start, end } = diagnostic.range;
        fromServer.push({
          file,
          code: String(diagnostic.code),
          severity: SEVERITY_NAMES[diagnostic.severity ?? 0],
          message: diagnostic.message,
          range: `${start.line}:${start.character}-${end.line}:${end.character}`,
        });
      }
      await client.didClose(uri);
    }
    assert.deepEqual(fromServer, fromCli);
  });
}

function listPython(folder: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(repoRoot(), relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.py')) found.push(child);
    }
  };
  walk(folder);
  return found;
}
