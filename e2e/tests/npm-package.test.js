// The npm package as a user gets it: `npm pack` (which runs the `prepare` build) holds only what the
// CLI and the server need and declares no runtime dependency; installed from that tarball into an
// empty prefix with npm offline, its `pool-guide` bin checks a tree with the documented exit codes
// (0 clean, 1 findings, 2 bad path), prints what the repository's own build prints, and explains a
// rule with its whole page; `npx` runs the same tarball.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const paths = require('../lib/paths');
const { copyExamples, tempDir } = require('../lib/workspace');

const npm = (args, options = {}) => execFileSync('npm', args, { encoding: 'utf8', ...options });
// A private npm cache: nothing of the test in ~/.npm, and `--offline` proves nothing is fetched.
const npmEnv = () => ({ ...process.env, npm_config_cache: tempDir('npm-cache'), npm_config_update_notifier: 'false' });

let packed;
/** Packs the repository once: { tarball, files } (files as npm lists them). */
function pack() {
  if (!packed) {
    const out = tempDir('npm-pack');
    const [report] = JSON.parse(npm(['pack', '--json', '--pack-destination', out], { cwd: paths.repo, env: npmEnv(), stdio: ['ignore', 'pipe', 'inherit'] }));
    packed = { tarball: path.join(out, report.filename), files: report.files.map((f) => f.path).sort(), size: report.size };
  }
  return packed;
}

/** Installs the tarball into a fresh empty prefix, offline; returns the path of its `pool-guide` bin. */
function installFromTarball() {
  const prefix = tempDir('npm-prefix');
  npm(['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--no-save', pack().tarball], { cwd: prefix, env: npmEnv() });
  const bin = path.join(prefix, 'node_modules', '.bin', 'pool-guide');
  assert.ok(fs.existsSync(bin), `${bin} was linked`);
  assert.deepEqual(fs.readdirSync(path.join(prefix, 'node_modules')).filter((name) => !name.startsWith('.')), ['pool-guide'], 'nothing but the package itself was installed');
  return bin;
}

const run = (command, args, cwd) => spawnSync(command, args, { cwd, encoding: 'utf8' });

test('npm pack holds the CLI, the server, the parser and the rule pages, and no dependencies', () => {
  const { files, size } = pack();
  console.log(`npm package: ${size} bytes packed, ${files.length} files`);
  const rulePages = fs.readdirSync(path.join(paths.repo, 'docs', 'rules')).filter((name) => name.endsWith('.md')).map((name) => `docs/rules/${name}`);
  const expected = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/cli.js', 'dist/server.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-python.wasm', ...rulePages];
  assert.deepEqual(files, expected.sort());
  const pkg = JSON.parse(fs.readFileSync(path.join(paths.repo, 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), [], 'the bundles need no runtime dependency');
  assert.deepEqual(pkg.bin, { 'pool-guide': './dist/cli.js' });
});

test('the installed tarball checks a tree with the documented exit codes and explains a rule', () => {
  const bin = installFromTarball();
  const ws = copyExamples();
  const clean = tempDir('clean');
  fs.writeFileSync(path.join(clean, 'client.py'), 'import httpx\n\nclient = httpx.Client(timeout=httpx.Timeout(5.0))\n');

  const findings = run(bin, ['check', '.'], ws);
  assert.equal(findings.status, 1, findings.stderr);
  assert.match(findings.stdout, /^app\/\S+\.py:\d+:\d+: PG\d{3} /m);
  const fromRepo = run(process.execPath, [path.join(paths.repo, 'dist', 'cli.js'), 'check', '.'], ws);
  assert.equal(findings.stdout, fromRepo.stdout, 'the installed package reports what the repository build reports');

  const none = run(bin, ['check', '.'], clean);
  assert.equal(none.status, 0, none.stdout + none.stderr);
  assert.equal(none.stdout, run(process.execPath, [path.join(paths.repo, 'dist', 'cli.js'), 'check', '.'], clean).stdout);
  assert.doesNotMatch(none.stdout, /PG\d{3}/);

  const missing = run(bin, ['check', 'no-such-folder'], clean);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-folder/);

  const explain = run(bin, ['explain', 'PG301'], clean);
  assert.equal(explain.status, 0, explain.stderr);
  assert.equal(explain.stdout, fs.readFileSync(path.join(paths.repo, 'docs', 'rules', 'PG301.md'), 'utf8'));
});

test('npx runs the packed tarball (the README\'s `npx pool-guide check .`)', () => {
  const ws = copyExamples();
  const result = spawnSync('npx', ['--yes', '--offline', '--package', pack().tarball, '--', 'pool-guide', 'check', '--format', 'json', '.'], { cwd: ws, encoding: 'utf8', env: npmEnv() });
  assert.equal(result.status, 1, result.stderr);
  const fromRepo = run(process.execPath, [path.join(paths.repo, 'dist', 'cli.js'), 'check', '--format', 'json', '.'], ws);
  assert.equal(result.stdout, fromRepo.stdout);
});
