// The packaged pool-guide.vsix holds exactly what .vscodeignore allows (the desktop and web bundles, both .wasm
// files, package.json, README, LICENSE, CHANGELOG, syntaxes/, the rule pages, the icon), stays
// under 2 MiB, carries the Marketplace metadata, and its CLI explains a rule with the whole page.
// The other e2e tests install this same file.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const paths = require('../lib/paths');
const { tempDir } = require('../lib/workspace');
const { extract, readZip } = require('../lib/zip');

const MAX_BYTES = 2 * 1024 * 1024;
// vsce adds these two, and renames the three documents below.
const VSCE_FILES = ['extension.vsixmanifest', '[Content_Types].xml'];
const VSCE_RENAMES = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };
const REQUIRED = ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/web/extension.js', 'dist/web/server.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-python.wasm',
  'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'images/icon.png'];

/** Repo files (relative, '/'-separated) outside node_modules and .git. */
function repoFiles(dir = paths.repo, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === '.git') return [];
    const rel = prefix + entry.name;
    return entry.isDirectory() ? repoFiles(path.join(dir, entry.name), `${rel}/`) : [rel];
  });
}

/** The files the allow-list `.vscodeignore` ("**" then "!pattern" lines) lets into the package. */
function allowedFiles() {
  const patterns = fs.readFileSync(path.join(paths.repo, '.vscodeignore'), 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l.startsWith('!')).map((l) => l.slice(1));
  const regexes = patterns.map((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`));
  return { patterns, files: repoFiles().filter((f) => regexes.some((r) => r.test(f))) };
}

const inVsix = (file) => `extension/${VSCE_RENAMES[file] ?? file}`;

test('the .vsix holds exactly the allow-list and is under 2 MiB', () => {
  const size = fs.statSync(paths.vsix).size;
  console.log(`pool-guide.vsix: ${size} bytes (${(size / 1024).toFixed(1)} KiB)`);
  assert.ok(size < MAX_BYTES, `${size} bytes`);

  const { patterns, files } = allowedFiles();
  assert.deepEqual(patterns.filter((p) => !p.includes('*') && !REQUIRED.includes(p)), [], 'every literal allow-list entry is a required file');
  for (const file of REQUIRED) assert.ok(files.includes(file), `${file} exists and is allowed`);

  const entries = readZip(paths.vsix).map((e) => e.name).sort();
  const expected = [...VSCE_FILES, ...files.map(inVsix)].sort();
  assert.deepEqual(entries, expected);
});

test('the packaged manifest is ready for the Marketplace', () => {
  const zip = readZip(paths.vsix);
  const read = (name) => zip.find((e) => e.name === name).read();
  const pkg = JSON.parse(read('extension/package.json').toString('utf8'));
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.browser, './dist/web/extension.js');
  for (const field of ['publisher', 'displayName', 'description', 'license', 'icon']) assert.ok(pkg[field], field);
  assert.match(pkg.repository.url, /^https:\/\//);
  assert.ok(pkg.categories.length > 0 && pkg.keywords.length > 0);
  const icon = read(`extension/${pkg.icon}`);
  assert.equal(icon.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'icon is 128×128');
});

test('the packaged CLI explains a rule with its whole page', () => {
  const unpacked = tempDir('vsix-cli');
  extract(paths.vsix, 'extension/', unpacked);
  const run = spawnSync(process.execPath, [path.join(unpacked, 'dist', 'cli.js'), 'explain', 'PG301'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, fs.readFileSync(path.join(paths.repo, 'docs', 'rules', 'PG301.md'), 'utf8'));
});
