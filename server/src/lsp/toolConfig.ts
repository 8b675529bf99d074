/**
 * `[tool.pool-guide]` for a document: read from the nearest pyproject.toml up to the document's
 * workspace folder (only documents with a path have one), with what its path patterns say about the
 * document: an excluded document gets no findings, `per-file-ignores` drop their rules. Problems in
 * the table are logged once each.
 */
import * as path from 'path';
import type { ToolConfig } from '../core/config/toolConfig';
import type { ProjectFiles } from '../project/projectFiles';
import { createToolConfigLoader, fileRules, type FileRules } from '../project/toolConfigFile';

export type DocumentToolConfig = { readonly config: ToolConfig; readonly file: FileRules };

export type ToolConfigProvider = (uri: string) => DocumentToolConfig;

const NONE: DocumentToolConfig = { config: {}, file: { excluded: false, ignore: [] } };

export function createToolConfigProvider(files: ProjectFiles, workspaceFolders: () => readonly string[], warn: (message: string) => void): ToolConfigProvider {
  const load = createToolConfigLoader(files);
  const logged = new Set<string>();
  return (uri) => {
    const file = files.pathOf(uri);
    if (!file) return NONE;
    const folder = workspaceFolders().find((candidate) => file.startsWith(candidate + path.sep));
    const loaded = load(file, folder);
    for (const problem of loaded.problems) {
      const message = `Pool Guide: ${loaded.path}: ${problem}`;
      if (!logged.has(message)) warn(message);
      logged.add(message);
    }
    return { config: loaded.config, file: fileRules(loaded, file) };
  };
}
