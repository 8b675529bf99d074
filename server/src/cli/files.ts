/**
 * Finds the Python files under the paths given to the CLI, skipping version-control folders,
 * virtual environments, caches and installed packages.
 */
import * as fs from 'fs';
import * as path from 'path';

const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', 'site-packages', '.venv', 'venv', '.tox', '.mypy_cache']);

/** Every `.py` file under `root` (or `root` itself), sorted. Throws when `root` does not exist. */
export function pythonFiles(root: string): string[] {
  const stat = fs.statSync(root);
  if (stat.isFile()) return [root];
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !fs.existsSync(path.join(full, 'pyvenv.cfg'))) walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        found.push(full);
      }
    }
  };
  walk(root);
  return found.sort();
}
