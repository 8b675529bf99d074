// The catalogued module names, read from the catalog source itself (bundled on the fly with the
// project's esbuild), so that the benchmark's ripgrep pattern is exactly what the prefilter tests.
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './lsp.mjs';

const require = createRequire(import.meta.url);

export async function catalogModules() {
  const esbuild = require('esbuild');
  const built = await esbuild.build({ entryPoints: [path.join(ROOT, 'server', 'src', 'catalog', 'index.ts')], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent' });
  const catalog = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
  return [...new Set(catalog.LIBRARIES.flatMap((library) => library.modules))];
}
