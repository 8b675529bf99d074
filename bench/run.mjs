// `npm run bench`: every figure of issue 7 in one run, printed as Markdown tables with the targets.
// Pool Guide's editor latencies (hover.mjs), the same hover workload on Pyright (pyright.mjs,
// when `npm ci --prefix bench` installed it), `pool-guide check` against ripgrep over a large real
// tree (cli.mjs), the server's memory with 1,000 documents open (memory.mjs) and the workspace index
// of a generated 2,000-file workspace (workspace.mjs).
// Exit code 1 when a target is missed (✗); measurements that could not run are named on stderr.
// Usage: npm run bench [-- --hovers 500 --edits 100 --starts 5 --runs 3 --documents 1000 --only hover,cli,workspace]
import { existsSync } from 'node:fs';
import os from 'node:os';
import { benchCli, benchDocstringTree } from './cli.mjs';
import { benchHover } from './hover.mjs';
import { CLI, SERVER } from './lib/lsp.mjs';
import { CLIENTS, LINES } from './lib/workload.mjs';
import { benchMemory } from './memory.mjs';
import { benchPyright } from './pyright.mjs';
import { benchWorkspace } from './workspace.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const HOVERS = Number(option('hovers', 500));
const EDITS = Number(option('edits', 100));
const only = option('only', 'hover,pyright,cli,memory,workspace').split(',');

const ms = (value) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`);
const verdict = (value, limit) => (value <= limit ? `≤ ${limit} ✓` : `≤ ${limit} ✗`);
/** The floors of any Node tool on a tree (see cli.mjs), as rows beside the CLI's. */
const floorRows = (result) => [
  `| floor: Node walking the tree and reading every .py file (no test, no parse) | ${ms(result.readFloorMs)}: ${(result.readFloorMs / result.rgMs).toFixed(1)}× ripgrep | |`,
  `| floor: that, the CLI's import test and tree-sitter parsing the ${result.parsed} files that pass it (no analysis) | ${ms(result.parseFloorMs)}: ${(result.parseFloorMs / result.rgMs).toFixed(1)}× ripgrep | |`,
];

