// What any Node tool pays on a tree before its analysis can start, run as its own process so that
// the benchmark times it like the CLI. `read`: starting Node, walking the folders and reading every
// .py file into one reused buffer (as the CLI does). `parse`: that, plus the CLI's own import test
// (`mayImportCatalogModule`, bundled from the source by the benchmark) and parsing, with tree-sitter's
// Python grammar, the files that pass it: the files the CLI parses. No analysis, no output: a floor,
// not a competitor.
// Usage: node floor.mjs read|parse <bundled prefilter.mjs> <tree>...
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const [mode, prefilterBundle, ...trees] = process.argv.slice(2);
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

function* pythonFiles(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = `${directory}/${entry.name}`;
    if (entry.isDirectory()) yield* pythonFiles(full);
    else if (entry.name.endsWith('.py')) yield full;
  }
}

let buffer = Buffer.allocUnsafeSlow(1 << 20);
function readBytes(file) {
  const descriptor = openSync(file, 'r');
  try {
    for (let length = 0; ; ) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafeSlow(buffer.length)]);
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.subarray(0, length);
      length += read;
    }
  } finally {
    closeSync(descriptor);
  }
}

const prefilter = mode === 'parse' ? await import(prefilterBundle) : undefined;
const importing = [];
for (const tree of trees) {
  for (const file of pythonFiles(tree)) {
    const bytes = readBytes(file);
    if (prefilter && prefilter.mayImportCatalogModule(prefilter.defaultCatalog, bytes)) importing.push(bytes.toString('utf8'));
  }
}
if (prefilter) {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init({ locateFile: () => path.join(DIST, 'web-tree-sitter.wasm') });
  const parser = new Parser();
  parser.setLanguage(await Language.load(path.join(DIST, 'tree-sitter-python.wasm')));
  for (const text of importing) parser.parse(text)?.delete();
  process.stdout.write(`${importing.length}\n`);
}
