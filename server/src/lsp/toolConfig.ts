/**
 * `[tool.pool-guide]` for a document: read from the nearest pyproject.toml up to the document's
 * workspace folder (only documents with a path have one). Problems in the table are logged once each.
 */
import * as path from 'path';
import type { ToolConfig } from '../core/config/toolConfig';
import type { ProjectFiles } from '../project/projectFiles';
import { createToolConfigLoader } from '../project/toolConfigFile';

export type ToolConfigProvider = (uri: string) => ToolConfig;

export function createToolConfigProvider(files: ProjectFiles, workspaceFolders: () => readonly string[], warn: (message: string) => void): ToolConfigProvider {
  const load = createToolConfigLoader(files);
  const logged = new Set<string>();
  return (uri) => {
    const file = files.pathOf(uri);
    if (!file) return {};
    const folder = workspaceFolders().find((candidate) => file.startsWith(candidate + path.sep));
    const { config, problems, path: pyproject } = load(file, folder);
    for (const problem of problems) {
      const message = `Pool Guide: ${pyproject}: ${problem}`;
      if (!logged.has(message)) warn(message);
      logged.add(message);
    }
    return config;
  };
}
