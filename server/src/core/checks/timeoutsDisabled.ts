/**
 * PG302: an explicit None for a parameter whose None turns every timeout off.
 */
import type { Finding } from '../types';
import { finding, type Check } from './context';

export const timeoutsDisabled: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    for (const arg of call.args) {
      if (!arg.param?.noneDisablesAll || arg.expr.value.kind !== 'none') continue;
      const config = arg.param.config ? ctx.catalog.config(call.library, arg.param.config) : undefined;
      const fields = config ? config.fields.map((field) => field.name).join(', ') : 'every timeout';
      const through = arg.expr.via ? ` (through \`${arg.expr.via}\`)` : '';
      const message = `\`${arg.name}=None\`${through} turns every timeout off (${fields}): a stalled server or a full pool makes this wait forever.`;
      findings.push(finding('PG302', call, arg.span, message));
    }
  }
  return findings;
};
