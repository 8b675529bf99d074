// Hover benchmark against the BUNDLED server (`node dist/server.js --stdio`, build first): opens a
// generated 10,000-line module with 400 client constructions and measures, as wall time per JSON-RPC
// round trip, server start → initialize result, didOpen → publishDiagnostics, hover on callees, the
// floor (hover on a blank line), and a one-character edit followed by a hover. Prints a Markdown table.
// Usage: npm run bench [-- --hovers 500 --edits 100 --starts 5]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const LINES = 10_000;
const CLIENTS = 400;
const DEBOUNCE_MS = 120; // server/src/lsp/handlers/diagnostics.ts
const DEADLINE_MS = 60_000;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const HOVERS = option('hovers', 500);
const EDITS = option('edits', 100);
const STARTS = option('starts', 5);

/** Same shape as test/lsp/badInput.test.ts: one client construction per block, four kinds. */
function generatedModule(lines, clients) {
  const out = ['"""Generated: many clients in one large module."""', 'import httpx', 'from httpx import Limits, Timeout', ''];
  const block = Math.floor((lines - out.length) / clients);
  for (let index = 0; index < clients; index++) {
    const body = [];
    switch (index % 4) {
      case 0:
        body.push(`client_${index} = httpx.Client(timeout=(${index % 7}.5, 27), limits=Limits(max_connections=${index + 1}))`);
        break;
      case 1:
        body.push(`async_${index} = httpx.AsyncClient(timeout=Timeout(${(index % 9) + 1}.0, connect=2.0))`);
        break;
      case 2:
        body.push(`def handler_${index}(url):`, `    with httpx.Client(timeout=None) as client:`, `        return client.get(url)`);
        break;
      default:
        body.push(`transport_${index} = httpx.HTTPTransport(retries=${index % 5}, limits=httpx.Limits(max_keepalive_connections=${index % 11}))`);
    }
    while (body.length < block - 1) body.push(`# filler ${index}.${body.length}: nothing to see here, just ordinary comment lines`);
    body.push('');
    out.push(...body);
  }
  while (out.length < lines) out.push(`# padding ${out.length}`);
  return out.join('\n') + '\n';
}

function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, character: offset - lineStart };
}

function deadline(promise, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${DEADLINE_MS} ms`)), DEADLINE_MS)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** Spawns the server and returns the connection, the time to the initialize result, and a diagnostics waiter. */
async function startServer() {
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    for (const waiter of waiters.splice(0)) {
      if (waiter.uri === params.uri && waiter.version === params.version) waiter.resolve({ params, at });
      else waiters.push(waiter);
    }
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await deadline(connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), 'initialize');
  const initializeMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    connection,
    initializeMs,
    diagnostics: (uri, version) => deadline(new Promise((resolve) => waiters.push({ uri, version, resolve })), `diagnostics ${uri}@${version}`),
    async stop() {
      await deadline(connection.sendRequest('shutdown'), 'shutdown');
      await connection.sendNotification('exit');
      const code = await deadline(exited, 'exit');
      connection.dispose();
      if (code !== 0) throw new Error(`server exited with ${code}`);
    },
  };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) };
}

async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

async function main() {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const rows = [];

  // Cold starts: spawn → initialize result (includes loading both wasm files).
  const starts = [];
  for (let run = 0; run < STARTS; run++) {
    const server = await startServer();
    starts.push(server.initializeMs);
    await server.stop();
  }
  rows.push(['server start → initialize result', stats(starts)]);

  const server = await startServer();
  const { connection } = server;
  const uri = 'file:///bench/large.py';
  const text = generatedModule(LINES, CLIENTS);

  // didOpen → first publishDiagnostics (includes the 120 ms debounce).
  const opened = performance.now();
  const waiting = server.diagnostics(uri, 1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  const { params, at } = await waiting;
  rows.push([`didOpen → publishDiagnostics (${params.diagnostics.length} diagnostics; incl. ${DEBOUNCE_MS} ms debounce)`, stats([at - opened])]);

  const callees = [...text.matchAll(/httpx\.(?:Client|AsyncClient|HTTPTransport)\(/g)].map((match) => positionAt(text, match.index + 'httpx.'.length + 1));
  if (callees.length !== CLIENTS) throw new Error(`expected ${CLIENTS} callees, found ${callees.length}`);
  const hover = (position) => deadline(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), 'hover');

  // Warm-up (not counted), then hovers on callees spread over the whole file.
  for (let index = 0; index < 20; index++) await hover(callees[(index * 37) % callees.length]);
  const calleeSamples = [];
  for (let index = 0; index < HOVERS; index++) {
    const { ms, result } = await timed(() => hover(callees[(index * 7919) % callees.length]));
    if (!result) throw new Error('hover on a callee returned null');
    calleeSamples.push(ms);
  }
  rows.push([`hover on a callee (${callees.length} callees in ${LINES} lines)`, stats(calleeSamples)]);

  // The floor: hover where nothing is (a blank line), same transport and dispatch.
  const blankLines = text.split('\n').flatMap((line, index) => (line === '' ? [index] : [])).slice(0, -1);
  const floorSamples = [];
  for (let index = 0; index < HOVERS; index++) {
    const { ms, result } = await timed(() => hover({ line: blankLines[index % blankLines.length], character: 0 }));
    if (result !== null) throw new Error('hover on a blank line returned a card');
    floorSamples.push(ms);
  }
  rows.push(['hover on a blank line (floor)', stats(floorSamples)]);

  // Edit then hover: insert or delete one character in a comment line, then hover a callee at once.
  const fillerOffset = text.indexOf('# filler 200.');
  const fillerPosition = positionAt(text, fillerOffset + 2);
  const editSamples = [];
  let version = 1;
  for (let index = 0; index < EDITS; index++) {
    const insert = index % 2 === 0;
    const range = insert ? { start: fillerPosition, end: fillerPosition } : { start: fillerPosition, end: { ...fillerPosition, character: fillerPosition.character + 1 } };
    const target = callees[(index * 131) % callees.length];
    const { ms, result } = await timed(async () => {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
      return hover(target);
    });
    if (!result) throw new Error('hover after an edit returned null');
    editSamples.push(ms);
  }
  rows.push(['one-character edit → hover on a callee (re-parse + re-analysis)', stats(editSamples)]);
  const final = await server.diagnostics(uri, version);
  if (final.params.diagnostics.length !== params.diagnostics.length) throw new Error('diagnostics changed after balanced edits');

  await server.stop();

  const ms = (value) => `${value.toFixed(2)} ms`;
  console.log(`Pool Guide hover benchmark — node ${process.versions.node}, ${process.platform}/${process.arch}, bundled dist/server.js\n`);
  console.log('| measurement | n | p50 | p99 | max |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, s] of rows) console.log(`| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
