/**
 * PG301: a request that can wait forever: a request function or method whose timeout parameter is
 * left out, where leaving it out means no limit (by the catalog's omitted fields, or by the
 * receiver's setting for a method that defers to it). Calls with `*args`/`**kwargs` may pass one and
 * are skipped, as are requests through a session with an adapter of its own mounted (it may add one).
 * The fix inserts `timeout=` with the configured default; it changes behaviour, so it is not safe.
 */
import type { BoundCall, Finding, Fix } from '../types';
import { calleeText, finding, textOf, type Check, type CheckContext } from './context';

/** What the fix writes when no default timeout is configured. */
const FALLBACK_TIMEOUT = 10;

export const missingTimeout: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    if (call.callable.kind !== 'request-function' && call.callable.kind !== 'request-method') continue;
    if (call.splats.length > 0 || mountsOwnAdapter(ctx, call)) continue;
    for (const param of call.callable.params) {
      if (!param.config || call.args.some((arg) => arg.param === param)) continue;
      const effective = ctx.configs.ofParam(call, param);
      if (!effective || !effective.fields.every((field) => field.value === null)) continue;
      const receiver = call.receiver && param.omittedUsesReceiver ? ` and neither does \`${textOf(ctx, call.receiver.calleeSpan)}(...)\`` : '';
      const message = `${calleeText(ctx, call)}() sets no \`${param.name}=\`${receiver}, so ${call.library.displayName} waits forever for a server that stops answering.`;
      findings.push(finding('PG301', call, call.calleeSpan, message, { fixes: [addTimeout(ctx, call, param.name)] }));
    }
  }
  return findings;
};

/** A receiver with an adapter of its own mounted: that adapter may give requests a timeout. */
function mountsOwnAdapter(ctx: CheckContext, call: BoundCall): boolean {
  const pool = call.receiver?.callable.defaultPool;
  if (!call.receiver || !pool) return false;
  return ctx.calls.some((mount) => {
    if (mount.receiver !== call.receiver || mount.callable.name !== pool.mountMethod) return false;
    const adapter = mount.args.find((arg) => arg.param?.name === pool.adapterParam)?.expr.value;
    return adapter?.kind !== 'call' || adapter.call.callable.name !== pool.callable;
  });
}

function addTimeout(ctx: CheckContext, call: BoundCall, name: string): Fix {
  const seconds = ctx.defaultTimeout ?? FALLBACK_TIMEOUT;
  const last = call.args[call.args.length - 1];
  const at = last ? last.span.end : call.argumentsSpan.start + 1;
  const text = `${name}=${seconds}`;
  return {
    title: `Add \`${text}\` (changes behaviour: a request slower than that now fails)`,
    edits: [{ span: { start: at, end: at }, newText: last ? `, ${text}` : text }],
    safe: false,
    preferred: true,
  };
}
