// The same hover workload on Pyright's language server (`pyright` from bench/package.json, kept out
// of the main install: `npm ci --prefix bench`), with /usr/bin/python3 as its interpreter so that
// `import httpx` resolves to Debian's python3-httpx when it is installed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, startServer } from './lib/lsp.mjs';
import { hoverWorkload } from './lib/workload.mjs';

export const PYRIGHT = path.join(ROOT, 'bench', 'node_modules', 'pyright', 'langserver.index.js');

/** undefined when Pyright is not installed in bench/. */
export async function benchPyright({ hovers, edits }) {
  if (!existsSync(PYRIGHT)) return undefined;
  const folder = mkdtempSync(path.join(tmpdir(), 'pool-guide-bench-'));
  try {
    const configuration = (section) => (section === 'python' ? { pythonPath: '/usr/bin/python3' } : section === 'python.analysis' ? { diagnosticMode: 'openFilesOnly' } : null);
    const server = await startServer({ script: PYRIGHT, rootUri: pathToFileURL(folder).toString(), configuration });
    const result = await hoverWorkload(server, { uri: pathToFileURL(path.join(folder, 'large.py')).toString(), hovers, edits, strict: false });
    await server.stop();
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
