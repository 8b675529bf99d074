/**
 * The path patterns of `[tool.pool-guide]` (`exclude`, `extend-exclude`, `per-file-ignores`), read as
 * Ruff reads its own: each is matched against a file's path relative to the folder of the
 * pyproject.toml that declares it, `/`-separated. A pattern without `/` matches a name in any folder
 * (for `per-file-ignores` the file's name; for `exclude` the file's or any enclosing folder's name); a
 * pattern with `/` matches the path from the pyproject's folder (`./` in front is allowed, a trailing
 * `/` is dropped). `*` stays within one folder, `**` crosses folders, dot files match; a leading `!`
 * negates a `per-file-ignores` pattern. Globs are picomatch's; patterns are compiled once per parsed
 * configuration. Pure: the caller gives the relative path.
 */
import picomatch from 'picomatch/posix';
import type { ToolConfig } from './toolConfig';

const GLOB_OPTIONS = { dot: true, strictBrackets: true } as const;

/** Rule codes dropped for the files a pattern matches. */
export type PerFileIgnore = { readonly pattern: string; readonly codes: readonly string[] };

/** Why a pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: string, negatable: boolean): string | undefined {
  if (pattern.trim() === '') return 'is empty';
  if (pattern.startsWith('!') && !negatable) return 'cannot be negated here';
  const body = patternBody(pattern);
  if (body.startsWith('/') || /^[A-Za-z]:[\\/]/.test(body)) return 'must be relative to the folder of pyproject.toml';
  try {
    picomatch.makeRe(body, GLOB_OPTIONS);
    return undefined;
  } catch (error) {
    // picomatch says what is missing, then how to escape it: the first part is the reason.
    return `is not a valid glob (${(error instanceof Error ? error.message : String(error)).split(' - ')[0]})`;
  }
}

/** Whether `exclude`/`extend-exclude` cover the file at `relative` (its own path or an enclosing folder's). */
export function isExcluded(config: ToolConfig, relative: string): boolean {
  const { exclude } = compiled(config);
  if (exclude.length === 0 || !isInside(relative)) return false;
  const parts = relative.split('/');
  for (let length = 1; length <= parts.length; length++) {
    const prefix = parts.slice(0, length).join('/');
    if (exclude.some((matches) => matches(prefix))) return true;
  }
  return false;
}

/** The rule codes `per-file-ignores` drop for the file at `relative`, sorted. */
export function ignoredCodes(config: ToolConfig, relative: string): string[] {
  const { perFile } = compiled(config);
  if (perFile.length === 0 || !isInside(relative)) return [];
  const codes = new Set<string>();
  for (const { matches, codes: ignored } of perFile) if (matches(relative)) for (const code of ignored) codes.add(code);
  return [...codes].sort();
}

type Matcher = (relative: string) => boolean;
type Compiled = { readonly exclude: readonly Matcher[]; readonly perFile: readonly { matches: Matcher; codes: readonly string[] }[] };

const cache = new WeakMap<ToolConfig, Compiled>();

function compiled(config: ToolConfig): Compiled {
  let result = cache.get(config);
  if (!result) {
    result = {
      exclude: (config.exclude ?? []).map(matcher),
      perFile: (config.perFileIgnores ?? []).map(({ pattern, codes }) => ({ matches: matcher(pattern), codes })),
    };
    cache.set(config, result);
  }
  return result;
}

function matcher(pattern: string): Matcher {
  const negated = pattern.startsWith('!');
  const body = patternBody(pattern);
  const test = picomatch(body, GLOB_OPTIONS);
  const byName = !body.includes('/');
  return (relative) => test(byName ? relative.slice(relative.lastIndexOf('/') + 1) : relative) !== negated;
}

function patternBody(pattern: string): string {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  return body.replace(/^\.\//, '').replace(/(.)\/+$/, '$1');
}

/** A path below the pyproject's folder (never one that leaves it). */
function isInside(relative: string): boolean {
  return relative !== '' && relative !== '..' && !relative.startsWith('../');
}
