/**
 * The command line, parsed: which command, its paths and its options. Anything unexpected is a
 * UsageError whose one-line message names the offending argument.
 */
import { resolveRuleCodes } from '../core/config/ruleSelection';

export const USAGE = `usage: pool-guide <command> [options]

  check [PATH...]        report findings in the .py files under PATH (default: .)
      --output-format FORMAT     full (default: source lines and carets), concise (one line each),
                                 json, sarif, github (workflow commands), gitlab (Code Quality)
      --format FORMAT            the same option (text is concise, as before)
      --statistics               counts per rule instead of each finding (text or json)
      --select CODES             only these rules (codes, names or prefixes such as PG3, comma-separated)
      --ignore CODES             leave out these rules
      --quiet, -q                the findings only, no summary line
      --exit-zero                exit 0 even when there are findings
      --fix                      apply the safe fixes, then report what is left
      --diff                     with --fix: print the safe fixes as a unified diff, change nothing
      --exit-non-zero-on-fix     with --fix: exit 1 when a file was changed, even if nothing is left
      --force-exclude            apply [tool.pool-guide] exclude to PATHs named here too (pre-commit)
      --no-cache                 analyse every file, neither reading nor writing the result cache
      --cache-dir DIR            the result cache's folder (default: POOL_GUIDE_CACHE_DIR, else
                                 cache-dir in [tool.pool-guide], else .pool-guide-cache in the
                                 folder of the pyproject.toml nearest the working directory, or in it)
  explain CODE           the documentation of a rule (PG301 or missing-timeout)
  hover FILE:LINE:COL    the hover card at a 1-based line and column
      --root DIR                 the workspace whose modules imports resolve to (default: the
                                 working directory when FILE is under it, else FILE's folder)
  show [PATH...]         every client, transport and request call: its hover card and findings
      --format FORMAT            terminal (default; colour on a terminal), markdown, json

configuration: [tool.pool-guide] in the nearest pyproject.toml (select, ignore, severity,
  default-timeout, exclude, extend-exclude, per-file-ignores, cache-dir; globs and folders
  relative to its folder).
  Files that exclude covers are skipped when a folder is walked; a file named as a PATH is
  checked anyway, unless --force-exclude. per-file-ignores drop their rules for matching
  files, even under --select.

colour: on a terminal only; NO_COLOR=1 turns it off, FORCE_COLOR=1 forces it (FORCE_COLOR wins)

--version, -V: the version of pool-guide

exit codes: 0 no findings, 1 findings, 2 usage or path errors`;

export class UsageError extends Error {}

export type Format = 'full' | 'concise' | 'json' | 'sarif' | 'github' | 'gitlab';

export type CheckCommand = {
  readonly command: 'check';
  readonly paths: readonly string[];
  readonly format: Format;
  readonly select?: readonly string[];
  readonly ignore?: readonly string[];
  readonly statistics: boolean;
  readonly quiet: boolean;
  readonly exitZero: boolean;
  readonly fix: boolean;
  readonly diff: boolean;
  readonly exitNonZeroOnFix: boolean;
  /** `exclude` applies to the paths named on the command line too (as pre-commit names each file). */
  readonly forceExclude: boolean;
  /** Whether results are read from and written to the result cache (`--no-cache` turns it off). */
  readonly cache: boolean;
  /** `--cache-dir`: where the result cache lives. */
  readonly cacheDir?: string;
};

export type ShowFormat = 'terminal' | 'markdown' | 'json';

export type ShowCommand = { readonly command: 'show'; readonly paths: readonly string[]; readonly format: ShowFormat };

export type Command =
  | CheckCommand
  | ShowCommand
  | { readonly command: 'explain'; readonly rule: string }
  | { readonly command: 'hover'; readonly file: string; readonly line: number; readonly column: number; readonly root?: string }
  | { readonly command: 'help' }
  | { readonly command: 'version' };

const FORMATS: readonly string[] = ['full', 'concise', 'json', 'sarif', 'github', 'gitlab'];
const SHOW_FORMATS: readonly string[] = ['terminal', 'markdown', 'json'];

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-V' || command === 'version') return { command: 'version' };
  switch (command) {
    case 'check':
      return parseCheck(rest);
    case 'show':
      return parseShow(rest);
    case 'explain': {
      const [rule, ...extra] = positionals(rest, []);
      if (rule === undefined) throw new UsageError('explain needs a rule code or name, e.g. `pool-guide explain PG301`');
      if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
      return { command: 'explain', rule };
    }
    case 'hover':
      return parseHover(rest);
    default:
      throw new UsageError(`unknown command '${command}' (expected check, explain, hover or show)`);
  }
}

