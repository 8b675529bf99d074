/**
 * PG402: limits that contradict each other (a keep-alive allowance above the connection cap) or a
 * pool with no room for a connection, by the constraints the catalog gives each config object;
 * on "one of" values, only when every path breaks the constraint.
 */
import type { FieldConstraint } from '../../catalog/schema';
import type { FieldValue } from '../config/effective';
import { configPaths } from '../config/paths';
import { onEveryPath } from './everyPath';
import type { BoundCall, Finding, TextSpan } from '../types';
import { finding, type Check } from './context';

export const inconsistentLimits: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    if (!call.callable.builds) continue;
    const effective = ctx.configs.ofObjectCall(call);
    for (const constraint of effective?.config.constraints ?? []) {
      const found = onEveryPath(configPaths(effective!), (path) => {
        const problem = violation(constraint, path.fields);
        return problem && finding('PG402', call, spanOf(problem.field, call), problem.message);
      });
      if (found) findings.push(found);
    }
  }
  return findings;
};

function violation(constraint: FieldConstraint, fields: readonly FieldValue[]): { field: FieldValue; message: string } | undefined {
  const field = fields.find((candidate) => candidate.field.name === constraint.field);
  if (!field || typeof field.value !== 'number') return undefined;
  if (constraint.kind === 'positive') {
    return field.value < 0 || (field.value === 0 && !field.field.zeroMeans) ? { field, message: `\`${field.field.name}=${field.value}\`: ${constraint.explanation}.` } : undefined;
  }
  const limit = fields.find((candidate) => candidate.field.name === constraint.limit);
  if (!limit || typeof limit.value !== 'number' || field.value <= limit.value) return undefined;
  // Where 0 means "no limit", a 0 limit caps nothing and a 0 field asks for nothing.
  if ((limit.value === 0 && limit.field.zeroMeans) || (field.value === 0 && field.field.zeroMeans)) return undefined;
  return { field, message: `\`${field.field.name}=${field.value}\` is above \`${limit.field.name}=${limit.value}\`: ${constraint.explanation}.` };
}

function spanOf(field: FieldValue, call: BoundCall): TextSpan {
  return field.origin.kind === 'explicit' ? field.origin.span : call.calleeSpan;
}