async function main() {
  for (const file of [SERVER, CLI]) if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  const latency = [];
  const other = [];
  const lat = (name, s, target = '') => latency.push(`| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | ${target} |`);

  let ours;
  if (only.includes('hover')) {
    ours = await benchHover({ hovers: HOVERS, edits: EDITS, starts: Number(option('starts', 5)) });
    lat('server start → initialize result', ours.start);
    lat(`didOpen → publishDiagnostics (${ours.diagnosticsCount} diagnostics; incl. 120 ms debounce)`, { n: 1, p50: ours.didOpenMs, p99: ours.didOpenMs, max: ours.didOpenMs });
    lat(`hover on a callee (${CLIENTS} callees in ${LINES} lines)`, ours.callee, `p99 ${verdict(ours.callee.p99, 5)}`);
    lat('hover on a blank line (floor)', ours.floor);
    lat('one-character edit in a comment → hover on a callee', ours.edit, `p99 ${verdict(ours.edit.p99, 30)}`);
    lat('one-character edit in code (tokens change: a reparse) → hover on a callee', ours.codeEdit, `p99 ${verdict(ours.codeEdit.p99, 30)}`);
    lat('one-character edit in a broken file (an unclosed call) → hover on a callee', ours.brokenEdit, `p99 ${verdict(ours.brokenEdit.p99, 30)}`);
  }
  if (only.includes('pyright')) {
    const pyright = await benchPyright({ hovers: HOVERS, edits: EDITS });
    if (!pyright) other.push('| Pyright comparison | not run: `npm ci --prefix bench` installs it | |');
    else {
      lat('Pyright: didOpen → publishDiagnostics', { n: 1, p50: pyright.didOpenMs, p99: pyright.didOpenMs, max: pyright.didOpenMs });
      lat('Pyright: hover on a callee', pyright.callee);
      lat('Pyright: hover on a blank line', pyright.floor);
      lat('Pyright: one-character edit → hover', pyright.edit);
      if (ours) {
        const ratio = (key) => `${(pyright[key].p50 / ours[key].p50).toFixed(1)}× / ${(pyright[key].p99 / ours[key].p99).toFixed(1)}×`;
        other.push(`| Pyright ÷ Pool Guide, hover on a callee (p50 / p99) | ${ratio('callee')} | |`);
        other.push(`| Pyright ÷ Pool Guide, edit → hover (p50 / p99) | ${ratio('edit')} | |`);
      }
    }
  }
  if (only.includes('cli')) {
    const cli = await benchCli({ runs: Number(option('runs', 5)) });
    if (!cli) other.push('| pool-guide check | not run: needs /usr/bin/rg and /usr/lib/python3* | |');
    else {
      const where = `${cli.files} .py files, ${cli.mb.toFixed(1)} MB in ${cli.trees.join(' + ')}`;
      other.push(`| \`pool-guide check\` (${where}) | ${ms(cli.cliMs)}: ${(cli.files / (cli.cliMs / 1000)).toFixed(0)} files/s, ${(cli.mb / (cli.cliMs / 1000)).toFixed(1)} MB/s | |`);
      other.push(`| \`rg -l\` for ${cli.modules.join(', ')} (${cli.candidates} candidate files) | ${ms(cli.rgMs)}: ${(cli.files / (cli.rgMs / 1000)).toFixed(0)} files/s, ${(cli.mb / (cli.rgMs / 1000)).toFixed(1)} MB/s | |`);
      other.push(`| check ÷ ripgrep | ${(cli.cliMs / cli.rgMs).toFixed(1)}× | ${verdict(Number((cli.cliMs / cli.rgMs).toFixed(1)), 5)} |`);
      other.push(`| \`pool-guide check\` warm (a second run over its result cache, nothing changed) | ${ms(cli.warmMs)}: ${(cli.warmMs / cli.rgMs).toFixed(1)}× ripgrep | ${verdict(Number((cli.warmMs / cli.rgMs).toFixed(1)), 5)} |`);
      other.push(`| \`node -e 0\` (the start of any Node program) ÷ ripgrep | ${ms(cli.nodeMs)}: ${(cli.nodeMs / cli.rgMs).toFixed(1)}× | |`);
      other.push(...floorRows(cli));
      if (cli.withCaCertsMs !== undefined) other.push(`| \`pool-guide check\` with this machine's NODE_EXTRA_CA_CERTS (loaded at every Node start) | ${ms(cli.withCaCertsMs)}: ${(cli.withCaCertsMs / cli.rgMs).toFixed(1)}× ripgrep | |`);
      other.push(`| CLI peak RSS on that tree | ${cli.peakMb.toFixed(0)} MB | |`);
    }
    const docstrings = await benchDocstringTree({ runs: Number(option('runs', 5)) });
    if (!docstrings) other.push('| pool-guide check on a docstring-heavy tree | not run: needs /usr/bin/rg | |');
    else {
      other.push(`| \`pool-guide check\` on a generated API client (${docstrings.files} modules, ${docstrings.mb.toFixed(1)} MB, docstrings naming the modules everywhere, 5 importing them) | ${ms(docstrings.cliMs)} | |`);
      other.push(`| \`rg -l\` on it (${docstrings.candidates} candidate files) | ${ms(docstrings.rgMs)} | |`);
      other.push(`| check ÷ ripgrep on the docstring-heavy tree | ${(docstrings.cliMs / docstrings.rgMs).toFixed(1)}× | ${verdict(Number((docstrings.cliMs / docstrings.rgMs).toFixed(1)), 5)} |`);
      other.push(`| \`pool-guide check\` warm on it (a second run over its result cache) | ${ms(docstrings.warmMs)}: ${(docstrings.warmMs / docstrings.rgMs).toFixed(1)}× ripgrep | ${verdict(Number((docstrings.warmMs / docstrings.rgMs).toFixed(1)), 5)} |`);
      other.push(...floorRows(docstrings));
    }
  }
  if (only.includes('memory')) {
    const memory = await benchMemory({ documents: Number(option('documents', 1000)) });
    if (!memory) other.push('| server RSS | not run: needs that many .py files under /usr/lib/python3* | |');
    else {
      other.push(`| server RSS after initialize | ${memory.idleMb.toFixed(0)} MB | |`);
      other.push(`| server RSS right after opening ${memory.documents} real .py files (diagnostics received for each) | ${memory.openMb.toFixed(0)} MB | |`);
      other.push(`| the same, settled after 10 s idle | ${memory.settledMb.toFixed(0)} MB | ${verdict(Math.round(memory.settledMb), 150)} MB |`);
    }
  }

  if (only.includes('workspace')) {
    const workspace = await benchWorkspace({ hovers: Math.min(HOVERS, 200), starts: Number(option('starts', 5)) });
    const opened = { n: workspace.starts, p50: workspace.firstDiagnosticsMs, p99: workspace.firstDiagnosticsMs, max: workspace.firstDiagnosticsMs };
    lat(`workspace of ${workspace.files} files: didOpen → publishDiagnostics while the index builds, median of ${workspace.starts} starts (no folders: ${ms(workspace.bareDiagnosticsMs)})`, opened);
    lat('first hover reading another module (its summary computed then)', { n: 1, p50: workspace.firstHoverMs, p99: workspace.firstHoverMs, max: workspace.firstHoverMs });
    lat('hover reading another module, summary cached', workspace.hover, `p99 ${verdict(workspace.hover.p99, 5)}`);
    // The index is built in the background: the first diagnostics may not wait for it.
    const delay = workspace.firstDiagnosticsMs - workspace.bareDiagnosticsMs;
    other.push(`| first diagnostics delayed by the index build (with folders − without) | ${ms(delay)} | ${verdict(Math.round(delay), 100)} ms |`);
    other.push(`| workspace index of ${workspace.index.modules} modules, built in the background (walk + module table; median) | ${ms(workspace.index.ms)} | |`);
    other.push(`| server RSS with that index (without workspace folders) | ${workspace.indexedMb.toFixed(0)} MB (${workspace.bareMb.toFixed(0)} MB) | |`);
  }
  console.log(`Pool Guide benchmark: node ${process.versions.node}, ${process.platform}/${process.arch}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at the end\n`);
  if (latency.length > 0) console.log(['| latency | n | p50 | p99 | max | target |', '|---|---:|---:|---:|---:|---|', ...latency].join('\n') + '\n');
  if (other.length > 0) console.log(['| measurement | result | target |', '|---|---|---|', ...other].join('\n'));
  reportVerdicts([...latency, ...other]);
}

/** Says which measurements could not run and which targets were missed (✗); a missed target fails the run (exit code 1). */
function reportVerdicts(rows) {
  const name = (row) => row.split('|')[1].trim();
  const notRun = rows.filter((row) => row.includes('| not run:'));
  const missed = rows.filter((row) => row.includes('✗'));
  if (notRun.length > 0) console.error(`\nCOULD NOT RUN (no figure, no verdict): ${notRun.map((row) => `${name(row)} (${row.split('| not run:')[1].split('|')[0].trim()})`).join('; ')}`);
  if (missed.length > 0) {
    console.error(`\nTARGET MISSED: ${missed.map(name).join('; ')}`);
    process.exitCode = 1;
  } else console.log(`\nEvery target that was measured is met${notRun.length > 0 ? `; ${notRun.length} measurement(s) could not run` : ''}.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
