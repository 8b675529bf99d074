/**
 * PG501: connection pooling lost where a call repeats. A function that builds a throwaway pool
 * for each request, or a new client, is reported where it runs repeatedly (a loop, a function
 * called from a loop, a coroutine, a route or task handler) or where one function makes two or
 * more such calls; the message says why it repeats. A one-off request function is only a hint;
 * a one-off client, or one kept for reuse (stored, returned), is what it should be: not reported.
 */
import type { CallPlace, Finding, Repetition } from '../types';
import { calleeText, finding, type Check, type CheckContext } from './context';

export const clientPerRequest: Check = (ctx) => {
  // A client that is stored, returned or made only when missing is there to be reused.
  const candidates = ctx.calls.filter((call) => call.callable.poolPerCall || (call.callable.kind === 'client' && !ctx.placeOf(call).kept));
  // Several request functions in one function could share one client; several clients are usually different ones.
  const linesByFunction = new Map<number, number[]>();
  for (const call of candidates) {
    const { functionStart: start, functionName } = ctx.placeOf(call);
    if (start !== undefined && call.callable.poolPerCall && !functionName?.startsWith('test')) linesByFunction.set(start, [...(linesByFunction.get(start) ?? []), lineOf(ctx.text, call.span.start)]);
  }
  const findings: Finding[] = [];
  for (const call of candidates) {
    const place = ctx.placeOf(call);
    const siblings = place.functionStart === undefined || !call.callable.poolPerCall ? [] : (linesByFunction.get(place.functionStart) ?? []);
    const why = place.repeats ? repetitionText(ctx, place.repeats) : siblings.length > 1 ? severalText(place, siblings) : undefined;
    const name = calleeText(ctx, call);
    if (call.callable.poolPerCall) {
      const message = why
        ? `${name}() opens a new connection pool for each request and closes it, and this one ${why}: no connection is reused; send these requests through one client made once.`
        : `${name}() opens a connection pool for this one request; that costs nothing extra if it runs once, but if this code runs repeatedly, send the requests through one client.`;
      findings.push(finding('PG501', call, call.calleeSpan, message, why ? {} : { severity: 'hint' }));
    } else if (why) {
      const message = `${name}() builds a new client, with its own pool, and it ${why}: connections are never reused between runs; build it once and share it.`;
      findings.push(finding('PG501', call, call.calleeSpan, message));
    }
  }
  return findings;
};

function repetitionText(ctx: CheckContext, repeats: Repetition): string {
  switch (repeats.kind) {
    case 'loop':
      return `runs once per iteration of the loop at line ${lineOf(ctx.text, repeats.loopStart)}`;
    case 'called-from-loop':
      return `runs on every call of \`${repeats.functionName}\`, which the loop at line ${lineOf(ctx.text, repeats.loopStart)} calls once per iteration`;
    case 'coroutine':
      return `runs on every call of the coroutine \`${repeats.functionName}\` (a handler runs once per request)`;
    case 'handler':
      return repeats.runsOn === 'request' ? `runs on every request to this route (\`${repeats.decorator}\`)` : `runs every time this task runs (\`${repeats.decorator}\`)`;
  }
}

function severalText(place: CallPlace, lines: readonly number[]): string {
  return `is one of ${lines.length} such calls in \`${place.functionName}\` (lines ${lines.join(', ')})`;
}

/** The 1-based line of an offset, for messages. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
