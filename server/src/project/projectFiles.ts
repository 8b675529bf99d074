/**
 * How project files (pyproject.toml, lock files, requirements, installed METADATA) are read:
 * synchronously, by absolute POSIX-or-native path. The CLI and the Node server read the disk
 * (`nodeProjectFiles.ts`); the web worker server reads what its client sent it (`web/`). Document
 * URIs map to such paths and back, so that everything above works on virtual file systems too.
 */

export type ProjectFileSystem = {
  /** The file's text, or undefined when it is not there or not readable. */
  readText(file: string): string | undefined;
  /** The names in a folder (files and folders), or [] when it is not there. */
  list(folder: string): string[];
  isFile(file: string): boolean;
  /** A number that changes whenever the file changes (its mtime on disk), or undefined when it is not there. */
  changeStamp(file: string): number | undefined;
};

export type ProjectFiles = ProjectFileSystem & {
  /** The path of a document URI, or undefined for a URI without a project (an untitled document). */
  pathOf(uri: string): string | undefined;
  /** The URI of a path `pathOf` gave (or of a file found from it). */
  uriOf(file: string): string;
};
