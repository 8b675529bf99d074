/**
 * `check` on one file, read (scan.ts: bytes that name no catalogued module are only validated):
 * analyse, fix when asked (writing the file, or making its diff), and report.
 */
import type { CheckCommand } from './args';
import { createFileAnalyzer, type RunTree } from './analyzer';
import { fixText, unifiedDiff } from './fix';
import { reportedFindings, type ReportedFinding } from './report';
import { writeSource, type ReadFile } from './sourceFile';

export type FileOutcome = {
  readonly findings: readonly ReportedFinding[];
  /** With `--fix --diff`: the file's unified diff ('' when unchanged). */
  readonly diff: string;
  /** How many findings `--fix` resolved in the file. */
  readonly fixed: number;
  /** The (fixed) text, kept only when there are findings to show it with. */
  readonly text?: string;
};

/**
 * A checker for a whole run: one analyzer (one parser, loaded on the first file that needs it, or
 * at once with `loadParserNow`: a run that reads in a worker thread waits for its files anyway).
 */
export function createFileChecker(command: CheckCommand, tree?: RunTree, loadParserNow = false): (source: ReadFile) => Promise<FileOutcome> {
  const analyzer = createFileAnalyzer({ select: command.select, ignore: command.ignore }, tree);
  if (loadParserNow) analyzer.prepare();
  return async (source) => {
    const file = source.path;
    if ('skipped' in source) {
      process.stderr.write(`${file}: skipped: ${source.skipped}\n`);
      return { findings: [], diff: '', fixed: 0 };
    }
    if ('unneeded' in source) return { findings: [], diff: '', fixed: 0 };
    const { analysis, fixed } = command.fix ? await fixText(source.text, (text) => analyzer.analyze(file, text)) : { analysis: await analyzer.analyze(file, source.text), fixed: 0 };
    let diff = '';
    if (analysis.text !== source.text) {
      if (command.diff) diff = unifiedDiff(file, source.text, analysis.text);
      else writeSource(source, analysis.text);
    }
    const findings = reportedFindings(file, analysis);
    return { findings, diff, fixed, text: findings.length > 0 ? analysis.text : undefined };
  };
}
