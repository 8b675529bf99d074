/**
 * `[tool.pool-guide]` in pyproject.toml, parsed from the file's text: `select`, `ignore`,
 * `severity = { PG101 = "warning" }`, `default-timeout`, and the path patterns `exclude`,
 * `extend-exclude` and `per-file-ignores = { "tests/**" = ["PG501"] }` (see pathPatterns.ts), and
 * the CLI's `cache-dir`. What does not fit is left out and described in `problems`, one sentence
 * each; a file without the table yields an empty config.
 */
import { parse } from 'smol-toml';
import { patternProblem, type PerFileIgnore } from './pathPatterns';
import { RULE_LEVELS, resolveRuleCodes, type RuleLevel, type RuleSelection } from './ruleSelection';

export type ToolConfig = RuleSelection & {
  /** Seconds the PG301 fix writes as `timeout=`. */
  readonly defaultTimeout?: number;
  /** Patterns of `exclude` and `extend-exclude` together, relative to the pyproject's folder. */
  readonly exclude?: readonly string[];
  readonly perFileIgnores?: readonly PerFileIgnore[];
  /** Where the CLI keeps its result cache, relative to the pyproject's folder. */
  readonly cacheDir?: string;
};

export type ParsedToolConfig = { readonly config: ToolConfig; readonly problems: readonly string[] };

const KEYS = new Set(['select', 'ignore', 'severity', 'default-timeout', 'exclude', 'extend-exclude', 'per-file-ignores', 'cache-dir']);

export function parseToolConfig(tomlText: string): ParsedToolConfig {
  let document: Record<string, unknown>;
  try {
    document = parse(tomlText) as Record<string, unknown>;
  } catch (error) {
    return { config: {}, problems: [`not valid TOML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
  const table = isTable(document.tool) ? document.tool['pool-guide'] : undefined;
  if (table === undefined) return { config: {}, problems: [] };
  if (!isTable(table)) return { config: {}, problems: ['[tool.pool-guide] is not a table'] };
  const problems: string[] = [];
  for (const key of Object.keys(table)) if (!KEYS.has(key)) problems.push(`[tool.pool-guide] has an unknown key '${key}'`);
  const config: { -readonly [K in keyof ToolConfig]: ToolConfig[K] } = {};
  for (const key of ['select', 'ignore'] as const) {
    if (table[key] === undefined) continue;
    const codes = ruleList(table[key], key, problems);
    if (codes) config[key] = codes;
  }
  if (table.severity !== undefined) config.severity = severityTable(table.severity, problems);
  const timeout = table['default-timeout'];
  if (typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0) config.defaultTimeout = timeout;
  else if (timeout !== undefined) problems.push(`'default-timeout' must be a positive number of seconds`);
  const exclude = ['exclude', 'extend-exclude'].flatMap((key) => (table[key] === undefined ? [] : patternList(table[key], key, problems)));
  if (exclude.length > 0) config.exclude = exclude;
  if (table['per-file-ignores'] !== undefined) {
    const perFileIgnores = perFileIgnoreTable(table['per-file-ignores'], problems);
    if (perFileIgnores.length > 0) config.perFileIgnores = perFileIgnores;
  }
  const cacheDir = table['cache-dir'];
  if (typeof cacheDir === 'string' && cacheDir !== '') config.cacheDir = cacheDir;
  else if (cacheDir !== undefined) problems.push(`'cache-dir' must be a folder's path`);
  return { config, problems };
}

function patternList(value: unknown, key: string, problems: string[]): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    problems.push(`'${key}' must be a list of glob patterns such as ["build/**"]`);
    return [];
  }
  return (value as string[]).filter((pattern) => {
    const problem = patternProblem(pattern, false);
    if (problem) problems.push(`'${key}': the pattern '${pattern}' ${problem}`);
    return problem === undefined;
  });
}

function perFileIgnoreTable(value: unknown, problems: string[]): PerFileIgnore[] {
  if (!isTable(value)) {
    problems.push(`'per-file-ignores' must be a table such as { "tests/**" = ["PG501"] }`);
    return [];
  }
  const entries: PerFileIgnore[] = [];
  for (const [pattern, references] of Object.entries(value)) {
    const problem = patternProblem(pattern, true);
    if (problem) {
      problems.push(`'per-file-ignores': the pattern '${pattern}' ${problem}`);
      continue;
    }
    const codes = ruleList(references, `per-file-ignores.${pattern}`, problems);
    if (codes && codes.length > 0) entries.push({ pattern, codes });
  }
  return entries;
}

function ruleList(value: unknown, key: string, problems: string[]): string[] | undefined {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    problems.push(`'${key}' must be a list of rule codes or names`);
    return undefined;
  }
  const { codes, unknown } = resolveRuleCodes(value as string[]);
  for (const reference of unknown) problems.push(`'${key}' names an unknown rule '${reference}'`);
  return codes;
}

function severityTable(value: unknown, problems: string[]): Record<string, RuleLevel> {
  const levels: Record<string, RuleLevel> = {};
  if (!isTable(value)) {
    problems.push(`'severity' must be a table such as { PG101 = "warning" }`);
    return levels;
  }
  for (const [reference, level] of Object.entries(value)) {
    const { codes, unknown } = resolveRuleCodes([reference]);
    if (unknown.length > 0) problems.push(`'severity' names an unknown rule '${reference}'`);
    else if (typeof level !== 'string' || !RULE_LEVELS.includes(level as RuleLevel)) problems.push(`'severity.${reference}' must be one of ${RULE_LEVELS.join(', ')}`);
    else for (const code of codes) levels[code] = level as RuleLevel;
  }
  return levels;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
