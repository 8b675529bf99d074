/**
 * `pool-guide check`: analyse every Python file under the paths and report the findings in the
 * chosen format; with `--fix`, first apply the safe fixes (or, with `--diff`, print them).
 * Exit code 0 without findings, 1 with findings (or, with `--diff`, with changes to make).
 */
import * as fs from 'fs';
import { UsageError, type CheckCommand } from '../args';
import { createFileAnalyzer } from '../analyzer';
import { fixText, unifiedDiff } from '../fix';
import { pythonFiles } from '../files';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText, painter } from '../format/text';
import { reportedFindings, type ReportedFinding } from '../report';
import { readSource, writeSource } from '../sourceFile';
import { mentionsCatalogModule } from '../../core/prefilter';

export async function runCheck(command: CheckCommand, toolVersion: string): Promise<number> {
  const missing = command.paths.find((root) => !fs.existsSync(root));
  if (missing !== undefined) throw new UsageError(`no such file or directory: ${missing}`);
  const analyzer = await createFileAnalyzer({ select: command.select, ignore: command.ignore });
  const findings: ReportedFinding[] = [];
  let diffs = '';
  for (const file of command.paths.flatMap(pythonFiles)) {
    // Bytes that name no catalogued module hold no findings: validated, never decoded (core/prefilter.ts).
    const source = readSource(file, (bytes) => mentionsCatalogModule(analyzer.engine.catalog, bytes));
    if ('skipped' in source) {
      process.stderr.write(`${file}: skipped: ${source.skipped}\n`);
      continue;
    }
    if ('unneeded' in source) continue;
    const analysis = command.fix ? fixText(source.text, (text) => analyzer.analyze(file, text)) : analyzer.analyze(file, source.text);
    if (analysis.text !== source.text) {
      if (command.diff) diffs += unifiedDiff(file, source.text, analysis.text);
      else writeSource(source, analysis.text);
    }
    findings.push(...reportedFindings(file, analysis));
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
