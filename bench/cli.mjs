// `pool-guide check` over a large real tree (Debian's Python standard library and dist-packages), and
// over a generated docstring-heavy API client, against ripgrep finding the candidate files (`rg -l` for the catalogued module names: reading
// every byte once, on all cores). Same files for both: every .py file, ignore files not honoured.
// Each tool runs `runs` times; the median wall time counts. Also the CLI's peak RSS, and the floor
// of any Node program, `node -e 0`. NODE_EXTRA_CA_CERTS is left out of the CLI's environment (and
// of that floor's): Node loads those certificates at every start (about 50 ms where this machine
// sets it), and the CLI opens no connection; `withCaCertsMs` is the CLI with it, when it is set.
// The CLI runs cold (`--no-cache`, every file read and checked) and warm (`warmMs`: the second run
// over a fresh temporary result cache that a first run filled, every file unchanged). Beside them,
// two floors of any Node tool on the same tree (lib/floor.mjs): walking and reading every file
// (`readFloorMs`), and that plus the CLI's import test and parsing the files that pass it
// (`parseFloorMs`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI } from './lib/lsp.mjs';
import { catalogModules, writePrefilterBundle } from './lib/catalog.mjs';
import { writeDocstringTree } from './lib/docstringTree.mjs';

export const TREES = ['/usr/lib/python3.11', '/usr/lib/python3/dist-packages'];
const RG = '/usr/bin/rg';
const PEAK_RSS = new URL('./lib/peakRss.cjs', import.meta.url).pathname;
const FLOOR = new URL('./lib/floor.mjs', import.meta.url).pathname;

const { NODE_EXTRA_CA_CERTS, ...ENVIRONMENT } = process.env;

function run(command, args, env = {}, base = ENVIRONMENT) {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...base, ...env } });
  const ms = performance.now() - started;
  if (result.status !== 0 && !(command === RG && result.status === 1)) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** undefined when ripgrep or the trees are missing. */
export async function benchCli({ runs }) {
  const trees = TREES.filter((tree) => statSync(tree, { throwIfNoEntry: false })?.isDirectory());
  if (trees.length === 0 || !statSync(RG, { throwIfNoEntry: false })) return undefined;
  return benchTrees(trees, { runs });
}

/**
 * The same comparison on a generated API client whose docstrings name `urllib3` and `requests` in
 * every module while five modules import them (lib/docstringTree.mjs), written to a temporary
 * folder. undefined when ripgrep is missing.
 */
export async function benchDocstringTree({ runs }) {
  if (!statSync(RG, { throwIfNoEntry: false })) return undefined;
  const root = mkdtempSync(path.join(tmpdir(), 'pool-guide-docstrings-'));
  try {
    writeDocstringTree(root);
    return await benchTrees([root], { runs, writtenAt: Date.now() });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Files changed within 2 s of a run are read again by the next one however their stamps look (the cache's racy window). */
const RACY_WINDOW_MS = 2_100;

async function benchTrees(trees, { runs, writtenAt = 0 }) {
  const files = run(RG, ['--files', '--no-ignore', '-g', '*.py', ...trees]).stdout.split('\n').filter(Boolean);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const modules = await catalogModules();
  const rgArgs = ['-l', '--no-ignore', '-g', '*.py', '-F', ...modules.flatMap((module) => ['-e', module]), ...trees];
  const rssFolder = mkdtempSync(path.join(tmpdir(), 'pool-guide-rss-'));
  const rssFile = path.join(rssFolder, 'peak');
  const prefilter = path.join(rssFolder, 'prefilter.mjs');
  await writePrefilterBundle(prefilter);
  try {
    const cliArgs = [CLI, 'check', ...trees, '--exit-zero', '--format', 'json', '--no-cache'];
    const cliTimes = [];
    const withCaCertsTimes = [];
    const nodeTimes = [];
    const rgTimes = [];
    const readFloorTimes = [];
    const parseFloorTimes = [];
    let parsed = 0;
    let candidates = 0;
    let peakKb = 0;
    for (let index = 0; index < runs; index++) {
      rgTimes.push(run(RG, rgArgs).ms);
      if (index === 0) candidates = run(RG, rgArgs).stdout.split('\n').filter(Boolean).length;
      cliTimes.push(run(process.execPath, cliArgs).ms);
      if (NODE_EXTRA_CA_CERTS !== undefined) withCaCertsTimes.push(run(process.execPath, cliArgs, {}, process.env).ms);
      nodeTimes.push(run(process.execPath, ['-e', '0']).ms);
      readFloorTimes.push(run(process.execPath, [FLOOR, 'read', prefilter, ...trees]).ms);
      const parseFloor = run(process.execPath, [FLOOR, 'parse', prefilter, ...trees]);
      parseFloorTimes.push(parseFloor.ms);
      parsed = Number(parseFloor.stdout);
      run(process.execPath, ['--require', PEAK_RSS, ...cliArgs], { POOL_GUIDE_PEAK_RSS_FILE: rssFile });
      peakKb = Math.max(peakKb, Number(readFileSync(rssFile, 'utf8')));
    }
    const warmMs = warmRuns([CLI, 'check', ...trees, '--exit-zero', '--format', 'json'], runs, writtenAt);
    const withCaCertsMs = withCaCertsTimes.length > 0 ? median(withCaCertsTimes) : undefined;
    return { trees, files: files.length, mb: bytes / 1e6, candidates, modules, cliMs: median(cliTimes), warmMs, withCaCertsMs, nodeMs: median(nodeTimes), readFloorMs: median(readFloorTimes), parseFloorMs: median(parseFloorTimes), parsed, rgMs: median(rgTimes), peakMb: peakKb / 1024 };
  } finally {
    rmSync(rssFolder, { recursive: true, force: true });
  }
}

/** The median time of a run over a result cache that the run before it filled (a fresh cache folder each time). */
function warmRuns(cliArgs, runs, writtenAt) {
  const times = [];
  const wait = writtenAt + RACY_WINDOW_MS - Date.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  for (let index = 0; index < runs; index++) {
    const cache = mkdtempSync(path.join(tmpdir(), 'pool-guide-bench-cache-'));
    try {
      run(process.execPath, [...cliArgs, '--cache-dir', cache]);
      times.push(run(process.execPath, [...cliArgs, '--cache-dir', cache]).ms);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }
  return median(times);
}
