// Drives the VS Code workbench in Debian's chromium: launch, open files as a user does, find a
// word on screen, and wait for exact DOM states with deadlines that say what was on screen.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const paths = require('./paths');
const { tempDir } = require('./workspace');

const EDITOR = '.editor-group-container .monaco-editor';

async function launchBrowser() {
  return chromium.launch({
    executablePath: paths.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    // chromium writes crash reports under $XDG_CONFIG_HOME and dconf state under $XDG_CACHE_HOME: keep both out of ~
    env: (() => { const d = tempDir('chromium-xdg'); return { ...process.env, XDG_CONFIG_HOME: d, XDG_CACHE_HOME: d }; })(),
  });
}

/** A short text picture of the workbench: tabs, hovers, menus, notifications, problems, quick input. */
async function screen(page) {
  return page.evaluate(() => {
    const texts = (sel, attr) => [...document.querySelectorAll(sel)]
      .filter((e) => e.offsetParent !== null || e.getClientRects().length)
      .map((e) => ((attr ? e.getAttribute(attr) : e.innerText) || '').replace(/\s+/g, ' ').trim().slice(0, 300))
      .filter(Boolean);
    const parts = {
      'active tab': texts('.tab.active', 'aria-label'),
      'editor lines': texts('.editor-group-container .monaco-editor .view-line').slice(0, 40),
      hover: texts('.monaco-hover-content'),
      'action menu': texts('.action-widget .monaco-list-row', 'aria-label'),
      'problems': texts('.markers-panel .monaco-list-row', 'aria-label'),
      'quick input': texts('.quick-input-widget .monaco-list-row', 'aria-label'),
      notifications: texts('.notification-toast', 'aria-label'),
      'status bar': texts('.statusbar-item', 'aria-label'),
    };
    return Object.entries(parts).map(([k, v]) => `  ${k}: ${v.length ? JSON.stringify(v) : '(none)'}`).join('\n');
  }).catch((e) => `  (could not read the screen: ${e.message})`);
}

/** Waits for `locator` to reach `state`; on a deadline, fails with what was on screen and a screenshot. */
async function until(page, what, locator, { state = 'visible', timeout = 20000 } = {}) {
  try {
    await locator.first().waitFor({ state, timeout });
  } catch (error) {
    const shot = path.join(paths.results, `failure-${what.replace(/\W+/g, '-').slice(0, 60)}.png`);
    await page.screenshot({ path: shot }).catch(() => {});
    throw new Error(`${what}: not ${state} within ${timeout} ms (${error.message.split('\n')[0]}).\nOn screen:\n${await screen(page)}\nScreenshot: ${shot}`);
  }
}

/** Opens a workspace file by name through Quick Open (Ctrl+P), as a user would; returns the editor locator. */
async function openFile(page, relativePath, firstLineText) {
  await page.keyboard.press('Control+p');
  await until(page, 'quick open input', page.locator('.quick-input-widget input'));
  await page.keyboard.type(relativePath);
  const name = path.basename(relativePath);
  // Enter opens the focused row: wait until filtering has put this file there (recent files come first until then).
  await until(page, `quick open focused row ${name}`, page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }));
  await page.keyboard.press('Enter');
  await until(page, `tab ${name}`, page.locator('.tab.active', { hasText: name }));
  const editor = page.locator(EDITOR).first();
  await until(page, `${name} text`, editor.locator('.view-lines', { hasText: firstLineText }));
  return editor;
}

// Inlay hints are injected into Monaco's line DOM as spans with generated "dyn-rule-*" classes;
// the helpers below read a line's own text without them.
const INJECTED = '[class*="dyn-rule-"]';

/** In the page: each visible editor line's text nodes that belong to the document (not inlay hints). */
function documentTextNodes({ sel, injected }) {
  return [...document.querySelectorAll(`${sel} .view-lines .view-line`)].map((line) => {
    const nodes = [];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) if (!n.parentElement.closest(injected)) nodes.push(n);
    return { nodes, text: nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ') };
  });
}
const inPage = { sel: EDITOR, injected: INJECTED, textNodes: documentTextNodes.toString() };

