/**
 * One analysis engine for the unit tests, loaded from the wasm files in node_modules, and small
 * helpers that analyse a snippet and find offsets in it.
 */
import { createEngine } from '../../server/src/core/engine';
import { ParsedDocument, type AnalysisEngine } from '../../server/src/core/document';
import type { Analysis, AnalysisOptions } from '../../server/src/core/analysis/analyze';

export const WASM_PATHS = {
  runtime: require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  grammar: require.resolve('tree-sitter-python/tree-sitter-python.wasm'),
};

let engine: Promise<AnalysisEngine> | undefined;

export function testEngine(): Promise<AnalysisEngine> {
  engine ??= createEngine(WASM_PATHS);
  return engine;
}

/** Analyses Python source text. */
export async function analyzeText(text: string, options: AnalysisOptions = {}): Promise<Analysis> {
  const document = new ParsedDocument(await testEngine(), text);
  const analysis = document.analysis(options);
  document.dispose();
  return analysis;
}

/** The offset of the `occurrence`-th (0-based) `needle` in `text`, plus `delta`; throws if absent. */
export function offsetOf(text: string, needle: string, delta = 0, occurrence = 0): number {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" not found in fixture`);
  }
  return index + delta;
}
