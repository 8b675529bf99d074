/**
 * Runs the BUNDLED CLI (`dist/cli.js`, built by `npm test`'s pretest) as a user would, and makes
 * throwaway fixture trees in a temp folder for tests that write files or need files git would
 * not keep (.gitignore'd files, virtual environments, invalid UTF-8). `check`'s result cache goes
 * to a temp folder of the test process (removed when it exits), never into the repository.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './repo';

export type CliRun = { readonly status: number | null; readonly stdout: string; readonly stderr: string };

/** Runs `cli` (by default the bundle in dist/) with `args` in `cwd`; without colour unless `env` says otherwise (undefined unsets). */
export function runCli(args: readonly string[], cwd = repoRoot(), cli = path.join(repoRoot(), 'dist', 'cli.js'), env: Readonly<Record<string, string | undefined>> = {}): CliRun {
  const merged: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, COLUMNS: undefined, NO_COLOR: '1', POOL_GUIDE_CACHE_DIR: testCacheFolder(), ...env };
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let cacheFolder: string | undefined;

/** The result cache folder of this test process, made on first use and removed when the process exits. */
export function testCacheFolder(): string {
  if (cacheFolder === undefined) {
    const folder = (cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-cache-')));
    process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  }
  return cacheFolder;
}

/** The CLI fixture trees under test/fixtures/cli/. */
export function cliFixture(...parts: string[]): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'cli', ...parts);
}

/** A fresh temp folder holding `files` (relative path → contents); removed by the returned cleanup. */
export function tempTree(files: Readonly<Record<string, string | Buffer>>): { root: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-cli-'));
  for (const [relative, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), contents);
  }
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}
