// Bundles the client, the server and the CLI (with a hashbang) into dist/ (CommonJS, Node 20), the web
// client and the Web Worker server into dist/web/ (browser, no Node modules), and copies the two
// wasm files next to them. web-tree-sitter is resolved to its CommonJS build, so no `import.meta`
// ends up in a CommonJS bundle; any esbuild warning fails the build.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const webTreeSitterAsCommonJs = {
  name: 'web-tree-sitter-cjs',
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: require.resolve('web-tree-sitter') }));
  },
};

const copyWasm = {
  name: 'copy-wasm',
  setup(build) {
    build.onEnd(() => {
      mkdirSync('dist', { recursive: true });
      for (const file of [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), require.resolve('tree-sitter-python/tree-sitter-python.wasm')]) {
        copyFileSync(file, path.join('dist', path.basename(file)));
      }
    });
  },
};

const failOnWarnings = {
  name: 'fail-on-warnings',
  setup(build) {
    build.onEnd((result) => {
      if (result.warnings.length > 0 && !watch) {
        console.error(`esbuild: ${result.warnings.length} warning(s); treated as errors`);
        process.exitCode = 1;
      }
    });
  },
};

const node = {
  bundle: true,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  plugins: [webTreeSitterAsCommonJs, copyWasm, failOnWarnings],
};

// The web extension (vscode.dev, github.dev): the client in the browser extension host, the server in
// a Web Worker; the same wasm files. No Node module may remain: `path` is path-browserify.
const web = {
  ...node,
  outdir: 'dist/web',
  platform: 'browser',
  target: 'es2022',
  alias: { path: 'path-browserify' },
};

const builds = [
  { ...node, entryPoints: { extension: 'client/src/extension.ts', server: 'server/src/main.ts' } },
  // The npm package's `bin`: a hashbang so that npm's link runs it with node.
  { ...node, entryPoints: { cli: 'server/src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { ...web, entryPoints: { extension: 'client/src/webExtension.ts' }, format: 'cjs' },
  { ...web, entryPoints: { server: 'server/src/web/worker.ts' }, format: 'iife' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
