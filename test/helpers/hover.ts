/**
 * Hover helpers for the core tests: the card at a place in a snippet, as the server answers it
 * (binding only the calls around the cursor), and one table row of a card.
 */
import assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../server/src/core/analysis/analyze';
import { ParsedDocument } from '../../server/src/core/document';
import { hoverAt } from '../../server/src/core/hover/hover';
import { offsetOf, testEngine } from './engine';

/** The hover markdown at the `occurrence`-th `needle` (plus `delta`), or undefined. */
export async function hoverText(source: string, needle: string, delta = 1, occurrence = 0, options: AnalysisOptions = {}): Promise<string | undefined> {
  return hoverTextAt(source, offsetOf(source, needle, delta, occurrence), options);
}

/** The hover markdown at a UTF-16 offset of a snippet, or undefined. */
export async function hoverTextAt(source: string, offset: number, options: AnalysisOptions = {}): Promise<string | undefined> {
  const engine = await testEngine();
  const document = new ParsedDocument(engine, source);
  try {
    return hoverAt(document.lazyAnalysis(options), offset, engine.catalog)?.markdown;
  } finally {
    document.dispose();
  }
}

/** The table row of a field in a card, e.g. `| \`pool\` | 5.0 s | ... |`; fails when there is none. */
export function row(markdown: string | undefined, field: string): string {
  const line = markdown?.split('\n').find((candidate) => candidate.startsWith(`| \`${field}\` |`));
  assert.ok(line, `no row for ${field} in:\n${markdown}`);
  return line;
}
