/**
 * PG305: an attribute set on a catalogued object that the library never reads
 * (`session.timeout = 5` on a requests Session), so the setting has no effect.
 */
import type { Finding } from '../types';
import { textOf, type Check } from './context';
import { findRule } from '../rules';

export const ineffectiveSetting: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const write of ctx.attributeWrites) {
    const ignored = write.receiver.callable.ignoredAttributes?.find((attribute) => attribute.name === write.attribute);
    if (!ignored) continue;
    findings.push({
      code: 'PG305',
      span: write.span,
      callSpan: write.statementSpan,
      severity: findRule('PG305')?.severity ?? 'warning',
      message: `\`${textOf(ctx, write.span)} = …\` has no effect: ${ignored.explanation}.`,
      fixes: [],
    });
  }
  return findings;
};
