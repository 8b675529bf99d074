/**
 * The layering rules of house style §2.2, read from the sources: the core and the catalog import
 * no editor, protocol, file-system or process modules; only the parser imports web-tree-sitter;
 * only lsp/ and the entry points import vscode-languageserver; the web worker's modules import no
 * Node module; every source file opens with a `/**` module
 * comment; no source file is over 400 lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles, repoRoot } from '../helpers/repo';

const SOURCES = [...listFiles('server/src', ['.ts']), ...listFiles('client/src', ['.ts'])];
const MAX_LINES = 400;

/** The module specifiers of every import, export-from, require and dynamic import in a TypeScript text. */
function importedModules(text: string): string[] {
  const patterns = [/\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g, /\bexport\s+(?:type\s+)?[\w*{}\s,]+?\s+from\s+['"]([^'"]+)['"]/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]));
}

const read = (file: string) => fs.readFileSync(path.join(repoRoot(), file), 'utf8');
const importsOf = (file: string) => importedModules(read(file));

test('importedModules reads every import form (the checks below can fail)', () => {
  const text = "import * as fs from 'fs';\nimport type { A } from \"vscode\";\nimport 'path';\nexport { b } from './b';\nconst c = require('child_process');\nconst d = import('node:fs');\nimport {\n  e,\n  f,\n} from 'vscode-languageserver/node';\n";
  assert.deepEqual(importedModules(text).sort(), ['./b', 'child_process', 'fs', 'node:fs', 'path', 'vscode', 'vscode-languageserver/node'].sort());
});

test('the sources are found', () => {
  assert.ok(SOURCES.includes('server/src/core/syntax/parser.ts') && SOURCES.includes('client/src/extension.ts'), SOURCES.join(', '));
});

test('core and catalog import no editor, protocol, file-system or process modules', () => {
  const forbidden = (module: string) =>
    /^vscode-languageserver/.test(module) || ['vscode', 'fs', 'path', 'node:fs', 'node:path', 'child_process', 'node:child_process', 'fs/promises', 'node:fs/promises'].includes(module);
  const offending = SOURCES.filter((file) => /^server\/src\/(core|catalog)\//.test(file)).flatMap((file) => importsOf(file).filter(forbidden).map((module) => `${file} imports ${module}`));
  assert.deepEqual(offending, []);
});

test('only core/syntax/parser.ts imports web-tree-sitter', () => {
  const importers = SOURCES.filter((file) => importsOf(file).some((module) => module === 'web-tree-sitter' || module.startsWith('web-tree-sitter/')));
  assert.deepEqual(importers, ['server/src/core/syntax/parser.ts']);
});

test('only lsp/ and the two entry points (main.ts, web/worker.ts) import vscode-languageserver', () => {
  const importers = SOURCES.filter((file) => importsOf(file).some((module) => module.startsWith('vscode-languageserver')));
  assert.ok(importers.length > 0);
  assert.deepEqual(importers.filter((file) => !file.startsWith('server/src/lsp/') && file !== 'server/src/main.ts' && file !== 'server/src/web/worker.ts'), []);
});

test('the web worker server and the modules it shares import no Node module (the browser bundle has none)', () => {
  const nodeOnly = (module: string) => module.startsWith('node:') || ['fs', 'fs/promises', 'child_process', 'url', 'os', 'v8', 'worker_threads'].includes(module) || module.endsWith('/node');
  const shared = SOURCES.filter((file) => /^server\/src\/(web|lsp|project)\//.test(file) && !file.endsWith('nodeProjectFiles.ts'));
  assert.ok(shared.includes('server/src/web/worker.ts'));
  assert.deepEqual(shared.flatMap((file) => importsOf(file).filter(nodeOnly).map((module) => `${file} imports ${module}`)), []);
});

test('every source file starts with a /** module comment', () => {
  assert.deepEqual(SOURCES.filter((file) => !read(file).startsWith('/**')), []);
});

test(`no source file is over ${MAX_LINES} lines`, () => {
  const long = SOURCES.map((file) => ({ file, lines: read(file).split('\n').length - (read(file).endsWith('\n') ? 1 : 0) })).filter(({ lines }) => lines > MAX_LINES);
  assert.deepEqual(long, []);
});
