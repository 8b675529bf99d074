// Shared benchmark plumbing: spawn a language server over stdio (ours or Pyright), speak JSON-RPC,
// wait for diagnostics by version, read the server's RSS, and summarise samples. No sleeps: every
// wait is on an event, with a deadline.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
const DEADLINE_MS = 120_000;

export function deadline(promise, what, ms = DEADLINE_MS) {
  let timer;
  const expired = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Spawns `node script --stdio` and initializes it. `configuration` answers workspace/configuration
 * items by section. Returns the connection, the time from spawn to the initialize result, a
 * diagnostics waiter (by uri and version, or any version), the RSS reader and `stop`.
 */
export async function startServer({ script = SERVER, args = ['--stdio'], rootUri = null, configuration = () => null, capabilities = {} } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  const latest = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    latest.set(params.uri, { params, at });
    for (const waiter of waiters.splice(0)) {
      if (waiter.uri === params.uri && (waiter.version === undefined || waiter.version === params.version)) waiter.resolve({ params, at });
      else waiters.push(waiter);
    }
  });
  connection.onNotification(() => undefined);
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => configuration(item.section)));
  connection.onRequest(() => null);
  connection.listen();
  const workspaceFolders = rootUri ? [{ uri: rootUri, name: 'bench' }] : null;
  await deadline(
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders,
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { versionSupport: true } }, ...capabilities },
    }),
    'initialize',
  );
  const initializeMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    connection,
    initializeMs,
    pid: child.pid,
    diagnostics: (uri, version) => deadline(new Promise((resolve) => waiters.push({ uri, version, resolve })), `diagnostics ${uri}@${version}`),
    latestDiagnostics: (uri) => latest.get(uri),
    rssMb: () => residentMb(child.pid),
    async stop() {
      await deadline(connection.sendRequest('shutdown'), 'shutdown');
      await connection.sendNotification('exit');
      const code = await deadline(exited, 'exit');
      connection.dispose();
      if (code !== 0) throw new Error(`${path.basename(script)} exited with ${code}`);
    },
  };
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function residentMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) };
}

export async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}
