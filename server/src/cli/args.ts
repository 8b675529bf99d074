/**
 * The command line, parsed: which command, its paths and its options. Anything unexpected is a
 * UsageError whose one-line message names the offending argument.
 */
import { resolveRuleCodes } from '../core/config/ruleSelection';

export const USAGE = `usage: pool-guide <command> [options]

  check [PATH...]        report findings in the .py files under PATH (default: .)
      --format text|json|sarif   output format (default: text)
      --select CODES             only these rules (codes, names or prefixes such as PG3, comma-separated)
      --ignore CODES             leave out these rules
      --exit-zero                exit 0 even when there are findings
      --fix                      apply the safe fixes, then report what is left
      --diff                     with --fix: print the safe fixes as a unified diff, change nothing
  explain CODE           the documentation of a rule (PG301 or missing-timeout)
  hover FILE:LINE:COL    the hover card at a 1-based line and column
  show [PATH...]         every client, transport and request call: its hover card and findings

exit codes: 0 no findings, 1 findings, 2 usage or path errors`;

export class UsageError extends Error {}

export type Format = 'text' | 'json' | 'sarif';

export type CheckCommand = {
  readonly command: 'check';
  readonly paths: readonly string[];
  readonly format: Format;
  readonly select?: readonly string[];
  readonly ignore?: readonly string[];
  readonly exitZero: boolean;
  readonly fix: boolean;
  readonly diff: boolean;
};

export type Command =
  | CheckCommand
  | { readonly command: 'show'; readonly paths: readonly string[] }
  | { readonly command: 'explain'; readonly rule: string }
  | { readonly command: 'hover'; readonly file: string; readonly line: number; readonly column: number }
  | { readonly command: 'help' };

const FORMATS: readonly string[] = ['text', 'json', 'sarif'];

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  switch (command) {
    case 'check':
      return parseCheck(rest);
    case 'show':
      return { command: 'show', paths: positionals(rest, []) };
    case 'explain': {
      const [rule, ...extra] = positionals(rest, []);
      if (rule === undefined) throw new UsageError('explain needs a rule code or name, e.g. `pool-guide explain PG301`');
      if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
      return { command: 'explain', rule };
    }
    case 'hover':
      return parseHover(positionals(rest, []));
    default:
      throw new UsageError(`unknown command '${command}' (expected check, explain, hover or show)`);
  }
}

function parseCheck(args: readonly string[]): CheckCommand {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const paths = positionals(args, ['--format', '--select', '--ignore'], values, flags, ['--exit-zero', '--fix', '--diff']);
  const format = values.get('--format') ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  if (flags.has('--diff') && !flags.has('--fix')) throw new UsageError('--diff needs --fix');
  if (flags.has('--diff') && values.has('--format')) throw new UsageError('--diff prints a diff; it cannot be combined with --format');
  return {
    command: 'check',
    paths: paths.length > 0 ? paths : ['.'],
    format: format as Format,
    select: ruleOption(values, '--select'),
    ignore: ruleOption(values, '--ignore'),
    exitZero: flags.has('--exit-zero'),
    fix: flags.has('--fix'),
    diff: flags.has('--diff'),
  };
}

/** `FILE:LINE:COL`, split from the right so that a path may contain colons. */
function parseHover(args: readonly string[]): Command {
  if (args.length !== 1) throw new UsageError('hover needs exactly one FILE:LINE:COL');
  const match = /^(.+):(\d+):(\d+)$/.exec(args[0]);
  if (!match || Number(match[2]) < 1 || Number(match[3]) < 1) throw new UsageError(`'${args[0]}' is not FILE:LINE:COL with a 1-based line and column`);
  return { command: 'hover', file: match[1], line: Number(match[2]), column: Number(match[3]) };
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
