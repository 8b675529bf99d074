/**
 * `pool-guide hover FILE:LINE:COL`: the hover card (Markdown) at a 1-based line and column, as
 * the editor would show it: names imported from other modules of the workspace (`--root`, else the
 * working directory when FILE is under it, else FILE's folder) resolve through the same index as
 * `show` and `check` build. Exit 1 when there is no card there.
 */
import * as fs from 'fs';
import * as path from 'path';
import { hoverAt } from '../../core/hover/hover';
import { UsageError } from '../args';
import { createFileAnalyzer } from '../analyzer';
import { pythonFiles } from '../files';
import { readSource } from '../sourceFile';

export async function runHover(file: string, line: number, column: number, root?: string): Promise<number> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  if (root !== undefined && !(fs.existsSync(root) && fs.statSync(root).isDirectory())) throw new UsageError(`--root: no such directory: ${root}`);
  const source = readSource(file);
  if ('skipped' in source) throw new UsageError(`${file}: ${source.skipped}`);
  const lines = source.text.split('\n');
  if (line > lines.length || column > lines[line - 1].length + 1) throw new UsageError(`${file}:${line}:${column} is outside the file`);
  const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  const workspace = root ?? workspaceOf(file);
  // The file itself is part of the workspace even where the walk skips it (ignored, or in a cache folder).
  const files = [...new Set([...pythonFiles(workspace), file].map((each) => path.resolve(each)))];
  const analyzer = createFileAnalyzer({}, { roots: [workspace], files });
  const hover = hoverAt(await analyzer.analyze(file, source.text), offset, analyzer.catalog);
  if (!hover) {
    process.stderr.write(`pool-guide: no hover card at ${file}:${line}:${column}\n`);
    return 1;
  }
  process.stdout.write(`${hover.markdown}\n`);
  return 0;
}

/** The working directory when the file is under it (as an editor opened there), else the file's folder. */
function workspaceOf(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.dirname(file) : '.';
}
