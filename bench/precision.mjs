// Precision harness: runs `pool-guide check --format json` over the .py trees of the public
// repositories listed in bench/precision-repos.json, prints findings per rule and per repository,
// and writes a sample of N findings per rule, each with its source line and an empty label, for a
// person to judge. The trees are not fetched here: obtain each repository's snapshot (a clone, or a
// bare git directory brought by a fetch tool) and extract its .py files into <corpus>/<owner>+<name>/,
// outside any git repository (the CLI honours .gitignore), e.g.
//   git --git-dir=<bare> archive HEAD | tar -x -C <corpus>/<owner>+<name> --wildcards '*.py'
// With --config <file.toml> (a `[tool.pool-guide]` table, e.g. the README's per-file-ignores for test
// folders), each tree is copied to a temporary folder and the table is added to its pyproject.toml
// files (a root one is created), as a user would configure each project; the corpus is not changed.
// Usage: node bench/precision.mjs --corpus <folder> [--sample 10] [--out precision-sample.json] [--rule PG501] [--config table.toml]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { corpus: { type: 'string' }, sample: { type: 'string', default: '10' }, out: { type: 'string', default: 'precision-sample.json' }, rule: { type: 'string' }, config: { type: 'string' } } });
if (!values.corpus) {
  console.error('usage: node bench/precision.mjs --corpus <folder of owner+name trees> [--sample N] [--out file] [--rule PGxxx] [--config table.toml]');
  process.exit(2);
}
const { repositories } = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'precision-repos.json'), 'utf8'));
const cli = path.join(root, 'dist', 'cli.js');
const table = values.config === undefined ? undefined : fs.readFileSync(values.config, 'utf8');
const scratch = table === undefined ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-precision-'));
process.on('exit', () => scratch && fs.rmSync(scratch, { recursive: true, force: true }));

const findings = [];
const perRepository = [];
for (const repository of repositories) {
  const folder = path.join(values.corpus, repository.replace('/', '+'));
  if (!fs.existsSync(folder)) {
    perRepository.push({ repository, missing: true });
    continue;
  }
  const checked = table === undefined ? folder : configuredCopy(folder, path.join(scratch, path.basename(folder)));
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '.'], { cwd: checked, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status === 2) throw new Error(`${repository}: ${run.stderr}`);
  const found = JSON.parse(run.stdout || '[]').filter((finding) => !values.rule || finding.code === values.rule);
  for (const finding of found) findings.push({ repository, ...finding, source: sourceLine(folder, finding) });
  perRepository.push({ repository, findings: found.length });
}

const byRule = new Map();
for (const finding of findings) byRule.set(finding.code, [...(byRule.get(finding.code) ?? []), finding]);
console.log('findings per rule');
for (const [code, list] of [...byRule].sort()) {
  const counts = new Map();
  for (const finding of list) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  const severities = [...counts].map(([severity, count]) => `${severity} ${count}`);
  console.log(`  ${code}  ${String(list.length).padStart(5)}  (${severities.join(', ')})`);
}
console.log('findings per repository');
for (const entry of perRepository) console.log(`  ${entry.repository.padEnd(42)} ${entry.missing ? 'missing' : entry.findings}`);

// An even spread over each rule's findings (every k-th, in path order): deterministic, across repositories.
const size = Number(values.sample);
const sample = [...byRule].sort().flatMap(([, list]) => {
  const step = Math.max(1, list.length / size);
  return Array.from({ length: Math.min(size, list.length) }, (_, index) => list[Math.floor(index * step)]);
});
fs.writeFileSync(values.out, JSON.stringify(sample.map((finding) => ({ label: '', ...finding })), null, 2) + '\n');
console.log(`${sample.length} findings to label written to ${values.out}`);

function sourceLine(folder, finding) {
  try {
    return fs.readFileSync(path.join(folder, finding.path), 'utf8').split('\n')[finding.line - 1]?.trim();
  } catch {
    return undefined;
  }
}

/** A copy of the tree whose pyproject.toml files (a root one at least) end with the table, unless they have one already. */
function configuredCopy(folder, copy) {
  fs.cpSync(folder, copy, { recursive: true });
  const pyprojects = fs.readdirSync(copy, { recursive: true }).filter((file) => path.basename(file) === 'pyproject.toml').map((file) => path.join(copy, file));
  if (!pyprojects.includes(path.join(copy, 'pyproject.toml'))) pyprojects.push(path.join(copy, 'pyproject.toml'));
  for (const file of pyprojects) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (!text.includes('[tool.pool-guide')) fs.writeFileSync(file, `${text}\n${table}`);
  }
  return copy;
}
