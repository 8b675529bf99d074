/**
 * `pool-guide check`: analyse every Python file under the paths and report the findings in the
 * chosen format; with `--fix`, first apply the safe fixes (or, with `--diff`, print them).
 * Exit code 0 without findings, 1 with findings (or, with `--diff`, with changes to make).
 */
import * as fs from 'fs';
import { UsageError, type CheckCommand } from '../args';
import { createFileChecker } from '../checkFile';
import { pythonFiles } from '../files';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText, painter } from '../format/text';
import type { ReportedFinding } from '../report';

export async function runCheck(command: CheckCommand, toolVersion: string): Promise<number> {
  const missing = command.paths.find((root) => !fs.existsSync(root));
  if (missing !== undefined) throw new UsageError(`no such file or directory: ${missing}`);
  const files = command.paths.flatMap(pythonFiles);
  const check = createFileChecker(command, { roots: command.paths, files });
  const findings: ReportedFinding[] = [];
  let diffs = '';
  for (const file of files) {
    const outcome = await check(file);
    findings.push(...outcome.findings);
    diffs += outcome.diff;
  }
  if (command.diff) {
    process.stdout.write(diffs);
    return diffs !== '' && !command.exitZero ? 1 : 0;
  }
  process.stdout.write(output(command, findings, toolVersion));
  return findings.length > 0 && !command.exitZero ? 1 : 0;
}

function output(command: CheckCommand, findings: readonly ReportedFinding[], toolVersion: string): string {
  switch (command.format) {
    case 'json':
      return formatJson(findings);
    case 'sarif':
      return formatSarif(findings, toolVersion, process.cwd());
    case 'text':
      return formatText(findings, painter(process.stdout));
  }
}
