// The catalogued module names, read from the catalog source itself (bundled on the fly with the
// project's esbuild), so that the benchmark's ripgrep pattern is exactly what the prefilter tests;
// and the prefilter itself, bundled the same way, for the floors of lib/floor.mjs.
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

/** Writes, as one ES module at `file`, the CLI's import test on a file's bytes and the default catalog, bundled from the source (for lib/floor.mjs). */
export async function writePrefilterBundle(file) {
  const esbuild = require('esbuild');
  const contents = "export { mayImportCatalogModule } from './server/src/cli/sourceFile'; export { defaultCatalog } from './server/src/catalog';";
  await esbuild.build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'silent' });
}
