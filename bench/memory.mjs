// Server memory with many documents open: RSS after initialize, then after opening the first
// 1,000 .py files (sorted) of Debian's standard library and dist-packages, and receiving
// diagnostics for each.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lib/lsp.mjs';

import { TREES } from './cli.mjs';

function pythonFiles(folder, limit, found = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (found.length >= limit) break;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== '__pycache__') pythonFiles(full, limit, found);
    else if (entry.isFile() && entry.name.endsWith('.py')) found.push(full);
  }
  return found;
}

export async function benchMemory({ documents }) {
  const files = TREES.flatMap((tree) => pythonFiles(tree, documents)).slice(0, documents);
  if (files.length < documents) return undefined;
  const server = await startServer();
  const idleMb = server.rssMb();
  const opened = files.map(async (file) => {
    const uri = pathToFileURL(file).toString();
    const published = server.diagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: readFileSync(file, 'utf8') } });
    return published;
  });
  await Promise.all(opened);
  const openMb = server.rssMb();
  // Then idle, as an editor is between keystrokes: V8's memory reducer collects and gives pages back
  // after a few quiet seconds. Sample every 250 ms for 10 s and keep the settled (lowest) value.
  let settledMb = openMb;
  for (let sample = 0; sample < 40; sample++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    settledMb = Math.min(settledMb, server.rssMb());
  }
  await server.stop();
  return { documents: files.length, idleMb, openMb, settledMb };
}
