/**
 * PG101: a tuple where a config object is expected. The library reads its items by position, and
 * the items it leaves out become None (no limit). The fix names every field, keeping the values.
 */
import type { ConfigSpec } from '../../catalog/schema';
import { referenceTo } from '../fixes/importStyle';
import type { BoundArg, BoundCall, Fix, Finding } from '../types';
import { calleeText, finding, type Check, type CheckContext } from './context';

export const ambiguousTimeoutTuple: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    for (const arg of call.args) {
      const config = arg.param?.config ? ctx.catalog.config(call.library, arg.param.config) : undefined;
      if (!config?.tuple || arg.expr.value.kind !== 'tuple' || arg.expr.via !== undefined) continue;
      const items = arg.expr.value.items;
      if (items.length < config.tuple.minLength) continue;
      findings.push(tupleFinding(ctx, call, arg, config, items.map((item) => item.text)));
    }
  }
  return findings;
};

function tupleFinding(ctx: CheckContext, call: BoundCall, arg: BoundArg, config: ConfigSpec, items: readonly string[]): Finding {
  const order = config.tuple!.order;
  const named = order.map((field, index) => `${field}=${items[index] ?? 'None'}`).join(', ');
  const setPart = order.slice(0, items.length).map((field, index) => `${field}=${items[index]}`).join(', ');
  const missing = order.slice(items.length);
  const partial = missing.length > 0;
  const message = partial
    ? `This ${items.length}-tuple sets ${setPart} and leaves ${missing.join(' and ')} without any limit (${call.library.displayName} reads timeout tuples as (${order.join(', ')})).`
    : `This ${items.length}-tuple is read by position as ${setPart}; named fields say the same without relying on the order.`;
  return finding('PG101', call, arg.expr.span, message, {
    severity: partial ? 'warning' : 'information',
    fixes: tupleFix(ctx, call, arg, config, named),
  });
}

function tupleFix(ctx: CheckContext, call: BoundCall, arg: BoundArg, config: ConfigSpec, named: string): Fix[] {
  const buildsSameConfig = call.callable.builds === config.id;
  if (buildsSameConfig) {
    // `Timeout((1, 2, 3, 4))`: the tuple is the fallback; keywords next to it would be ignored, so only a lone tuple is rewritten.
    if (call.args.length !== 1 || call.splats.length > 0) return [];
    const title = `Name the timeout phases: \`${calleeText(ctx, call)}(${named})\``;
    return [{ title, edits: [{ span: arg.span, newText: named }], safe: true, preferred: true }];
  }
  const reference = referenceTo(call, config.callable, ctx.imports);
  const replacement = `${reference.text}(${named})`;
  return [
    {
      title: `Name the timeout phases: \`${replacement}\``,
      edits: [{ span: arg.expr.span, newText: replacement }, ...reference.edits],
      safe: true,
      preferred: true,
    },
  ];
}

