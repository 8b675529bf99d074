/**
 * `pool-guide check`: analyse every Python file under the paths and report the findings in the
 * chosen format; with `--fix`, first apply the safe fixes (or, with `--diff`, print them).
 * Exit code 0 without findings, 1 with findings (or, with `--diff`, with changes to make; with
 * `--exit-non-zero-on-fix`, when a file was changed), 0 whatever there is with `--exit-zero`.
 * Outcomes of unchanged files come from the result cache (cache/resultCache.ts) unless `--no-cache`.
 */
import * as fs from 'fs';
import { UsageError, type CheckCommand } from '../args';
import { createFileAnalyzer } from '../analyzer';
import { openResultCache } from '../cache/resultCache';
import type { CachedResult } from '../cache/store';
import { createFileChecker } from '../checkFile';
import { pythonFiles } from '../files';
import { formatConcise } from '../format/concise';
import { formatFull } from '../format/full';
import { formatGithub } from '../format/github';
import { formatGitlab } from '../format/gitlab';
import { formatJson } from '../format/json';
import { painter } from '../format/paint';
import { formatSarif } from '../format/sarif';
import { formatStatistics, ruleCounts, summaryLine } from '../format/summary';
import type { ReportedFinding } from '../report';
import { readFiles } from '../scan';
import type { ReadFile } from '../sourceFile';

type Report = { readonly findings: readonly ReportedFinding[]; readonly texts: ReadonlyMap<string, string>; readonly fixed: number };

export async function runCheck(command: CheckCommand, toolVersion: string): Promise<number> {
  const missing = command.paths.find((root) => !fs.existsSync(root));
  if (missing !== undefined) throw new UsageError(`no such file or directory: ${missing}`);
  const files = command.paths.flatMap((root) => pythonFiles(root, command.forceExclude));
  const tree = { roots: command.paths, files };
  const analyzer = createFileAnalyzer({ select: command.select, ignore: command.ignore }, tree);
  const cache = openResultCache({ command, analyzer, tree, toolVersion });
  // The files the cache answers, looked up before any is read; the others are read in order (see scan.ts).
  const kept = new Map<string, CachedResult>();
  for (const file of cache ? files : []) {
    const result = cache!.lookup(file);
    if (result) kept.set(file, result);
  }
  const sources = readFiles(kept.size === 0 ? files : files.filter((file) => !kept.has(file)), cache !== undefined);
  const checkFile = createFileChecker(command, analyzer);
  const check = async (file: string) => {
    const result = kept.get(file);
    if (result) return cache!.replay(file, result);
    const checked = await checkFile(sources.next().value as ReadFile);
    cache?.remember(file, checked);
    return checked;
  };
  const findings: ReportedFinding[] = [];
  const texts = new Map<string, string>();
  let diffs = '';
  let fixed = 0;
  for (const file of files) {
    const outcome = await check(file);
    findings.push(...outcome.findings);
    if (outcome.text !== undefined) texts.set(file, outcome.text);
    diffs += outcome.diff;
    fixed += outcome.fixed;
  }
  cache?.save();
  if (command.diff) {
    process.stdout.write(diffs);
    return diffs !== '' && !command.exitZero ? 1 : 0;
  }
  process.stdout.write(output(command, { findings, texts, fixed }, toolVersion));
  if (command.exitZero) return 0;
  return findings.length > 0 || (command.exitNonZeroOnFix && fixed > 0) ? 1 : 0;
}

function output(command: CheckCommand, report: Report, toolVersion: string): string {
  const { findings, texts } = report;
  const sourceOf = (path: string) => texts.get(path);
  switch (command.format) {
    case 'json':
      return command.statistics ? `${JSON.stringify(ruleCounts(findings), null, 2)}\n` : formatJson(findings);
    case 'sarif':
      return formatSarif(findings, toolVersion, process.cwd());
    case 'github':
      return formatGithub(findings, process.cwd());
    case 'gitlab':
      return formatGitlab(findings, sourceOf, process.env.CI_PROJECT_DIR || process.cwd());
    case 'full':
    case 'concise': {
      const paint = painter(process.stdout);
      const body = command.statistics ? formatStatistics(findings, paint) : command.format === 'full' ? formatFull(findings, sourceOf, paint) : formatConcise(findings, paint);
      return command.quiet ? body : `${body}${summaryLine(findings, report.fixed)}`;
    }
  }
}
