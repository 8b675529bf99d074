/**
 * Words shared by PG601, PG602 and the concurrency hovers: how many run at once, which client they
 * share (by its construction and line), and what its pool does with the requests beyond its size.
 */
import type { Concurrency, ConcurrentUse } from '../analysis/concurrency/types';
import type { PoolCapacity } from '../config/poolCapacity';
import { lineIndex } from '../text/lines';

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return lineIndex(text).lineOf(offset) + 1;
}

/** `` `httpx.AsyncClient` (line 4) `` for the construction of a shared client. */
export function clientWords(text: string, use: ConcurrentUse): string {
  return `\`${text.slice(use.client.calleeSpan.start, use.client.calleeSpan.end)}\` (line ${lineOf(text, use.client.span.start)})`;
}

/** Threads for a thread pool or executor, tasks for coroutines. */
export function unitWord(use: ConcurrentUse): string {
  const kind = use.site.construct.kind;
  return use.concurrency.kind === 'cpu' || kind === 'executor' || kind === 'loop-executor' || kind === 'to-thread' ? 'threads' : 'tasks';
}

/** `8 threads (max_workers=8)`, `up to 32 threads (by CPU count: …)`, `tasks without bound (one per item of urls)`. */
export function concurrencyWords(concurrency: Concurrency, unit: string): string {
  switch (concurrency.kind) {
    case 'known':
      return `${concurrency.value} ${unit} (${concurrency.text})`;
    case 'cpu':
      return concurrency.cap === undefined ? `one ${unit.replace(/s$/, '')} per CPU (${concurrency.text})` : `up to ${concurrency.cap} ${unit} (${concurrency.text})`;
    case 'unbounded':
      return `${unit} without bound (${concurrency.text})`;
    case 'unknown':
      return `an unknown number of ${unit} (${concurrency.reason})`;
  }
}

/** How much a concurrency exceeds a pool: the extra count, and for a CPU-count default the fewest CPUs at which it does. */
export function excess(concurrency: Concurrency, cap: number): { readonly top: number; readonly fromCpus?: number } | undefined {
  if (concurrency.kind === 'known') return concurrency.value > cap ? { top: concurrency.value } : undefined;
  if (concurrency.kind !== 'cpu' || concurrency.cap === undefined || concurrency.cap <= cap) return undefined;
  return { top: concurrency.cap, fromCpus: Math.max(1, cap - concurrency.add + 1) };
}

/** `pool_maxsize=10 connections per host (soft cap: …)` style words for a pool. */
export function poolWords(capacity: Extract<PoolCapacity, { kind: 'queue' | 'soft' }>): string {
  const scope = capacity.kind === 'queue' ? capacity.poolWait.capScope : capacity.scope;
  return `\`${capacity.capName}\` = ${capacity.cap} connection${capacity.cap === 1 ? '' : 's'} ${scope}`;
}

