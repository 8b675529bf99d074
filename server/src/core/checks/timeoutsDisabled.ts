/**
 * PG302: an explicit None for a parameter whose None turns every timeout off (by the parameter's
 * flag, or by how the version in use reads it), and a config object built with every field None
 * where the catalog says that turns every limit off; on "one of" values, when every path does.
 */
import { scalarReadingAt } from '../../catalog/versions';
import type { BoundArg, BoundCall, Finding } from '../types';
import { configPaths } from '../config/paths';
import { calleeText, finding, type Check, type CheckContext } from './context';
import { argPaths, onEveryPath } from './everyPath';

export const timeoutsDisabled: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    for (const arg of call.args) {
      const found = onEveryPath(argPaths(arg), (path) => (path.expr.value.kind === 'none' && noneDisablesAll(call, path) ? noneFinding(ctx, call, path) : undefined));
      if (found) findings.push(found);
    }
    const allNone = allNoneObject(ctx, call);
    if (allNone) findings.push(allNone);
  }
  return findings;
};

function noneDisablesAll(call: BoundCall, arg: BoundArg): boolean {
  if (!arg.param) return false;
  const reading = scalarReadingAt(arg.param, call.version);
  return reading?.none !== undefined ? reading.none === 'all-none' : arg.param.noneDisablesAll === true;
}

function noneFinding(ctx: CheckContext, call: BoundCall, arg: BoundArg): Finding {
  const config = arg.param?.config ? ctx.catalog.config(call.library, arg.param.config) : undefined;
  const fields = config ? config.fields.map((field) => field.name).join(', ') : 'every timeout';
  const through = arg.expr.via ? ` (through \`${arg.expr.via}\`)` : '';
  const message = `\`${arg.name}=None\`${through} turns every timeout off (${fields}): a stalled server or a full pool makes this wait forever.`;
  return finding('PG302', call, arg.span, message);
}

/** `ClientTimeout()` / `ClientTimeout(total=None)`: a config whose every field ends up None, where that means no limit at all. */
function allNoneObject(ctx: CheckContext, call: BoundCall): Finding | undefined {
  if (!call.callable.builds || call.splats.length > 0) return undefined;
  const effective = ctx.configs.ofObjectCall(call);
  if (!effective?.config.allNoneDisablesAll) return undefined;
  return onEveryPath(configPaths(effective), (path) => {
    if (!path.fields.every((field) => field.value === null)) return undefined;
    const fields = path.fields.map((field) => field.field.name).join(', ');
    const message = `${calleeText(ctx, call)}(...) leaves every field None (${fields}), which turns every timeout off: a stalled server or a full pool makes a request wait forever.`;
    return finding('PG302', call, call.calleeSpan, message);
  });
}
