/**
 * PG401: settings given next to an argument that replaces the pool they configure
 * (a client's `limits=` next to `transport=`).
 */
import type { Finding } from '../types';
import { finding, type Check } from './context';

export const ignoredPoolConfig: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    const overriding = call.args.find((arg) => arg.param?.overrides);
    if (!overriding?.param?.overrides) continue;
    const { params, explanation } = overriding.param.overrides;
    for (const arg of call.args) {
      if (!arg.name || !arg.keywordSpan || !params.includes(arg.param?.name ?? '')) continue;
      if (!arg.param?.config) continue;
      const message = `\`${arg.name}=\` has no effect on requests sent through \`${overriding.name}=\`: ${explanation}. Configure the transport instead.`;
      findings.push(finding('PG401', call, arg.keywordSpan, message));
    }
  }
  return findings;
};
