/**
 * `pool-guide`: the same analysis as the editor, on files (see USAGE in args.ts). Exit codes:
 * 0 no findings, 1 findings, 2 bad usage or paths (one line on stderr naming the culprit).
 */
import { setFlagsFromString } from 'v8';
import { parseArgs, USAGE, UsageError, type Command } from './args';
import { runCheck } from './commands/check';
import { runExplain } from './commands/explain';
import { runHover } from './commands/hover';
import { runShow } from './commands/show';
// The version in package.json, inlined by the bundler.
import { version as TOOL_VERSION } from '../../../package.json';

async function run(command: Command): Promise<number> {
  switch (command.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`pool-guide ${TOOL_VERSION}\n`);
      return 0;
    case 'check':
      return runCheck(command, TOOL_VERSION);
    case 'show':
      return runShow(command);
    case 'explain':
      return runExplain(command.rule);
    case 'hover':
      return runHover(command.file, command.line, command.column, command.root);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(parseArgs(argv));
  } catch (error) {
    process.stderr.write(`pool-guide: ${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

// A run of the CLI is short and parses little: WebAssembly optimised in the background (TurboFan)
// costs more than it saves, so the parser runs on V8's baseline compiler only (README, Performance).
setFlagsFromString('--liftoff-only');

// A reader that stops early (`pool-guide show | head`) closes the pipe: the run ends quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
