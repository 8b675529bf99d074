// Another LSP client: Debian's Neovim (headless, built-in vim.lsp) drives the server bundled in
// pool-guide.vsix over stdio: diagnostics, a hover card, and a quick fix saved to disk.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const paths = require('../lib/paths');
const { extract } = require('../lib/zip');
const { copyExamples, tempDir } = require('../lib/workspace');
const { clientsFacts } = require('../lib/fixtures');

test('Neovim gets diagnostics, a hover and a quick fix from the packaged server', () => {
  const unpacked = tempDir('vsix');
  extract(paths.vsix, 'extension/', unpacked);
  const ws = copyExamples();
  const facts = clientsFacts(ws);
  const home = tempDir('nvim-home'); // Neovim's LSP log and state go here, not to ~
  const resultFile = path.join(home, 'result.json');
  const fixTitle = `Name the timeout phases: \`${facts.timeoutFix}\``;
  const env = {
    ...process.env,
    HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home,
    SERVER: path.join(unpacked, 'dist', 'server.js'),
    ROOT: ws,
    RESULT: resultFile,
    HOVER_LINE: String(facts.async.line - 1),
    HOVER_CHARACTER: String(facts.async.text.indexOf('AsyncClient') + 2),
    ACTION_LINE: String(facts.tuple.line - 1),
    ACTION_CHARACTER: String(facts.tuple.text.indexOf(facts.tuple.tuple) + 1),
    ACTION_PREFIX: fixTitle,
  };
  const started = Date.now();
  execFileSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(paths.e2e, 'nvim', 'client.lua')}`, facts.file],
    { cwd: ws, env, timeout: 90000, stdio: ['ignore', 'inherit', 'inherit'] });
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  console.log(`nvim: ${Date.now() - started} ms, ${result.diagnostics.length} diagnostics, actions ${JSON.stringify(result.actions)}`);
  assert.equal(result.error, undefined, result.error);

  const pg101 = result.diagnostics.find((d) => d.code === 'PG101');
  assert.ok(pg101, JSON.stringify(result.diagnostics.map((d) => d.code)));
  assert.equal(pg101.source, 'pool-guide');
  assert.equal(pg101.range.start.line, facts.tuple.line - 1);

  assert.equal(result.hover.contents.kind, 'markdown');
  assert.match(result.hover.contents.value, /^\*\*httpx\.AsyncClient\*\* · pool and timeouts · httpx \d/);
  assert.match(result.hover.contents.value, new RegExp(`\\| \`max_connections\` \\| ${facts.maxConnections} \\|`));

  assert.equal(result.applied, fixTitle);
  assert.equal(fs.readFileSync(facts.file, 'utf8'), facts.fixedText);
});
