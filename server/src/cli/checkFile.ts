/**
 * `check` on one file, read (scan.ts: bytes that name no catalogued module are only validated):
 * analyse, fix when asked (writing the file, or making its diff), and report. In a run with a
 * result cache each outcome comes with what it rests on (the digest of the bytes read, and what the
 * analysis read besides), which the cache (cache/) keeps to answer the next run without reading.
 */
import type { CheckCommand } from './args';
import type { AnalysisReads, FileAnalyzer } from './analyzer';
import { contentDigest } from './cache/digest';
import { fixText, unifiedDiff } from './fix';
import { reportedFindings, type ReportedFinding } from './report';
import { reportSkipped, writeSource, type ReadFile } from './sourceFile';

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

/** An outcome, and its basis when the file's bytes were read with their digest (a run with a result cache). */
export type CheckedFile = FileOutcome & { readonly basis?: OutcomeBasis };

/** The outcome of a file with nothing to report or change. */
export const NOTHING: FileOutcome = { findings: [], diff: '', fixed: 0 };

/** A checker for a whole run's files as read (with their digests when a result cache is open): one analyzer (one parser, loaded on the first file that needs it). */
export function createFileChecker(command: CheckCommand, analyzer: FileAnalyzer): (source: ReadFile) => Promise<CheckedFile> {
  return async (source) => {
    const { path: file, digest } = source;
    const reads: AnalysisReads = { consulted: false, summaries: new Set() };
    if ('skipped' in source) {
      reportSkipped(file, source.skipped);
      return digest === undefined ? NOTHING : { ...NOTHING, basis: { digest, skipped: source.skipped, reads, changed: false } };
    }
    if ('unneeded' in source) return digest === undefined ? NOTHING : { ...NOTHING, basis: { digest, reads, changed: false } };
    const analyze = (text: string) => analyzer.analyze(file, text, reads);
    const { analysis, fixed } = command.fix ? await fixText(source.text, analyze) : { analysis: await analyze(source.text), fixed: 0 };
    let diff = '';
    let basis: OutcomeBasis | undefined = digest === undefined ? undefined : { digest, reads, changed: false };
    if (analysis.text !== source.text) {
      if (command.diff) {
        diff = unifiedDiff(file, source.text, analysis.text);
        basis &&= { ...basis, changed: true };
      } else {
        writeSource(source, analysis.text);
        // The bytes writeSource wrote: the text in UTF-8, after the byte-order mark the file had.
        basis &&= { ...basis, digest: contentDigest((source.bom ? '\ufeff' : '') + analysis.text), rewritten: true };
      }
    }
    const findings = reportedFindings(file, analysis);
    const outcome = { findings, diff, fixed, text: findings.length > 0 ? analysis.text : undefined };
    return basis ? { ...outcome, basis } : outcome;
  };
}
