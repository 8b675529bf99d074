// What a user sees in VS Code 1.100.3 (code-server) with the packaged pool-guide.vsix installed:
// hover cards, the Problems panel, the Ctrl+. quick fix saved to disk, and a suppression comment.
// Screenshots go to test-results/. Run by `npm run test:e2e` after `npm run package`.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const paths = require('../lib/paths');
const { startCodeServer } = require('../lib/codeServer');
const { copyExamples } = require('../lib/workspace');
const { launchBrowser, until, openFile, wordCenter, untilLine, readHover, fileBecomes, applyQuickFix } = require('../lib/workbench');
const { HTTPX_DEFAULTS, seconds, clientsFacts, suppressedFacts } = require('../lib/fixtures');

const T0 = Date.now();
const lap = (message) => console.log(`[${((Date.now() - T0) / 1000).toFixed(1)}s] ${message}`);

describe('VS Code (code-server) with pool-guide.vsix', () => {
  let server, browser, page, editor, ws, clients, suppressed;
  const hoverCard = (text) => page.locator('.monaco-hover-content', { hasText: text });
  const problem = (code, line) => page.locator('.markers-panel .monaco-list-row', { hasText: code }).filter({ hasText: `[Ln ${line}, ` });

  /** Moves the mouse onto `word` (inside the line containing `context`) and waits for the hover starting with `title`. */
  async function hover(context, word, title) {
    await page.keyboard.press('Escape');
    const { x, y } = await wordCenter(page, context, word);
    await page.mouse.move(x, y);
    const card = hoverCard(title);
    await until(page, `hover "${title}"`, card);
    return readHover(card);
  }

  before(async () => {
    fs.mkdirSync(paths.results, { recursive: true });
    ws = copyExamples();
    clients = clientsFacts(ws);
    suppressed = suppressedFacts(ws);
    server = await startCodeServer({ vsix: paths.vsix, label: 'ui' });
    lap(`code-server ${server.url}, profile ${server.dir}`);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`);
    await until(page, 'workbench', page.locator('.monaco-workbench'), { timeout: 60000 });
    await until(page, 'explorer', page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'app' }), { timeout: 60000 });
    lap('workbench visible');
    editor = await openFile(page, 'app/clients.py', clients.lines[0].slice(3, 30));
    const mode = page.locator('[id="status.editor.mode"]');
    await until(page, 'status bar language "Python"', mode.filter({ hasText: /^Python$/ }));
    // a squiggle means the extension activated and its server published diagnostics: hovers are served now
    await until(page, 'first diagnostic squiggle', editor.locator('.squiggly-warning'), { timeout: 60000 });
    lap('clients.py open as Python, diagnostics shown');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('installed the extension from the .vsix', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(paths.repo, 'package.json'), 'utf8'));
    const folder = path.join(server.extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
    assert.ok(fs.existsSync(path.join(folder, 'dist', 'server.js')), `${folder}/dist/server.js`);
    assert.ok(fs.existsSync(path.join(folder, 'dist', 'tree-sitter-python.wasm')));
  });

  it('hover on a client constructor shows the card with the real defaults', async () => {
    const card = await hover(clients.async.text, 'AsyncClient', 'httpx.AsyncClient · pool and timeouts');
    lap(`hover: ${card.paragraphs[0]}`);
    assert.equal(card.title, 'httpx.AsyncClient');
    assert.match(card.paragraphs[0], /^httpx\.AsyncClient · pool and timeouts · httpx \d+\.\d+\.\d+/);
    assert.equal(card.rows.max_connections[0], String(clients.maxConnections));
    assert.equal(card.rows.keepalive_expiry[0], seconds(HTTPX_DEFAULTS.keepalive_expiry));
    assert.equal(card.rows.connect[0], seconds(clients.async.timeoutConnect));
    assert.equal(card.rows.pool[0], seconds(clients.async.timeoutAll));
    const busy = `When all ${clients.maxConnections} connections are busy, a request waits up to ${seconds(clients.async.timeoutAll)} for one, then raises httpx.PoolTimeout.`;
    assert.ok(card.paragraphs.includes(busy), `no paragraph ${JSON.stringify(busy)} in ${JSON.stringify(card.paragraphs)}`);
    await page.screenshot({ path: path.join(paths.results, 'hover.png') });
    const box = await hoverCard('httpx.AsyncClient · pool and timeouts').first().boundingBox();
    await page.screenshot({ path: path.join(paths.results, 'hover-card.png'), clip: { x: 0, y: Math.max(0, box.y - 140), width: 1280, height: Math.min(800 - Math.max(0, box.y - 140), box.height + 180) } });

    // a client without limits=: every pool value is httpx's own default
    const legacy = await hover(clients.tuple.text, 'Client', 'httpx.Client · pool and timeouts');
    assert.equal(legacy.rows.max_connections[0], String(HTTPX_DEFAULTS.max_connections));
    assert.equal(legacy.rows.max_keepalive_connections[0], String(HTTPX_DEFAULTS.max_keepalive_connections));
    assert.equal(legacy.rows.keepalive_expiry[0], seconds(HTTPX_DEFAULTS.keepalive_expiry));
    assert.equal(legacy.rows.connect[0], seconds(clients.tuple.connect));
    assert.equal(legacy.rows.read[0], seconds(clients.tuple.read));
  });

  it('hover on an option keyword shows its documentation', async () => {
    const card = await hover(clients.async.text, 'limits', 'limits · httpx.AsyncClient');
    lap(`option hover: ${JSON.stringify(card.paragraphs.slice(0, 3))}`);
    assert.equal(card.title, 'limits');
    assert.match(card.paragraphs[0], /^limits · httpx\.AsyncClient\b/);
    const d = HTTPX_DEFAULTS;
    assert.match(card.paragraphs[0], new RegExp(`max_connections ${d.max_connections}, max_keepalive_connections ${d.max_keepalive_connections}, keepalive_expiry ${seconds(d.keepalive_expiry)}`));
    assert.ok(card.paragraphs.slice(1).join(' ').length > 40, `no documentation after the title: ${JSON.stringify(card.paragraphs)}`);
    await page.keyboard.press('Escape');
  });

  it('the Problems panel lists the PG101 warning with its code', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = problem('PG101', clients.tuple.line);
    await until(page, `Problems row PG101 at line ${clients.tuple.line}`, row);
    const label = await row.first().getAttribute('aria-label');
    const text = await row.first().innerText();
    lap(`problem: ${text.replace(/\s+/g, ' ')}`);
    assert.match(label, /^Warning: /);
    assert.match(label, /generated by pool-guide/);
    assert.match(text, /pool-guide\s*PG101/);
    await page.screenshot({ path: path.join(paths.results, 'problems.png') });
  });

  it('Ctrl+. applies the quick fix and the saved file is the expected text', async () => {
    const title = `Name the timeout phases: \`${clients.timeoutFix}\``;
    const labels = await applyQuickFix(page, { context: clients.tuple.text, word: clients.tuple.connect, title, screenshot: path.join(paths.results, 'quickfix.png') });
    lap(`quick-fix menu: ${JSON.stringify(labels)}`);
    const fixedLine = clients.tuple.text.replace(clients.tuple.tuple, clients.timeoutFix);
    await untilLine(page, 'fixed line in the editor', fixedLine);
    await page.keyboard.press('Control+s');
    await fileBecomes(clients.file, clients.fixedText);
    lap('quick fix saved to disk');
    await until(page, 'PG101 row gone after the fix', problem('PG101', clients.tuple.line), { state: 'detached' });
  });

  it('a suppression comment hides the diagnostic', async () => {
    const { line, comment, column } = suppressed.suppressed;
    await openFile(page, 'app/suppressed.py', suppressed.lines[0].slice(3, 30));
    // delete the comment: the diagnostic appears ...
    await page.keyboard.press('Control+g');
    await until(page, 'go-to-line input', page.locator('.quick-input-widget input'));
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    const withoutComment = suppressed.suppressed.text.slice(0, -comment.length);
    await untilLine(page, 'line without the comment', withoutComment);
    const row = problem(suppressed.code, line);
    await until(page, `${suppressed.code} row at line ${line} once the comment is gone`, row);
    lap(`${suppressed.code} shown without the comment`);
    // ... and typing it back hides it again
    await page.keyboard.type(comment);
    await untilLine(page, 'line with the comment again', suppressed.suppressed.text);
    await until(page, `${suppressed.code} row gone with the comment back`, row, { state: 'detached' });
    lap(`${suppressed.code} hidden by the comment`);
  });

  it('the status bar shows the pinned version; a click opens the file that decided', async () => {
    const pinned = fs.readFileSync(path.join(ws, 'requirements.txt'), 'utf8').match(/^httpx==(\S+)$/m)[1];
    await openFile(page, 'app/clients.py', clients.lines[0].slice(3, 30));
    const item = page.locator('.statusbar-item', { hasText: 'Pool Guide:' });
    await until(page, 'status bar item "Pool Guide: …"', item.filter({ hasText: `httpx ${pinned}` }));
    lap(`status bar: ${(await item.first().innerText()).trim()}`);
    // clients.py imports httpx only, so one file decides and a click opens it directly.
    await item.first().click();
    await until(page, 'requirements.txt opened from the status bar', page.locator('.tab', { hasText: 'requirements.txt' }));
  });

  it('saved screenshots of the hover and the quick-fix menu', () => {
    for (const name of ['hover.png', 'hover-card.png', 'quickfix.png']) {
      const png = fs.readFileSync(path.join(paths.results, name));
      assert.equal(png.subarray(1, 4).toString(), 'PNG', name);
      assert.ok(png.length > 10000, `${name} is only ${png.length} bytes`);
    }
  });
});
