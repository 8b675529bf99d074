// The workspace index on a generated 2,000-file workspace: the server walks it in the background
// while a document that imports from another module is opened at once. Measures the first
// diagnostics (they must not wait for the index: medians of several server starts with and without
// the workspace), the walk (the server's log line), hovers that read another module's value (the
// first summarises it), and the server's RSS with and without the index.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deadline, startServer, stats } from './lib/lsp.mjs';

const PACKAGES = 40;
const MODULES_PER_PACKAGE = 50;

/** pkg_P/mod_M.py: constants, a class, a construction, and a client that reads the previous module's values. */
function moduleText(pkg, mod) {
  const previous = mod === 0 ? undefined : `mod_${mod - 1}`;
  return [
    '"""Generated module of the workspace-index benchmark."""',
    'import httpx',
    previous ? `from .${previous} import TIMEOUT_${mod - 1}, POOL_${mod - 1}, Settings as Base` : 'Base = object',
    '',
    `POOL_${mod} = ${10 + (mod % 30)}`,
    `TIMEOUT_${mod} = httpx.Timeout(${(mod % 9) + 1}.0, connect=2.0)`,
    '',
    `class Settings(Base):`,
    `    RETRIES = ${mod % 5}`,
    `    NAME = "pkg_${pkg}.mod_${mod}"`,
    '',
    'def make_client():',
    previous
      ? `    return httpx.Client(timeout=TIMEOUT_${mod - 1}, limits=httpx.Limits(max_connections=POOL_${mod - 1}))`
      : `    return httpx.Client(timeout=TIMEOUT_${mod}, limits=httpx.Limits(max_connections=POOL_${mod}))`,
    ...Array.from({ length: 20 }, (_, line) => `# filler ${line}: the shape of an ordinary module, comments and all`),
    '',
  ].join('\n');
}

function generateWorkspace() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pool-guide-bench-workspace-'));
  for (let pkg = 0; pkg < PACKAGES; pkg++) {
    const folder = path.join(root, `pkg_${pkg}`);
    mkdirSync(folder);
    writeFileSync(path.join(folder, '__init__.py'), '');
    for (let mod = 0; mod < MODULES_PER_PACKAGE - 1; mod++) writeFileSync(path.join(folder, `mod_${mod}.py`), moduleText(pkg, mod));
  }
  return root;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function openAndMeasure(server, file, text) {
  const uri = pathToFileURL(file).toString();
  const published = server.diagnostics(uri, 1);
  const start = performance.now();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  const { at } = await published;
  return { uri, didOpenMs: at - start };
}

export async function benchWorkspace({ hovers, starts = 5 }) {
  const root = generateWorkspace();
  try {
    const files = PACKAGES * MODULES_PER_PACKAGE;
    const target = path.join(root, 'pkg_7', 'mod_30.py');
    const text = moduleText(7, 30);
    const hoverAt = { line: text.split('\n').findIndex((line) => line.includes('httpx.Client(')), character: 16 };

    // Without workspace folders (the floor for the first diagnostics and for memory), then with the
    // workspace: alternately, `starts` times each, medians compared (one opening is too noisy a sample).
    const bareMs = [];
    const indexedMs = [];
    const indexMs = [];
    let bareMb = 0;
    let server;
    let first;
    let index;
    for (let run = 0; run < starts; run++) {
      if (server) await server.stop(); // Only the last indexed server stays, for the hovers.
      const bare = await startServer();
      bareMs.push((await openAndMeasure(bare, target, text)).didOpenMs);
      bareMb = bare.rssMb();
      await bare.stop();
      server = await startServer({ rootUri: pathToFileURL(root).toString() });
      const built = new Promise((resolve) =>
        server.connection.onNotification('window/logMessage', (params) => {
          const match = /workspace index: (\d+) modules in (\d+) ms/.exec(params.message);
          if (match) resolve({ modules: Number(match[1]), ms: Number(match[2]) });
        }),
      );
      first = await openAndMeasure(server, target, text);
      indexedMs.push(first.didOpenMs);
      index = await deadline(built, 'workspace index', 120_000);
      indexMs.push(index.ms);
    }
    const samples = [];
    let firstHoverMs;
    let card = '';
    for (let round = 0; round < hovers; round++) {
      const start = performance.now();
      const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: first.uri }, position: hoverAt });
      const ms = performance.now() - start;
      if (round === 0) {
        firstHoverMs = ms;
        card = hover?.contents?.value ?? '';
      } else samples.push(ms);
    }
    const indexedMb = server.rssMb();
    await server.stop();
    if (!/\| `connect` \| 2\.0 s \| explicit, via `TIMEOUT_29`/.test(card)) throw new Error(`the hover did not read the other module's value:\n${card}`);
    return { files, starts, index: { modules: index.modules, ms: median(indexMs) }, firstDiagnosticsMs: median(indexedMs), bareDiagnosticsMs: median(bareMs), firstHoverMs, hover: stats(samples), indexedMb, bareMb };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
