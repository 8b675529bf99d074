/**
 * File discovery for project files: the nearest file of a name above a source file, stopping at
 * a boundary folder (the workspace folder, or the filesystem root). Shared by the server and the CLI.
 */
import * as path from 'path';
import type { ProjectFileSystem } from './projectFiles';

/** The folders from `file`'s folder up to `boundary` (inclusive) or the root, nearest first. */
export function foldersAbove(file: string, boundary?: string): string[] {
  const folders: string[] = [];
  const stop = boundary ? path.resolve(boundary) : undefined;
  for (let folder = path.dirname(path.resolve(file)); ; folder = path.dirname(folder)) {
    folders.push(folder);
    if (folder === stop || path.dirname(folder) === folder) return folders;
  }
}

/** The nearest existing file named `name` above `file`, or undefined. */
export function findUp(files: ProjectFileSystem, file: string, name: string, boundary?: string): string | undefined {
  for (const folder of foldersAbove(file, boundary)) {
    const candidate = path.join(folder, name);
    if (files.isFile(candidate)) return candidate;
  }
  return undefined;
}
