/**
 * What a walk for Python sources skips, and the walk of the server's workspace index over project
 * files (the disk, or what a web client sent): a few folders at a time, yielding to the event loop
 * between them so that the server keeps answering, stopped by a signal or after a number of files.
 */
import * as path from 'path';
import type { ProjectFileSystem } from './projectFiles';

/** Folders that hold no source of the project: version control, environments, caches, installed packages. */
export const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', 'site-packages', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.pool-guide-cache']);

/** File-system questions (a folder listed, a file tested) between two yields to the event loop. */
const QUESTIONS_PER_TURN = 64;

export type WalkResult = { readonly files: string[]; readonly truncated: boolean };

/**
 * Every `.py` file under `folder` (at most `maxFiles`), skipping virtual environments below it; stops
 * early when `signal` aborts. Between turns it also waits for `idle` (when given): the foreground work
 * (diagnostics under way) goes first.
 */
export async function walkPythonFiles(files: ProjectFileSystem, folder: string, maxFiles: number, signal: AbortSignal, idle?: () => Promise<void>): Promise<WalkResult> {
  const found: string[] = [];
  const pending = [folder];
  let questions = 0;
  const ask = async <T>(question: () => T): Promise<T> => {
    if (++questions % QUESTIONS_PER_TURN === 0) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await idle?.();
    }
    return question();
  };
  while (pending.length > 0 && !signal.aborted) {
    const directory = pending.pop()!;
    const names = await ask(() => files.list(directory));
    if (directory !== folder && names.includes('pyvenv.cfg')) continue;
    for (const name of names) {
      if (signal.aborted) break;
      const full = path.join(directory, name);
      if (name.endsWith('.py') && (await ask(() => files.isFile(full)))) {
        if (found.length >= maxFiles) return { files: found, truncated: true };
        found.push(full);
      } else if (!SKIPPED_DIRECTORIES.has(name) && !name.includes('.') && !(await ask(() => files.isFile(full)))) pending.push(full);
    }
  }
  return { files: found, truncated: false };
}
