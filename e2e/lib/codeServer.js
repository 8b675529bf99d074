// Starts code-server (VS Code 1.100.3) on a fresh profile: temp user-data, extensions and XDG
// folders (nothing in $HOME), no marketplace, no telemetry, optionally with a .vsix installed.
// It runs in its own process group so stop() ends it and its helpers together.
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { codeServerBin } = require('./paths');
const { tempDir } = require('./workspace');

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 200,
  'files.autoSave': 'off',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ vsix?: string, settings?: object, env?: object, label?: string }} options
 * @returns {Promise<{ url: string, dir: string, extensionsDir: string, log: () => string, stop: () => Promise<void> }>}
 */
async function startCodeServer({ vsix, settings = {}, env = {}, label = 'code-server' } = {}) {
  const dir = tempDir(label);
  const port = await freePort();
  for (const sub of ['data/User', 'exts', 'xdg/config', 'xdg/data', 'home']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(path.join(dir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.writeFileSync(path.join(dir, 'data/User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const childEnv = {
    ...process.env,
    HOME: path.join(dir, 'home'),
    XDG_CONFIG_HOME: path.join(dir, 'xdg/config'),
    XDG_DATA_HOME: path.join(dir, 'xdg/data'),
    EXTENSIONS_GALLERY: '{"serviceUrl":""}', // an empty gallery: no marketplace requests
    ...env,
  };
  const args = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', path.join(dir, 'data'), '--extensions-dir', path.join(dir, 'exts')];
  if (vsix) {
    const out = execFileSync(codeServerBin, [...args, '--install-extension', vsix], { env: childEnv, encoding: 'utf8' });
    if (!/successfully installed/.test(out)) throw new Error(`installing ${vsix} failed:\n${out}`);
  }
  const logFile = path.join(dir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(codeServerBin, [...args, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'], { env: childEnv, detached: true, stdio: ['ignore', 'pipe', logFd] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const log = () => fs.readFileSync(logFile, 'utf8');

  // Ready when it says it listens (stdout is copied to the log file as it comes).
  await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`code-server did not start within 30 s; log:\n${seen}${log()}`)), 30000);
    const fail = (error) => { clearTimeout(timer); reject(error); };
    child.stdout.on('data', (chunk) => {
      fs.appendFileSync(logFile, chunk);
      seen += chunk;
      if (/HTTP server listening on/.test(seen)) { clearTimeout(timer); resolve(); }
    });
    exited.then(({ code, signal }) => fail(new Error(`code-server exited (${code ?? signal}) before listening; log:\n${log()}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) throw new Error(`${url}/healthz answered ${health.status}`);

  async function stop() {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const done = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 10000))]);
    if (!done) process.kill(-child.pid, 'SIGKILL');
    fs.closeSync(logFd);
  }
  return { url, dir, extensionsDir: path.join(dir, 'exts'), log, stop };
}

module.exports = { startCodeServer };
