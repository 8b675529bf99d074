/**
 * The `[tool.pool-guide]` table that applies to a source file: the nearest pyproject.toml above
 * it (up to a boundary folder), parsed by the core and cached until the file's mtime changes.
 * Shared by the server and the CLI.
 */
import * as fs from 'fs';
import { parseToolConfig, type ParsedToolConfig } from '../core/config/toolConfig';
import { findUp } from './findUp';
import { LruMap } from './lruMap';

/** Parsed pyproject.toml files kept (the most recently used). */
const PYPROJECT_CACHE_CAPACITY = 256;

export type LoadedToolConfig = ParsedToolConfig & {
  /** The pyproject.toml that was read, if any. */
  readonly path?: string;
};

export type ToolConfigLoader = (file: string, boundary?: string) => LoadedToolConfig;

export function createToolConfigLoader(): ToolConfigLoader {
  const cache = new LruMap<string, { mtimeMs: number; parsed: ParsedToolConfig }>(PYPROJECT_CACHE_CAPACITY);
  return (file, boundary) => {
    const pyproject = findUp(file, 'pyproject.toml', boundary);
    if (!pyproject) return { config: {}, problems: [] };
    try {
      const { mtimeMs } = fs.statSync(pyproject);
      const cached = cache.get(pyproject);
      if (cached?.mtimeMs === mtimeMs) return { ...cached.parsed, path: pyproject };
      const parsed = parseToolConfig(fs.readFileSync(pyproject, 'utf8'));
      cache.set(pyproject, { mtimeMs, parsed });
      return { ...parsed, path: pyproject };
    } catch (error) {
      return { config: {}, problems: [`cannot be read: ${error instanceof Error ? error.message : String(error)}`], path: pyproject };
    }
  };
}
