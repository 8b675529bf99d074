/**
 * PG403: a pool size raised above its default without the flag that enforces it, so the size is
 * only a soft cap. The fix sets the flag; waiting for a free connection changes behaviour, so it
 * is offered on its own and never applied in bulk. A size that is "one of" several values is a
 * soft cap only when every one of them is above the default.
 */
import type { ParamSpec } from '../../catalog/schema';
import { defaultAt } from '../../catalog/versions';
import { parseDefault } from '../config/defaults';
import type { BoundArg, BoundCall, Finding } from '../types';
import { finding, type Check } from './context';
import { argPaths, onEveryPath } from './everyPath';

type SoftCap = NonNullable<ParamSpec['softCapUnless']>;

export const softPoolCap: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    if (call.splats.length > 0) continue;
    for (const arg of call.args) {
      const cap = arg.param?.softCapUnless;
      if (!cap || call.args.some((other) => other.param?.name === cap.param)) continue;
      const found = onEveryPath(argPaths(arg), (path) => softCap(call, path, cap));
      if (found) findings.push(found);
    }
  }
  return findings;
};

/** The finding when this path's size is a number above the default. */
function softCap(call: BoundCall, arg: BoundArg, cap: SoftCap): Finding | undefined {
  if (arg.expr.value.kind !== 'number') return undefined;
  const effective = arg.param!.effectiveDefault?.value;
  const byDefault = typeof effective === 'number' ? effective : parseDefault(defaultAt(arg.param!, call.version));
  if (typeof byDefault !== 'number' || arg.expr.value.value <= byDefault) return undefined;
  const message = `\`${arg.name}=${arg.expr.value.value}\`${arg.expr.via ? ` (through \`${arg.expr.via}\`)` : ''} is a soft cap without \`${cap.param}=True\`: ${cap.explanation}.`;
  const last = call.args[call.args.length - 1];
  const fix = {
    title: `Add \`${cap.param}=True\` (changes behaviour: requests wait for a free connection instead of opening more)`,
    edits: [{ span: { start: last.span.end, end: last.span.end }, newText: `, ${cap.param}=True` }],
    safe: false,
    preferred: true,
  };
  return finding('PG403', call, arg.span, message, { fixes: [fix] });
}
