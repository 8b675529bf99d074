/**
 * Project files on the local disk, for the CLI and the Node server: `file:` URIs only.
 */
import * as fs from 'fs';
import { fileURLToPath, pathToFileURL } from 'url';
import type { ProjectFiles } from './projectFiles';

export const nodeProjectFiles: ProjectFiles = {
  readText(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  list(folder) {
    try {
      return fs.readdirSync(folder);
    } catch {
      return [];
    }
  },
  isFile(file) {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  changeStamp(file) {
    try {
      return fs.statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
  },
  pathOf(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  uriOf: (file) => pathToFileURL(file).toString(),
};
