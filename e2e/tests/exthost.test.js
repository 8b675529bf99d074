// Runs the extension-host suite (e2e/exthost, ordinary VS Code mocha tests) inside code-server's
// Node extension host, as @vscode/test-electron would in desktop VS Code: the web workbench reads
// extensionDevelopmentPath/extensionTestsPath from ?payload= and reports run()'s result through
// window.codeAutomationExit. The extension under test is the one installed from pool-guide.vsix.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const paths = require('../lib/paths');
const { startCodeServer } = require('../lib/codeServer');
const { copyExamples, tempDir } = require('../lib/workspace');
const { launchBrowser, screen } = require('../lib/workbench');

const DEADLINE_MS = 180000;

test('extension-host suite passes in code-server', async () => {
  const ws = copyExamples();
  const report = path.join(tempDir('exthost-report'), 'report.txt');
  fs.writeFileSync(report, '');
  const server = await startCodeServer({ vsix: paths.vsix, label: 'exthost', env: { POOL_GUIDE_TEST_REPORT: report } });
  const browser = await launchBrowser();
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(paths.repo, 'package.json'), 'utf8'));
    const installed = path.join(server.extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
    assert.ok(fs.existsSync(installed), `installed extension at ${installed}`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text().slice(0, 500)); });
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    const host = new URL(server.url).host; // code-server's remote authority is the page's host:port
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${host}${installed}`],
      ['extensionTestsPath', `vscode-remote://${host}${path.join(paths.e2e, 'exthost', 'index.js')}`],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    let timer;
    const code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('deadline'), DEADLINE_MS); })]);
    clearTimeout(timer);
    const lines = fs.readFileSync(report, 'utf8');
    console.log(lines.trimEnd());
    if (code === 'deadline') {
      throw new Error(`no result within ${DEADLINE_MS} ms.\nOn screen:\n${await screen(page)}\nConsole errors:\n${errors.join('\n')}\nServer log tail:\n${server.log().slice(-3000)}`);
    }
    assert.equal(code, 0, `extension tests exit code ${code}\n${lines}\nConsole errors:\n${errors.join('\n')}`);
    assert.match(lines, /^end: [1-9]\d* passed, 0 failed$/m);
  } finally {
    await browser.close();
    await server.stop();
  }
});
