/**
 * Hover helpers for the core tests: the card at a place in a snippet, and one table row of a card.
 */
import assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../server/src/core/analysis/analyze';
import { hoverAt } from '../../server/src/core/hover/hover';
import { analyzeText, offsetOf, testEngine } from './engine';

/** The hover markdown at the `occurrence`-th `needle` (plus `delta`), or undefined. */
export async function hoverText(source: string, needle: string, delta = 1, occurrence = 0, options: AnalysisOptions = {}): Promise<string | undefined> {
  const analysis = await analyzeText(source, options);
  return hoverAt(analysis, offsetOf(source, needle, delta, occurrence), (await testEngine()).catalog)?.markdown;
}

/** The table row of a field in a card, e.g. `| \`pool\` | 5.0 s | ... |`; fails when there is none. */
export function row(markdown: string | undefined, field: string): string {
  const line = markdown?.split('\n').find((candidate) => candidate.startsWith(`| \`${field}\` |`));
  assert.ok(line, `no row for ${field} in:\n${markdown}`);
  return line;
}
