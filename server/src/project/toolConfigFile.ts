/**
 * The `[tool.pool-guide]` table that applies to a source file: the nearest pyproject.toml above
 * it (up to a boundary folder), parsed by the core and cached until the file's mtime changes.
 * Shared by the server and the CLI.
 */
import { parseToolConfig, type ParsedToolConfig } from '../core/config/toolConfig';
import { findUp } from './findUp';
import { LruMap } from './lruMap';
import type { ProjectFileSystem } from './projectFiles';

/** Parsed pyproject.toml files kept (the most recently used). */
const PYPROJECT_CACHE_CAPACITY = 256;

export type LoadedToolConfig = ParsedToolConfig & {
  /** The pyproject.toml that was read, if any. */
  readonly path?: string;
};

export type ToolConfigLoader = (file: string, boundary?: string) => LoadedToolConfig;

export function createToolConfigLoader(files: ProjectFileSystem): ToolConfigLoader {
  const cache = new LruMap<string, { stamp: number; parsed: ParsedToolConfig }>(PYPROJECT_CACHE_CAPACITY);
  return (file, boundary) => {
    const pyproject = findUp(files, file, 'pyproject.toml', boundary);
    if (!pyproject) return { config: {}, problems: [] };
    const stamp = files.changeStamp(pyproject);
    const cached = cache.get(pyproject);
    if (stamp !== undefined && cached?.stamp === stamp) return { ...cached.parsed, path: pyproject };
    const text = files.readText(pyproject);
    if (stamp === undefined || text === undefined) return { config: {}, problems: ['cannot be read'], path: pyproject };
    try {
      const parsed = parseToolConfig(text);
      cache.set(pyproject, { stamp, parsed });
      return { ...parsed, path: pyproject };
    } catch (error) {
      return { config: {}, problems: [`cannot be parsed: ${error instanceof Error ? error.message : String(error)}`], path: pyproject };
    }
  };
}
