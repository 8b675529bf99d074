/**
 * `check` on one file: read (bytes that name no catalogued module are only validated), analyse,
 * fix when asked (writing the file, or making its diff), and report.
 */
import type { CheckCommand } from './args';
import { createFileAnalyzer } from './analyzer';
import { fixText, unifiedDiff } from './fix';
import { reportedFindings, type ReportedFinding } from './report';
import { mayImportCatalogModule, SourceReader, writeSource } from './sourceFile';

export type FileOutcome = {
  readonly findings: readonly ReportedFinding[];
  /** With `--fix --diff`: the file's unified diff ('' when unchanged). */
  readonly diff: string;
};

/** A checker for a whole run: one analyzer (one parser, loaded on the first file that needs it) and one read buffer. */
export function createFileChecker(command: CheckCommand): (file: string) => Promise<FileOutcome> {
  const analyzer = createFileAnalyzer({ select: command.select, ignore: command.ignore });
  const reader = new SourceReader();
  return async (file) => {
    const source = reader.read(file, (bytes) => mayImportCatalogModule(analyzer.catalog, bytes));
    if ('skipped' in source) {
      process.stderr.write(`${file}: skipped: ${source.skipped}\n`);
      return { findings: [], diff: '' };
    }
    if ('unneeded' in source) return { findings: [], diff: '' };
    const analysis = command.fix ? await fixText(source.text, (text) => analyzer.analyze(file, text)) : await analyzer.analyze(file, source.text);
    let diff = '';
    if (analysis.text !== source.text) {
      if (command.diff) diff = unifiedDiff(file, source.text, analysis.text);
      else writeSource(source, analysis.text);
    }
    return { findings: reportedFindings(file, analysis), diff };
  };
}
