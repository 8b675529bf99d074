/**
 * Hover entry point: on a catalogued callee, its configuration card; on a catalogued option
 * keyword, the option card; anywhere else, nothing.
 */
import type { Catalog } from '../../catalog';
import type { Analysis } from '../analysis/analyze';
import type { BoundCall, TextSpan } from '../types';
import { calleeCard } from './calleeCard';
import { optionCard } from './optionCard';

export type Hover = { readonly span: TextSpan; readonly markdown: string };

/** The hover at a UTF-16 offset, or undefined. */
export function hoverAt(analysis: Analysis, offset: number, catalog: Catalog): Hover | undefined {
  const callee = innermost(analysis.calls.filter((call) => contains(call.calleeSpan, offset)));
  if (callee) return { span: callee.calleeSpan, markdown: calleeCard(callee, analysis, catalog) };
  for (const call of analysis.calls) {
    if (!contains(call.argumentsSpan, offset)) continue;
    const arg = call.args.find((candidate) => candidate.keywordSpan && candidate.param && contains(candidate.keywordSpan, offset));
    if (arg?.keywordSpan) return { span: arg.keywordSpan, markdown: optionCard(call, arg, analysis, catalog) };
  }
  return undefined;
}

function contains(span: TextSpan, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function innermost(calls: readonly BoundCall[]): BoundCall | undefined {
  return calls.reduce<BoundCall | undefined>((best, call) => (!best || call.span.start >= best.span.start ? call : best), undefined);
}
