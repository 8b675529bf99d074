/**
 * `pool-guide show [PATH...]`: for every call of a client, transport or request function, its
 * hover card and then its findings with their fixes (what `npm start` prints for examples/).
 */
import * as fs from 'fs';
import type { Analysis } from '../../core/analysis/analyze';
import type { Catalog } from '../../catalog';
import { hoverAt } from '../../core/hover/hover';
import { lineIndex } from '../../core/text/lines';
import { UsageError } from '../args';
import { createFileAnalyzer } from '../analyzer';
import { pythonFiles } from '../files';
import { mayImportCatalogModule, SourceReader } from '../sourceFile';


export async function runShow(paths: readonly string[]): Promise<number> {
  const roots = paths.length > 0 ? paths : ['.'];
  const missing = roots.find((root) => !fs.existsSync(root));
  if (missing !== undefined) throw new UsageError(`no such file or directory: ${missing}`);
  const analyzer = createFileAnalyzer();
  const reader = new SourceReader();
  for (const file of roots.flatMap(pythonFiles)) {
    // Bytes that name no catalogued module hold no call to show.
    const source = reader.read(file, (bytes) => mayImportCatalogModule(analyzer.catalog, bytes));
    if ('skipped' in source) process.stderr.write(`${file}: skipped: ${source.skipped}\n`);
    else if ('text' in source) process.stdout.write(showFile(file, await analyzer.analyze(file, source.text), analyzer.catalog));
  }
  return 0;
}

function showFile(file: string, analysis: Analysis, catalog: Catalog): string {
  const lines = lineIndex(analysis.text);
  const out: string[] = [];
  for (const call of analysis.calls) {
    if (call.callable.kind === 'config') continue;
    const { line, character } = lines.positionOf(call.calleeSpan.start);
    // The end of the callee: in `c.with_options(...).chat.create(...)` the start is also the inner call's.
    const hover = hoverAt(analysis, call.calleeSpan.end, catalog);
    out.push(`── ${file}:${line + 1}:${character + 1}  ${analysis.text.slice(call.calleeSpan.start, call.calleeSpan.end)}(...)\n`);
    if (hover) out.push(`${hover.markdown}\n`);
    const inside = analysis.findings.filter((finding) => finding.span.start >= call.span.start && finding.span.end <= call.span.end);
    for (const finding of inside) {
      const position = lines.positionOf(finding.span.start);
      out.push(`  ⚠ ${finding.code} (${finding.severity}) line ${position.line + 1}: ${finding.message}\n`);
      for (const fix of finding.fixes) out.push(`    fix${fix.safe ? '' : ' (changes behaviour)'}: ${fix.title}\n`);
    }
    out.push('\n');
  }
  return out.join('');
}
