/**
 * Finds the Python files under the paths given to the CLI, skipping version-control folders,
 * virtual environments, caches, installed packages, whatever `.gitignore` files ignore (those
 * inside the walked tree, and those above it up to the repository root) and what the `exclude` of
 * the nearest pyproject.toml's `[tool.pool-guide]` covers. A path given itself is excluded only
 * when forced (`--force-exclude`): by default a file named on the command line is checked. One `readdir` per folder answers every question
 * about it (does it hold a `.gitignore`, a `pyvenv.cfg`, a `pyproject.toml`?): large trees are
 * walked with no other system call than reading those files.
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { isExcluded } from '../core/config/pathPatterns';
import { findUp } from '../project/findUp';
import { nodeProjectFiles } from '../project/nodeProjectFiles';
import { SKIPPED_DIRECTORIES } from '../project/pythonTree';
import { createPyprojectReader, relativeTo, type LoadedToolConfig } from '../project/toolConfigFile';

/** A `.gitignore` and the folder its patterns are relative to. */
type IgnoreLayer = { readonly base: string; readonly rules: Ignore };

/**
 * Every `.py` file (or link to one) under `root`, sorted; `root` itself when it is a file (unless
 * `forceExclude` and `exclude` covers it). Throws when `root` does not exist.
 */
export function pythonFiles(root: string, forceExclude = false): string[] {
  const readTable = createPyprojectReader(nodeProjectFiles);
  const above = findUp(nodeProjectFiles, root, 'pyproject.toml');
  const tableAbove = above === undefined ? undefined : readTable(above);
  if (forceExclude && tableAbove?.path !== undefined && isExcluded(tableAbove.config, relativeTo(tableAbove.path, root))) return [];
  if (fs.statSync(root).isFile()) return [root];
  const found: string[] = [];
  const walk = (directory: string, layers: readonly IgnoreLayer[], table: LoadedToolConfig | undefined, isRoot: boolean) => {
    const entries = fs.readdirSync(directory, { withFileTypes: true });
    // A virtual environment below the root is installed code, not the project's.
    if (!isRoot && entries.some((entry) => entry.name === 'pyvenv.cfg')) return;
    const here = entries.some((entry) => entry.name === '.gitignore') ? [...layers, ...gitignoreAt(directory)] : layers;
    // The nearest pyproject.toml decides, as it does for a file's rules.
    const tableHere = entries.some((entry) => entry.name === 'pyproject.toml' && !entry.isDirectory()) ? readTable(path.join(directory, 'pyproject.toml')) : table;
    const excluded = (full: string) => tableHere?.path !== undefined && isExcluded(tableHere.config, relativeTo(tableHere.path, full));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !isIgnored(here, full, true) && !excluded(full)) walk(full, here, tableHere, false);
      } else if (entry.name.endsWith('.py') && (entry.isFile() || (entry.isSymbolicLink() && !isDirectory(full))) && !isIgnored(here, full, false) && !excluded(full)) {
        found.push(full);
      }
    }
  };
  walk(root, ancestorLayers(root), tableAbove, true);
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
  if (layers.length === 0) return false;
  const absolute = path.resolve(file);
  return layers.some(({ base, rules }) => {
    const relative = path.relative(base, absolute).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && rules.ignores(isDirectory ? `${relative}/` : relative);
  });
}
