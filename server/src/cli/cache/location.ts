/**
 * Where the result cache lives, decided as Ruff decides for `.ruff_cache`: `--cache-dir`, else
 * `POOL_GUIDE_CACHE_DIR`, else `cache-dir` in the `[tool.pool-guide]` of the pyproject.toml nearest
 * the working directory (relative to its folder), else `.pool-guide-cache` in that pyproject's
 * folder — the project's root — or in the working directory when there is none. Always from the
 * working directory, never from the paths checked: `pool-guide check /usr/lib/python3` writes into
 * the project it was run from, not into /usr/lib. The folder holds a `.gitignore` of `*` (it never
 * shows in a repository) and a CACHEDIR.TAG (backup tools skip it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { nodeProjectFiles } from '../../project/nodeProjectFiles';
import { createToolConfigLoader } from '../../project/toolConfigFile';

export const DEFAULT_CACHE_FOLDER = '.pool-guide-cache';

export function cacheFolder(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (flag !== undefined) return path.resolve(cwd, flag);
  if (env.POOL_GUIDE_CACHE_DIR) return path.resolve(cwd, env.POOL_GUIDE_CACHE_DIR);
  // The loader finds the pyproject.toml nearest a file's folder: a file in the working directory.
  const { path: pyproject, config } = createToolConfigLoader(nodeProjectFiles)(path.join(cwd, 'pyproject.toml'));
  const root = pyproject ? path.dirname(pyproject) : cwd;
  return path.resolve(root, config.cacheDir ?? DEFAULT_CACHE_FOLDER);
}

/** Creates the cache folder, its `.gitignore` and CACHEDIR.TAG, and `subfolder` in it (throws when it cannot). */
export function prepareCacheFolder(folder: string, subfolder: string): void {
  fs.mkdirSync(path.join(folder, subfolder), { recursive: true });
  writeOnce(path.join(folder, '.gitignore'), '# Automatically created by pool-guide.\n*\n');
  writeOnce(path.join(folder, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by pool-guide.\n');
}

function writeOnce(file: string, content: string): void {
  if (!fs.existsSync(file)) fs.writeFileSync(file, content);
}
