/**
 * `pool-guide hover FILE:LINE:COL`: the hover card (Markdown) at a 1-based line and column, as
 * the editor would show it. Exit 1 when there is no card there.
 */
import * as fs from 'fs';
import { hoverAt } from '../../core/hover/hover';
import { UsageError } from '../args';
import { createFileAnalyzer } from '../analyzer';
import { readSource } from '../sourceFile';

export async function runHover(file: string, line: number, column: number): Promise<number> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  const source = readSource(file);
  if ('skipped' in source) throw new UsageError(`${file}: ${source.skipped}`);
  const lines = source.text.split('\n');
  if (line > lines.length || column > lines[line - 1].length + 1) throw new UsageError(`${file}:${line}:${column} is outside the file`);
  const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  const analyzer = createFileAnalyzer();
  const hover = hoverAt(await analyzer.analyze(file, source.text), offset, analyzer.catalog);
  if (!hover) {
    process.stderr.write(`pool-guide: no hover card at ${file}:${line}:${column}\n`);
    return 1;
  }
  process.stdout.write(`${hover.markdown}\n`);
  return 0;
}
