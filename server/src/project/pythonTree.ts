/**
 * What a walk for Python sources skips, and an asynchronous walk for the server's workspace index:
 * one `readdir` at a time, so that the server keeps answering while it runs, stopped by a signal or
 * after a number of files.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Folders that hold no source of the project: version control, environments, caches, installed packages. */
export const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', 'site-packages', '.venv', 'venv', '.tox', '.nox', '.mypy_cache']);

export type WalkResult = { readonly files: string[]; readonly truncated: boolean };

/** Every `.py` file under `folder` (at most `maxFiles`), skipping virtual environments below it; stops early when `signal` aborts. */
export async function walkPythonFiles(folder: string, maxFiles: number, signal: AbortSignal): Promise<WalkResult> {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length > 0 && !signal.aborted) {
    const directory = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(directory, { withFileTypes: true });
    } catch {
      continue; // Unreadable or gone meanwhile: it holds nothing to index.
    }
    if (directory !== folder && entries.some((entry) => entry.name === 'pyvenv.cfg')) continue;
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        if (files.length >= maxFiles) return { files, truncated: true };
        files.push(full);
      }
    }
  }
  return { files, truncated: false };
}
