// The web extension in a real browser extension host: code-server runs an extension's `browser`
// entry in its Web Worker extension host when the user settings mark it `ui`. The same scenario
// runs twice on the same pool-guide.vsix: in the worker (dist/web/, the server in a nested Web
// Worker) and, for comparison, in the Node extension host (dist/extension.js + dist/server.js).
// Each run proves which build answered: the Node build needs a `node …/dist/server.js` process,
// the web build must run without one and from dist/web/server.js in the browser. Checked in both:
// the version decided by requirements.txt (read through the client in the worker), a hover card,
// the PG101 diagnostic in the Problems panel, and the Ctrl+. quick fix saved to disk. Prints the
// file open → first squiggle time and the hover latency of each host.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const paths = require('../lib/paths');
const { startCodeServer } = require('../lib/codeServer');
const { copyExamples } = require('../lib/workspace');
const { launchBrowser, until, openFile, wordCenter, untilLine, readHover, fileBecomes, applyQuickFix } = require('../lib/workbench');
const { HTTPX_DEFAULTS, seconds, clientsFacts } = require('../lib/fixtures');

const pkg = JSON.parse(fs.readFileSync(path.join(paths.repo, 'package.json'), 'utf8'));
const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;
const HOVER_SAMPLES = 7;

/** Command lines of the running processes that are the Node build's server from this profile's extensions folder. */
function nodeServerProcesses(extensionsDir) {
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return args.some((arg) => arg.startsWith(extensionsDir) && arg.endsWith(path.join('dist', 'server.js'))) ? [args.join(' ')] : [];
    } catch {
      return []; // gone meanwhile
    }
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const host of ['web worker', 'node']) {
  describe(`pool-guide.vsix in code-server's ${host} extension host`, () => {
    let server, browser, page, editor, ws, clients;
    let workerScriptAt; // when the browser first fetched dist/web/server.js (the worker is created right after)
    const figures = {};
    const T0 = Date.now();
    const lap = (message) => console.log(`[${host} ${((Date.now() - T0) / 1000).toFixed(1)}s] ${message}`);
    const hoverCard = (text) => page.locator('.monaco-hover-content', { hasText: text });

    before(async () => {
      fs.mkdirSync(paths.results, { recursive: true });
      ws = copyExamples();
      clients = clientsFacts(ws);
      const settings = host === 'web worker' ? { 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } } : {};
      server = await startCodeServer({ vsix: paths.vsix, label: `web-${host.replace(' ', '-')}`, settings });
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('request', (request) => {
        if (decodeURIComponent(request.url()).includes('/dist/web/server.js')) workerScriptAt ??= Date.now();
      });
      await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`);
      await until(page, 'workbench', page.locator('.monaco-workbench'), { timeout: 60000 });
      await until(page, 'explorer', page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'app' }), { timeout: 60000 });
      lap('workbench visible');
      editor = await openFile(page, 'app/clients.py', clients.lines[0].slice(3, 30));
      const opened = Date.now();
      await until(page, 'first diagnostic squiggle', editor.locator('.squiggly-warning'), { timeout: 60000 });
      const squiggleAt = Date.now();
      figures.firstDiagnostics = squiggleAt - opened;
      if (workerScriptAt) figures.workerToDiagnostics = squiggleAt - workerScriptAt;
      lap(`clients.py open → first squiggle: ${figures.firstDiagnostics} ms (activation, server start, parser load, analysis)`);
    });

    after(async () => {
      const worker = figures.workerToDiagnostics === undefined ? '' : ` (worker script fetched → first diagnostics ${figures.workerToDiagnostics} ms)`;
      if (figures.hoverMedian !== undefined) console.log(`FIGURES ${host}: open → first diagnostics ${figures.firstDiagnostics} ms${worker}; hover median ${figures.hoverMedian} ms, max ${figures.hoverMax} ms (${HOVER_SAMPLES} hovers, editor.hover.delay 200 ms included)`);
      await browser?.close();
      await server?.stop();
    });

    it(`is answered by the ${host} build`, () => {
      const processes = nodeServerProcesses(server.extensionsDir);
      const webServerLoaded = workerScriptAt !== undefined;
      lap(`node server processes: ${processes.length}; dist/web/server.js fetched by the browser: ${webServerLoaded}`);
      if (host === 'web worker') {
        assert.deepEqual(processes, [], 'no Node server process: the Node build is not running');
        assert.ok(webServerLoaded, 'the browser loaded the worker server');
      } else {
        assert.equal(processes.length, 1, 'the Node build runs its server process');
        assert.ok(!webServerLoaded, 'the browser did not load the worker server');
      }
    });

    it('the status bar shows the version pinned in requirements.txt', async () => {
      const pinned = fs.readFileSync(path.join(ws, 'requirements.txt'), 'utf8').match(/^httpx==(\S+)$/m)[1];
      const item = page.locator('.statusbar-item', { hasText: 'Pool Guide:' });
      await until(page, 'status bar item "Pool Guide: …"', item.filter({ hasText: `httpx ${pinned}` }));
    });

    it('hover on a client constructor shows the card', async () => {
      const { x, y } = await wordCenter(page, clients.async.text, 'AsyncClient');
      const samples = [];
      let card;
      for (let i = 0; i < HOVER_SAMPLES; i++) {
        await page.mouse.move(x, y + 200); // off the word, so that the next move starts a new hover
        await page.keyboard.press('Escape');
        await until(page, 'hover closed', hoverCard('pool and timeouts'), { state: 'hidden' });
        const start = Date.now();
        await page.mouse.move(x, y);
        await until(page, 'hover card', hoverCard('httpx.AsyncClient · pool and timeouts'));
        samples.push(Date.now() - start);
        card ??= await readHover(hoverCard('httpx.AsyncClient · pool and timeouts'));
      }
      figures.hoverMedian = median(samples);
      figures.hoverMax = Math.max(...samples);
      lap(`hover latencies (ms): ${samples.join(', ')}`);
      assert.equal(card.title, 'httpx.AsyncClient');
      assert.equal(card.rows.max_connections[0], String(clients.maxConnections));
      assert.equal(card.rows.keepalive_expiry[0], seconds(HTTPX_DEFAULTS.keepalive_expiry));
      assert.equal(card.rows.connect[0], seconds(clients.async.timeoutConnect));
      await page.screenshot({ path: path.join(paths.results, `web-${host.replace(' ', '-')}-hover.png`) });
      await page.keyboard.press('Escape');
    });

    it('the Problems panel lists PG101, and Ctrl+. fixes it on disk', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'PG101' }).filter({ hasText: `[Ln ${clients.tuple.line}, ` });
      await until(page, `Problems row PG101 at line ${clients.tuple.line}`, row);
      await applyQuickFix(page, { context: clients.tuple.text, word: clients.tuple.connect, title: `Name the timeout phases: \`${clients.timeoutFix}\`` });
      await untilLine(page, 'fixed line in the editor', clients.tuple.text.replace(clients.tuple.tuple, clients.timeoutFix));
      await page.keyboard.press('Control+s');
      await fileBecomes(clients.file, clients.fixedText);
      await until(page, 'PG101 row gone after the fix', row, { state: 'detached' });
      lap('quick fix saved to disk');
    });
  });
}
