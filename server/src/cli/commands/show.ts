/**
 * `pool-guide show [PATH...]`: for every call of a client, transport or request function, its
 * card and then its findings with their fixes (what `npm start` prints for examples/): rendered
 * for the terminal (default), as Markdown (`--format markdown`) or as JSON data (`--format json`).
 */
import * as fs from 'fs';
import { UsageError, type ShowCommand } from '../args';
import { createFileAnalyzer } from '../analyzer';
import { pythonFiles } from '../files';
import { painter, terminalWidth } from '../format/paint';
import { readFiles } from '../scan';
import { reportSkipped } from '../sourceFile';
import { showData, showMarkdown, showTerminal } from '../show/renderShown';
import { shownCalls, type ShownCall } from '../show/shownCalls';

export async function runShow(command: ShowCommand): Promise<number> {
  const roots = command.paths.length > 0 ? command.paths : ['.'];
  const missing = roots.find((root) => !fs.existsSync(root));
  if (missing !== undefined) throw new UsageError(`no such file or directory: ${missing}`);
  const files = roots.flatMap((root) => pythonFiles(root));
  const sources = readFiles(files, false);
  const analyzer = createFileAnalyzer({}, { roots, files });
  const render = renderer(command);
  const data: object[] = [];
  // Bytes that name no catalogued module hold no call to show.
  for (const source of sources) {
    const file = source.path;
    if ('skipped' in source) reportSkipped(file, source.skipped);
    else if ('text' in source) {
      const calls = shownCalls(file, await analyzer.analyze(file, source.text), analyzer.catalog);
      if (render) process.stdout.write(calls.map(render).join(''));
      else data.push(...calls.map(showData));
    }
  }
  if (!render) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  return 0;
}

/** How one call is written out as the files are read; undefined for JSON, written as one array at the end. */
function renderer(command: ShowCommand): ((call: ShownCall) => string) | undefined {
  switch (command.format) {
    case 'markdown':
      return showMarkdown;
    case 'json':
      return undefined;
    case 'terminal': {
      const paint = painter(process.stdout);
      const width = terminalWidth(process.stdout);
      return (call) => showTerminal(call, width, paint);
    }
  }
}
