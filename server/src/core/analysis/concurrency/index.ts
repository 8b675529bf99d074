/**
 * The concurrency analysis: for every fan-out of the module (thread pools, `gather`, task groups,
 * the default executor), which shared clients its tasks send requests through, and how many of
 * those requests can be in flight at once (the fan-out's width, bounded by the limiters held around
 * them). Runs only when the module imports a module that holds a concurrency construct.
 */
import { CONCURRENCY_MODULES } from '../../../catalog/concurrency';
import type { ConcurrencyContext } from './context';
import { collectSites } from './sites';
import { product } from './tasks';
import { traceWorker, type TracedRequest } from './trace';
import type { Concurrency, ConcurrentUse } from './types';
import { tighter } from './width';

export type { ConcurrencyContext } from './context';

export function collectConcurrentUses(ctx: ConcurrencyContext): ConcurrentUse[] {
  const imported = [...ctx.imports.names.values(), ...ctx.imports.wildcardModules].some((name) => CONCURRENCY_MODULES.has(name.split('.')[0]));
  if (!imported || ctx.bound.length === 0) return [];
  const uses: ConcurrentUse[] = [];
  for (const { site, workers } of collectSites(ctx)) {
    const byClient = new Map<object, { requests: TracedRequest[]; widths: Concurrency[] }>();
    for (const worker of workers) {
      const width = worker.bound ? tighter(site.width, worker.bound) : site.width;
      for (const request of traceWorker(worker, ctx)) {
        const entry = byClient.get(request.client) ?? { requests: [], widths: [] };
        entry.requests.push(request);
        const limited = request.limiters.reduce((bound, limiter) => tighter(bound, limiter.size), width);
        entry.widths.push(request.perCall ? product(limited, request.perCall) : limited);
        byClient.set(request.client, entry);
      }
    }
    for (const { requests, widths } of byClient.values()) {
      const worst = widest(widths);
      const request = requests[widths.indexOf(worst)];
      const spans = [...new Map(requests.map((each) => [each.span.start, each.span])).values()];
      uses.push({ site, client: request.client, requests: spans, limiters: request.limiters, concurrency: worst });
    }
  }
  return uses;
}

/** The largest of several bounds on the same client: unbounded, then the highest known number; unknown only when nothing else is. */
function widest(widths: readonly Concurrency[]): Concurrency {
  const rank = (width: Concurrency) => (width.kind === 'unbounded' ? Infinity : width.kind === 'known' ? width.value : width.kind === 'cpu' ? (width.cap ?? Infinity) : -1);
  return widths.reduce((best, width) => (rank(width) > rank(best) ? width : best));
}