/**
 * Screen centre of `word` inside the one visible editor line that contains `context`. Monaco merges
 * tokens into spans and uses &nbsp;, so text locators cannot target a word; a DOM Range can.
 */
async function wordCenter(page, context, word = context) {
  const found = await page.evaluate(({ sel, injected, textNodes, context, word }) => {
    const lines = new Function(`return ${textNodes}`)()({ sel, injected }).filter((l) => l.text.includes(context));
    if (lines.length !== 1) return { error: `${lines.length} visible lines contain ${JSON.stringify(context)}` };
    const inner = context.indexOf(word);
    if (inner < 0) return { error: `${JSON.stringify(word)} is not in ${JSON.stringify(context)}` };
    const start = lines[0].text.indexOf(context) + inner;
    const end = start + word.length;
    const range = document.createRange();
    let seen = 0;
    for (const n of lines[0].nodes) {
      const len = n.data.length;
      if (start >= seen && start < seen + len) range.setStart(n, start - seen);
      if (end > seen && end <= seen + len) { range.setEnd(n, end - seen); break; }
      seen += len;
    }
    const b = range.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }, { ...inPage, context, word });
  if (found.error) throw new Error(`wordCenter: ${found.error}\nOn screen:\n${await screen(page)}`);
  return found;
}

/** Waits until a visible editor line's own text (inlay hints left out) is `text`, give or take trailing spaces. */
async function untilLine(page, what, text, { timeout = 20000 } = {}) {
  try {
    await page.waitForFunction(({ sel, injected, textNodes, text }) => new Function(`return ${textNodes}`)()({ sel, injected })
      .some((l) => l.text.replace(/ +$/, '') === text), { ...inPage, text }, { timeout });
  } catch (error) {
    throw new Error(`${what}: no editor line ${JSON.stringify(text)} within ${timeout} ms (${error.message.split('\n')[0]}).\nOn screen:\n${await screen(page)}`);
  }
}

/** The rendered markdown of a hover: its paragraphs' text and its table as { firstCell: [cells...] }. */
async function readHover(locator) {
  return locator.first().evaluate((el) => {
    const md = el.querySelector('.rendered-markdown') || el;
    const clean = (e) => e.innerText.replace(/\s+/g, ' ').trim();
    const rows = {};
    for (const tr of md.querySelectorAll('tbody tr')) {
      const cells = [...tr.querySelectorAll('td')].map(clean);
      rows[cells[0]] = cells.slice(1);
    }
    return { paragraphs: [...md.querySelectorAll('p')].map(clean), rows, title: md.querySelector('p strong') ? clean(md.querySelector('p strong')) : '' };
  });
}

/** Resolves when `file` holds exactly `expected`; on a deadline, fails with the file's text. */
async function fileBecomes(file, expected, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (text === expected) return;
    if (Date.now() > deadline) throw new Error(`${file} did not become the expected text within ${timeout} ms; it is:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Puts the caret on `word` of the visible line that holds `context`, opens the quick-fix menu
 * (Ctrl+.) and applies the fix titled `title`, moving the focus down to it. Returns the menu's
 * rows (their aria-labels) as they were when the menu opened; with `screenshot`, the menu is
 * saved there first.
 */
async function applyQuickFix(page, { context, word, title, screenshot }) {
  const { x, y } = await wordCenter(page, context, word);
  await page.mouse.click(x, y);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Period');
  const rows = page.locator('.action-widget .monaco-list-row');
  await until(page, 'quick-fix menu row', rows.filter({ hasText: title }));
  if (screenshot) await page.screenshot({ path: screenshot });
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let i = 0; i < labels.length && !(await focused.getAttribute('aria-label')).startsWith(title); i++) await page.keyboard.press('ArrowDown');
  const chosen = await focused.getAttribute('aria-label');
  if (!chosen.startsWith(title)) throw new Error(`quick-fix menu: no row could be focused that starts with ${JSON.stringify(title)}; rows: ${JSON.stringify(labels)}`);
  await page.keyboard.press('Enter');
  return labels;
}

module.exports = { EDITOR, launchBrowser, screen, until, untilLine, openFile, wordCenter, readHover, fileBecomes, applyQuickFix };
