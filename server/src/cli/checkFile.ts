/**
 * `check` on one file: read (bytes that name no catalogued module are only validated), analyse,
 * fix when asked (writing the file, or making its diff), and report. Each outcome comes with what
 * it rests on (the digest of the bytes read, and what the analysis read besides), which the result
 * cache (cache/) keeps to answer the next run without reading the file.
 */
import type { CheckCommand } from './args';
import type { AnalysisReads, FileAnalyzer } from './analyzer';
import { contentDigest } from './cache/digest';
import { fixText, unifiedDiff } from './fix';
import { reportedFindings, type ReportedFinding } from './report';
import { mayImportCatalogModule, SourceReader, writeSource } from './sourceFile';

export type FileOutcome = {
  readonly findings: readonly ReportedFinding[];
  /** With `--fix --diff`: the file's unified diff ('' when unchanged). */
  readonly diff: string;
  /** How many findings `--fix` resolved in the file. */
  readonly fixed: number;
  /** The (fixed) text, kept only when there are findings to show it with. */
  readonly text?: string;
};

/** What an outcome rests on besides the run's options: the file's bytes, and what its analysis read. */
export type OutcomeBasis = {
  readonly digest: string;
  /** Why the file was skipped, for a reason its bytes decide (not UTF-8). */
  readonly skipped?: string;
  readonly reads: AnalysisReads;
  /** Whether the outcome is of another text than the file's: `--fix --diff` made a diff. */
  readonly changed: boolean;
  /** `--fix` rewrote the file: the outcome is that of its new bytes (`digest`), which a stat taken now describes. */
  readonly rewritten?: true;
};

/** An outcome, and its basis unless the file could not be read. */
export type CheckedFile = FileOutcome & { readonly basis?: OutcomeBasis };

const NOTHING: FileOutcome = { findings: [], diff: '', fixed: 0 };

/** A checker for a whole run: one analyzer (one parser, loaded on the first file that needs it) and one read buffer. */
export function createFileChecker(command: CheckCommand, analyzer: FileAnalyzer): (file: string) => Promise<CheckedFile> {
  const reader = new SourceReader();
  return async (file) => {
    let digest = '';
    const source = reader.read(file, (bytes) => {
      digest = contentDigest(bytes);
      return mayImportCatalogModule(analyzer.catalog, bytes);
    });
    const reads: AnalysisReads = { consulted: false, summaries: new Set() };
    if ('skipped' in source) {
      reportSkipped(file, source.skipped);
      return digest === '' ? NOTHING : { ...NOTHING, basis: { digest, skipped: source.skipped, reads, changed: false } };
    }
    if ('unneeded' in source) return { ...NOTHING, basis: { digest, reads, changed: false } };
    const analyze = (text: string) => analyzer.analyze(file, text, reads);
    const { analysis, fixed } = command.fix ? await fixText(source.text, analyze) : { analysis: await analyze(source.text), fixed: 0 };
    let diff = '';
    let basis: OutcomeBasis = { digest, reads, changed: false };
    if (analysis.text !== source.text) {
      if (command.diff) {
        diff = unifiedDiff(file, source.text, analysis.text);
        basis = { ...basis, changed: true };
      } else {
        writeSource(source, analysis.text);
        // The bytes writeSource wrote: the text in UTF-8, after the byte-order mark the file had.
        basis = { ...basis, digest: contentDigest((source.bom ? '\ufeff' : '') + analysis.text), rewritten: true };
      }
    }
    const findings = reportedFindings(file, analysis);
    return { findings, diff, fixed, text: findings.length > 0 ? analysis.text : undefined, basis };
  };
}

/** The line a skipped file gets on stderr (the same whether it was read now or its outcome was cached). */
export function reportSkipped(file: string, reason: string): void {
  process.stderr.write(`${file}: skipped: ${reason}\n`);
}
