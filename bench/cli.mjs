// `pool-guide check` over a large real tree (Debian's Python standard library and dist-packages)
// against ripgrep finding the candidate files (`rg -l` for the catalogued module names: reading
// every byte once, on all cores). Same files for both: every .py file, ignore files not honoured.
// Each tool runs `runs` times; the median wall time counts. Also the CLI's peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI } from './lib/lsp.mjs';
import { catalogModules } from './lib/catalog.mjs';

export const TREES = ['/usr/lib/python3.11', '/usr/lib/python3/dist-packages'];
const RG = '/usr/bin/rg';
const PEAK_RSS = new URL('./lib/peakRss.cjs', import.meta.url).pathname;

function run(command, args, env = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
  const ms = performance.now() - started;
  if (result.status !== 0 && !(command === RG && result.status === 1)) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** undefined when ripgrep or the trees are missing. */
export async function benchCli({ runs }) {
  const trees = TREES.filter((tree) => statSync(tree, { throwIfNoEntry: false })?.isDirectory());
  if (trees.length === 0 || !statSync(RG, { throwIfNoEntry: false })) return undefined;
  const files = run(RG, ['--files', '--no-ignore', '-g', '*.py', ...trees]).stdout.split('\n').filter(Boolean);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const modules = await catalogModules();
  const rgArgs = ['-l', '--no-ignore', '-g', '*.py', '-F', ...modules.flatMap((module) => ['-e', module]), ...trees];
  const rssFolder = mkdtempSync(path.join(tmpdir(), 'pool-guide-rss-'));
  const rssFile = path.join(rssFolder, 'peak');
  try {
    const cliTimes = [];
    const rgTimes = [];
    let candidates = 0;
    let peakKb = 0;
    for (let index = 0; index < runs; index++) {
      rgTimes.push(run(RG, rgArgs).ms);
      if (index === 0) candidates = run(RG, rgArgs).stdout.split('\n').filter(Boolean).length;
      cliTimes.push(run(process.execPath, ['--require', PEAK_RSS, CLI, 'check', ...trees, '--exit-zero', '--format', 'json'], { POOL_GUIDE_PEAK_RSS_FILE: rssFile }).ms);
      peakKb = Math.max(peakKb, Number(readFileSync(rssFile, 'utf8')));
    }
    const cliMs = median(cliTimes);
    const rgMs = median(rgTimes);
    return { trees, files: files.length, mb: bytes / 1e6, candidates, modules, cliMs, rgMs, peakMb: peakKb / 1024 };
  } finally {
    rmSync(rssFolder, { recursive: true, force: true });
  }
}
