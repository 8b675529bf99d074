/**
 * Hover entry point: on a catalogued callee, its configuration card; on a catalogued option
 * keyword, the option card; on a fan-out, thread pool or semaphore whose tasks share a client, the
 * concurrency card; anywhere else, nothing. Only the calls around the offset are bound,
 * unless a card needs every call of the file (see analysis/analyze.ts, LazyAnalysis).
 */
import type { Catalog } from '../../catalog';
import { completedAnalysis, type Analysis, type LazyAnalysis } from '../analysis/analyze';
import type { BoundCall, TextSpan } from '../types';
import { calleeCard } from './calleeCard';
import { concurrencyHover, mayNameConstruct } from './concurrencyCard';
import { optionCard } from './optionCard';

export type Hover = { readonly span: TextSpan; readonly markdown: string };

/** The hover at a UTF-16 offset, or undefined. */
export function hoverAt(analysis: Analysis | LazyAnalysis, offset: number, catalog: Catalog): Hover | undefined {
  const lazy = 'complete' in analysis ? analysis : completedAnalysis(analysis);
  const around = lazy.callsAround(offset);
  const callee = innermost(around.filter((call) => contains(call.calleeSpan, offset)));
  if (callee) return { span: callee.calleeSpan, markdown: calleeCard(callee, lazy, catalog) };
  for (const call of around) {
    if (!contains(call.argumentsSpan, offset)) continue;
    const arg = call.args.find((candidate) => candidate.keywordSpan && candidate.param && contains(candidate.keywordSpan, offset));
    if (arg?.keywordSpan) return { span: arg.keywordSpan, markdown: optionCard(call, arg, lazy, catalog) };
  }
  return mayNameConstruct(lazy.text, offset) ? concurrencyHover(lazy.complete(), offset) : undefined;
}

function contains(span: TextSpan, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function innermost(calls: readonly BoundCall[]): BoundCall | undefined {
  return calls.reduce<BoundCall | undefined>((best, call) => (!best || call.span.start >= best.span.start ? call : best), undefined);
}
