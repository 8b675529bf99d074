/**
 * `pool-guide`: the same analysis as the editor, on files.
 *   pool-guide check [PATH...]   findings as `path:line:col: CODE message`; exit 1 when there are any
 *   pool-guide show [PATH...]    for every catalogued construction: its hover card and its findings
 * Exit codes: 0 clean, 1 findings, 2 bad usage or paths.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ParsedDocument, type AnalysisEngine } from '../core/document';
import { createEngine } from '../core/engine';
import { hoverAt } from '../core/hover/hover';
import { lineIndex } from '../core/text/lines';
import type { Analysis } from '../core/analysis/analyze';
import { pythonFiles } from './files';

const USAGE = 'usage: pool-guide check [PATH...] | pool-guide show [PATH...]';

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'check' && command !== 'show') throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  const unknownOption = rest.find((arg) => arg.startsWith('-'));
  if (unknownOption) throw new UsageError(`unknown option '${unknownOption}'`);
  const roots = rest.length > 0 ? rest : ['.'];
  const missing = roots.find((root) => !fs.existsSync(root));
  if (missing) throw new UsageError(`no such file or directory: ${missing}`);
  const engine = await createEngine({ runtime: path.join(__dirname, 'web-tree-sitter.wasm'), grammar: path.join(__dirname, 'tree-sitter-python.wasm') });
  let problems = 0;
  for (const file of roots.flatMap(pythonFiles)) {
    const analysis = analyzeFile(engine, file);
    if (!analysis) continue;
    problems += analysis.findings.length;
    process.stdout.write(command === 'check' ? findingLines(file, analysis) : showFile(file, analysis, engine));
  }
  if (command === 'check') process.stdout.write(problems === 0 ? 'No problems found.\n' : `Found ${problems} problem${problems === 1 ? '' : 's'}.\n`);
  return problems > 0 && command === 'check' ? 1 : 0;
}

function analyzeFile(engine: AnalysisEngine, file: string): Analysis | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch (error) {
    process.stderr.write(`${file}: skipped: ${error instanceof TypeError ? 'not valid UTF-8' : String(error)}\n`);
    return undefined;
  }
  const document = new ParsedDocument(engine, text);
  const analysis = document.analysis();
  document.dispose();
  return analysis;
}

function findingLines(file: string, analysis: Analysis): string {
  const lines = lineIndex(analysis.text);
  return analysis.findings
    .map((finding) => {
      const { line, character } = lines.positionOf(finding.span.start);
      const fixable = finding.fixes.some((fix) => fix.safe) ? ' [fix available]' : '';
      return `${file}:${line + 1}:${character + 1}: ${finding.code} ${finding.message}${fixable}\n`;
    })
    .join('');
}

/** For every call of a client, transport or request function: the hover card, then its findings. */
function showFile(file: string, analysis: Analysis, engine: AnalysisEngine): string {
  const lines = lineIndex(analysis.text);
  const out: string[] = [];
  for (const call of analysis.calls) {
    if (call.callable.kind === 'config') continue;
    const { line, character } = lines.positionOf(call.calleeSpan.start);
    const hover = hoverAt(analysis, call.calleeSpan.start, engine.catalog);
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof UsageError ? `pool-guide: ${error.message}\n${USAGE}\n` : `pool-guide: ${String(error)}\n`);
    process.exit(2);
  },
);
