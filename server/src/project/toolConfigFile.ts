/**
 * The `[tool.pool-guide]` table that applies to a source file: the nearest pyproject.toml above
 * it (up to a boundary folder), parsed by the core and cached until the file's mtime changes; and
 * what the table's path patterns say about the file (excluded, rules ignored), matched on its path
 * relative to the pyproject's folder. Shared by the server and the CLI.
 */
import * as path from 'path';
import { ignoredCodes, isExcluded } from '../core/config/pathPatterns';
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

/** Reads one pyproject.toml (cached by its change stamp). */
export type PyprojectReader = (pyproject: string) => LoadedToolConfig;

export function createPyprojectReader(files: ProjectFileSystem): PyprojectReader {
  const cache = new LruMap<string, { stamp: number; parsed: ParsedToolConfig }>(PYPROJECT_CACHE_CAPACITY);
  return (pyproject) => {
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

export function createToolConfigLoader(files: ProjectFileSystem): ToolConfigLoader {
  const read = createPyprojectReader(files);
  return (file, boundary) => {
    const pyproject = findUp(files, file, 'pyproject.toml', boundary);
    return pyproject ? read(pyproject) : { config: {}, problems: [] };
  };
}

/** What a loaded table says about `file`: whether `exclude` covers it, and the codes `per-file-ignores` drop. */
export type FileRules = { readonly excluded: boolean; readonly ignore: readonly string[] };

export function fileRules(loaded: LoadedToolConfig, file: string): FileRules {
  if (!loaded.path) return { excluded: false, ignore: [] };
  const relative = relativeTo(loaded.path, file);
  return { excluded: isExcluded(loaded.config, relative), ignore: ignoredCodes(loaded.config, relative) };
}

/** `file`'s path from the folder of `pyproject`, `/`-separated as the patterns are written. */
export function relativeTo(pyproject: string, file: string): string {
  return path.relative(path.dirname(path.resolve(pyproject)), path.resolve(file)).split(path.sep).join('/');
}
