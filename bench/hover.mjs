// Pool Guide's editor latencies against the BUNDLED server (`node dist/server.js --stdio`):
// server start → initialize result, and the hover workload of lib/workload.mjs (didOpen →
// diagnostics, hovers on callees, the blank-line floor, one-character edit → hover).
import { startServer, stats } from './lib/lsp.mjs';
import { hoverWorkload } from './lib/workload.mjs';

export async function benchHover({ hovers, edits, starts }) {
  const startSamples = [];
  for (let run = 0; run < starts; run++) {
    const server = await startServer();
    startSamples.push(server.initializeMs);
    await server.stop();
  }
  const server = await startServer();
  const result = await hoverWorkload(server, { uri: 'file:///bench/large.py', hovers, edits, strict: true });
  await server.stop();
  return { start: stats(startSamples), ...result };
}
