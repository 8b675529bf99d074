/**
 * Finds the Python files under the paths given to the CLI, skipping version-control folders,
 * virtual environments, caches, installed packages and whatever `.gitignore` files ignore (those
 * inside the walked tree, and those above it up to the repository root).
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';

const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', 'site-packages', '.venv', 'venv', '.tox', '.nox', '.mypy_cache']);

/** A `.gitignore` and the folder its patterns are relative to. */
type IgnoreLayer = { readonly base: string; readonly rules: Ignore };

/** Every `.py` file (or link to one) under `root`, sorted; `root` itself when it is a file. Throws when `root` does not exist. */
export function pythonFiles(root: string): string[] {
  if (fs.statSync(root).isFile()) return [root];
  const found: string[] = [];
  const walk = (directory: string, layers: readonly IgnoreLayer[]) => {
    const here = [...layers, ...gitignoreAt(directory)];
    for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !fs.existsSync(path.join(full, 'pyvenv.cfg')) && !isIgnored(here, full, true)) walk(full, here);
      } else if (entry.name.endsWith('.py') && (entry.isFile() || (entry.isSymbolicLink() && !isDirectory(full))) && !isIgnored(here, full, false)) {
        found.push(full);
      }
    }
  };
  walk(root, ancestorLayers(root));
  return found;
}

/** The `.gitignore` files above `root`, up to the folder that holds `.git` (none outside a repository). */
function ancestorLayers(root: string): IgnoreLayer[] {
  const start = path.resolve(root);
  if (fs.existsSync(path.join(start, '.git'))) return [];
  const layers: IgnoreLayer[] = [];
  for (let folder = path.dirname(start); ; folder = path.dirname(folder)) {
    layers.unshift(...gitignoreAt(folder));
    if (fs.existsSync(path.join(folder, '.git'))) return layers;
    if (path.dirname(folder) === folder) return [];
  }
}

/** Follows symbolic links; false for what cannot be read, so that reading it reports why. */
function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function gitignoreAt(directory: string): IgnoreLayer[] {
  try {
    return [{ base: path.resolve(directory), rules: ignore().add(fs.readFileSync(path.join(directory, '.gitignore'), 'utf8')) }];
  } catch {
    return [];
  }
}

function isIgnored(layers: readonly IgnoreLayer[], file: string, isDirectory: boolean): boolean {
  const absolute = path.resolve(file);
  return layers.some(({ base, rules }) => {
    const relative = path.relative(base, absolute).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && rules.ignores(isDirectory ? `${relative}/` : relative);
  });
}
