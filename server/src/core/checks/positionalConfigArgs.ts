/**
 * PG102: positional arguments of a callable whose parameter order is easy to misread or changed
 * between versions. The fix writes each as `name=value`, by the order of the version in use.
 */
import type { Finding } from '../types';
import { calleeText, finding, type Check } from './context';

export const positionalConfigArgs: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    if (!call.callable.positionalIsAmbiguous) continue;
    const positional = call.args.filter((arg) => arg.position !== undefined);
    if (positional.length === 0) continue;
    const bindable = positional.every((arg) => arg.name !== undefined);
    const named = positional.map((arg) => `${arg.name}=${arg.expr.text}`);
    const message = `${calleeText(ctx, call)}(...) takes ${positional.length === 1 ? 'an argument' : `${positional.length} arguments`} by position; in ${call.library.displayName} ${call.version} ${bindable ? `that means ${named.join(', ')}` : 'there are more than it accepts'}, and ${call.callable.positionalAmbiguity ?? 'the order changed between versions'}.`;
    const span = { start: positional[0].span.start, end: positional[positional.length - 1].span.end };
    const fixes = bindable
      ? [{ title: `Use keywords: \`${calleeText(ctx, call)}(${named.join(', ')})\``, edits: positional.map((arg, index) => ({ span: arg.span, newText: named[index] })), safe: true, preferred: true }]
      : [];
    findings.push(finding('PG102', call, span, message, { fixes }));
  }
  return findings;
};
