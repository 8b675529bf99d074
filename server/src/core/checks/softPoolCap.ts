/**
 * PG403: a pool size raised above its default without the flag that enforces it, so the size is
 * only a soft cap. The fix sets the flag; waiting for a free connection changes behaviour, so it
 * is offered on its own and never applied in bulk.
 */
import { defaultAt } from '../../catalog/versions';
import { parseDefault } from '../config/defaults';
import type { Finding } from '../types';
import { finding, type Check } from './context';

export const softPoolCap: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    if (call.splats.length > 0) continue;
    for (const arg of call.args) {
      const cap = arg.param?.softCapUnless;
      if (!cap || arg.expr.value.kind !== 'number' || call.args.some((other) => other.param?.name === cap.param)) continue;
      const effective = arg.param!.effectiveDefault?.value;
      const byDefault = typeof effective === 'number' ? effective : parseDefault(defaultAt(arg.param!, call.version));
      if (typeof byDefault !== 'number' || arg.expr.value.value <= byDefault) continue;
      const message = `\`${arg.name}=${arg.expr.value.value}\` is a soft cap without \`${cap.param}=True\`: ${cap.explanation}.`;
      const last = call.args[call.args.length - 1];
      const fix = {
        title: `Add \`${cap.param}=True\` (changes behaviour: requests wait for a free connection instead of opening more)`,
        edits: [{ span: { start: last.span.end, end: last.span.end }, newText: `, ${cap.param}=True` }],
        safe: false,
        preferred: true,
      };
      findings.push(finding('PG403', call, arg.span, message, { fixes: [fix] }));
    }
  }
  return findings;
};
