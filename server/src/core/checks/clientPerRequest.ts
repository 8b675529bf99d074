/**
 * PG501: connection pooling lost, either through a function that builds a throwaway pool for each
 * request, or through a client constructed once per loop iteration.
 */
import type { Finding } from '../types';
import { calleeText, finding, type Check } from './context';

export const clientPerRequest: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    const name = calleeText(ctx, call);
    if (call.callable.poolPerCall) {
      const message = `${name}() opens a new connection pool for this one request and closes it, so no connection is reused; send repeated requests through one client.`;
      findings.push(finding('PG501', call, call.calleeSpan, message));
    } else if (call.callable.kind === 'client' && call.inLoop) {
      const message = `${name}() is built on every iteration: each one opens its own pool, so connections are never reused across iterations; build it once outside the loop.`;
      findings.push(finding('PG501', call, call.calleeSpan, message));
    }
  }
  return findings;
};
