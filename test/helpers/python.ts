/**
 * Runs the helper scripts of `test/python/` under Debian's `/usr/bin/python3`, the interpreter
 * that has python3-httpx. A missing interpreter or a missing httpx is an error with a clear
 * message, never a skip: CI installs python3-httpx, so these tests must run there.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './repo';

/** Always this path: the first python3 on PATH is another interpreter without httpx. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const MISSING_HTTPX = `${SYSTEM_PYTHON} cannot import httpx, so the tests that compare with the real library cannot run. Install Debian's python3-httpx (apt-get install python3-httpx), as CI does.`;

/** Runs `test/python/<script>` with `input` as JSON on stdin and parses its JSON output. */
export function runPythonScript<T>(script: string, input?: unknown): T {
  const result = spawnSync(SYSTEM_PYTHON, [path.join(repoRoot(), 'test', 'python', script)], {
    input: input === undefined ? '' : JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) throw new Error(`could not run ${SYSTEM_PYTHON} ${script}: ${result.error.message}`);
  if (result.status === 2 && /cannot import httpx/.test(result.stderr)) throw new Error(`${MISSING_HTTPX}\n${result.stderr}`);
  if (result.status !== 0) throw new Error(`${script} exited with ${result.status}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

let version: string | undefined;

/** The httpx version `/usr/bin/python3` imports; throws the clear message when it has none. */
export function installedHttpxVersion(): string {
  if (version) return version;
  const result = spawnSync(SYSTEM_PYTHON, ['-c', 'import httpx; print(httpx.__version__)'], { encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) throw new Error(`${MISSING_HTTPX}\n${result.error?.message ?? result.stderr}`);
  version = result.stdout.trim();
  return version;
}
