/**
 * `[tool.pool-guide]` for a document: read from the nearest pyproject.toml up to the document's
 * workspace folder (only `file:` documents have one). Problems in the table are logged once each.
 */
import * as path from 'path';
import type { ToolConfig } from '../core/config/toolConfig';
import { createToolConfigLoader } from '../project/toolConfigFile';
import { filePathOf } from './projectVersions';

export type ToolConfigProvider = (uri: string) => ToolConfig;

export function createToolConfigProvider(workspaceFolders: () => readonly string[], warn: (message: string) => void): ToolConfigProvider {
  const load = createToolConfigLoader();
  const logged = new Set<string>();
  return (uri) => {
    const file = filePathOf(uri);
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
