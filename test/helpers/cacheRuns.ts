/**
 * For the result cache's tests: a cold run (`--no-cache`) beside a run through a given cache
 * folder, and a log of what a run read — the `.py` files it opened and whether it compiled the
 * parser's WebAssembly — taken by a preloaded module that wraps `fs` and `WebAssembly`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliRun } from './cli';

const READ_LOG_HOOK = `
const fs = require('fs');
const seen = [];
for (const name of ['openSync', 'readFileSync']) {
  const original = fs[name];
  fs[name] = function (file, ...rest) {
    if (typeof file === 'string' && file.endsWith('.py')) seen.push(file);
    return original.call(this, file, ...rest);
  };
}
for (const name of ['compile', 'instantiate']) {
  const original = WebAssembly[name];
  WebAssembly[name] = function (...args) {
    seen.push('WebAssembly.' + name);
    return original.apply(this, args);
  };
}
process.on('exit', () => fs.writeFileSync(process.env.POOL_GUIDE_TEST_READ_LOG, JSON.stringify(seen)));
`;

/** The output of `check ARGS --no-cache` in `cwd`. */
export function coldRun(args: readonly string[], cwd: string, cli?: string): CliRun {
  return runCli(['check', ...args, '--no-cache'], cwd, cli);
}

/** The output of `check ARGS` through the cache in `cacheDir`. */
export function cachedRun(args: readonly string[], cwd: string, cacheDir: string, cli?: string): CliRun {
  return runCli(['check', ...args, '--cache-dir', cacheDir], cwd, cli);
}

export type LoggedRun = CliRun & {
  /** The `.py` files the run opened. */
  readonly pythonFilesRead: readonly string[];
  /** Whether it compiled WebAssembly (loaded the parser). */
  readonly loadedParser: boolean;
};

/** `cachedRun`, with what it read. */
export function loggedCachedRun(args: readonly string[], cwd: string, cacheDir: string): LoggedRun {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-read-log-'));
  try {
    const hook = path.join(folder, 'hook.cjs');
    const log = path.join(folder, 'log.json');
    fs.writeFileSync(hook, READ_LOG_HOOK);
    const run = runCli(['check', ...args, '--cache-dir', cacheDir], cwd, undefined, { NODE_OPTIONS: `--require ${hook}`, POOL_GUIDE_TEST_READ_LOG: log });
    const seen = JSON.parse(fs.readFileSync(log, 'utf8')) as string[];
    return { ...run, pythonFilesRead: seen.filter((entry) => entry.endsWith('.py')), loadedParser: seen.some((entry) => entry.startsWith('WebAssembly.')) };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Resolves once every file under `root` was last changed more than the cache's racy window (2 s) ago. */
export async function pastRacyWindow(root: string): Promise<void> {
  const latest = Math.max(...fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).map((entry) => fs.statSync(path.join(root, entry)).ctimeMs));
  const wait = latest + 2_100 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