function parseCheck(args: readonly string[]): CheckCommand {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const paths = positionals(args, ['--format', '--output-format', '--select', '--ignore', '--cache-dir'], values, flags, [
    '--exit-zero',
    '--fix',
    '--diff',
    '--statistics',
    '--quiet',
    '-q',
    '--exit-non-zero-on-fix',
    '--force-exclude',
    '--no-cache',
  ]);
  const format = checkFormat(values);
  if (flags.has('--diff') && !flags.has('--fix')) throw new UsageError('--diff needs --fix');
  if (flags.has('--exit-non-zero-on-fix') && !flags.has('--fix')) throw new UsageError('--exit-non-zero-on-fix needs --fix');
  if (flags.has('--diff') && format !== undefined) throw new UsageError('--diff prints a diff; it cannot be combined with --format');
  if (flags.has('--statistics') && !['full', 'concise', 'json', undefined].includes(format)) {
    throw new UsageError(`--statistics prints counts as text or json, not as ${format}`);
  }
  return {
    command: 'check',
    paths: paths.length > 0 ? paths : ['.'],
    format: format ?? 'full',
    select: ruleOption(values, '--select'),
    ignore: ruleOption(values, '--ignore'),
    statistics: flags.has('--statistics'),
    quiet: flags.has('--quiet') || flags.has('-q'),
    exitZero: flags.has('--exit-zero'),
    fix: flags.has('--fix'),
    diff: flags.has('--diff'),
    exitNonZeroOnFix: flags.has('--exit-non-zero-on-fix'),
    forceExclude: flags.has('--force-exclude'),
    cache: !flags.has('--no-cache'),
    ...(values.has('--cache-dir') ? { cacheDir: values.get('--cache-dir') } : {}),
  };
}

/** `--output-format` and `--format` are one option under two names (`text` is the older name of `concise`). */
function checkFormat(values: ReadonlyMap<string, string>): Format | undefined {
  const given = (['--output-format', '--format'] as const).filter((name) => values.has(name));
  const [first, second] = given.map((name) => values.get(name)!.replace(/^text$/, 'concise'));
  if (second !== undefined && second !== first) throw new UsageError('--format and --output-format are the same option; give one');
  if (first !== undefined && !FORMATS.includes(first)) throw new UsageError(`${given[0]} must be one of ${FORMATS.join(', ')}, not '${values.get(given[0])}'`);
  return first as Format | undefined;
}

function parseShow(args: readonly string[]): ShowCommand {
  const values = new Map<string, string>();
  const paths = positionals(args, ['--format'], values);
  const format = values.get('--format') ?? 'terminal';
  if (!SHOW_FORMATS.includes(format)) throw new UsageError(`show --format must be one of ${SHOW_FORMATS.join(', ')}, not '${format}'`);
  return { command: 'show', paths, format: format as ShowFormat };
}

/** `FILE:LINE:COL`, split from the right so that a path may contain colons. */
function parseHover(rest: readonly string[]): Command {
  const values = new Map<string, string>();
  const args = positionals(rest, ['--root'], values);
  if (args.length !== 1) throw new UsageError('hover needs exactly one FILE:LINE:COL');
  const match = /^(.+):(\d+):(\d+)$/.exec(args[0]);
  if (!match || Number(match[2]) < 1 || Number(match[3]) < 1) throw new UsageError(`'${args[0]}' is not FILE:LINE:COL with a 1-based line and column`);
  const root = values.get('--root');
  return { command: 'hover', file: match[1], line: Number(match[2]), column: Number(match[3]), ...(root !== undefined ? { root } : {}) };
}

function ruleOption(values: ReadonlyMap<string, string>, option: string): string[] | undefined {
  const value = values.get(option);
  if (value === undefined) return undefined;
  const { codes, unknown } = resolveRuleCodes(value.split(','));
  if (unknown.length > 0) throw new UsageError(`${option}: unknown rule '${unknown[0]}'`);
  return codes;
}

/** The positional arguments; options with values (`--x v` or `--x=v`) go to `values`, flags to `flags`. */
function positionals(
  args: readonly string[],
  valueOptions: readonly string[],
  values = new Map<string, string>(),
  flags = new Set<string>(),
  flagOptions: readonly string[] = [],
): string[] {
  const found: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--') {
      found.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      found.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (valueOptions.includes(name)) {
      const value = inline ?? args[++index];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else if (flagOptions.includes(name) && inline === undefined) {
      flags.add(name);
    } else {
      throw new UsageError(`unknown option '${arg}'`);
    }
  }
  return found;
}
