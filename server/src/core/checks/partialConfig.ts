/**
 * PG304: a config object that leaves fields out, where the object's own default for a field
 * differs from what the client would use without the object, and nothing else bounds that field
 * (a set total deadline bounds every phase). The safe fix writes the implicit values; the other
 * restores the client's defaults (a change of behaviour, offered on its own). An object that turns
 * everything off is PG302's. Fields with several values ("one of") are checked path by path.
 */
import { nameStatusAt } from '../../catalog/versions';
import type { EffectiveConfig, FieldValue } from '../config/effective';
import { configPaths } from '../config/paths';
import type { FieldConstraint } from '../../catalog/schema';
import type { BoundCall, Finding, Fix } from '../types';
import { calleeText, finding, pythonValue, type Check, type CheckContext } from './context';
import { onEveryPath } from './everyPath';

export const partialConfig: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    if (!call.callable.builds || call.splats.length > 0) continue;
    if (nameStatusAt(call.version, call.callable.since, call.callable.lifecycle) === 'removed') continue;
    const effective = ctx.configs.ofObjectCall(call);
    // A config whose fields are "one of" several values: a finding only when every path leaves a surprising field.
    const found = effective && onEveryPath(configPaths(effective), (path) => leftOut(ctx, call, path));
    if (found) findings.push(found);
  }
  return findings;
};

/** The finding for one path's config: the omitted fields that act otherwise than the client's defaults would. */
function leftOut(ctx: CheckContext, call: BoundCall, effective: EffectiveConfig): Finding | undefined {
  const clientDefaultOf = (field: FieldValue) => ctx.configs.clientDefault(call, effective.config, field.field.name);
  if (effective.config.allNoneDisablesAll && effective.fields.every((field) => field.value === null)) return undefined;
  const omitted = effective.fields.filter((field) => field.origin.kind === 'object-default');
  const differing = omitted.filter((field) => clientDefaultOf(field) !== undefined && clientDefaultOf(field) !== field.value);
  const constraints = effective.config.constraints ?? [];
  const surprising = differing.filter(
    (field) => !isBounded(field, effective.fields) && actsAs(field.value ?? null, field, effective.fields, constraints) !== actsAs(clientDefaultOf(field) ?? null, field, effective.fields, constraints),
  );
  if (surprising.length === 0) return undefined;
  const parts = surprising.map(
    (field) => `${field.field.name} at ${pythonValue(field.value ?? null, field.field.unit)} (${field.value === null ? field.field.noneMeans : 'its own default'}), not the client default ${pythonValue(clientDefaultOf(field) ?? null, field.field.unit)}`,
  );
  const message = `${calleeText(ctx, call)}(...) leaves ${parts.join(', and ')}.`;
  return finding('PG304', call, call.calleeSpan, message, { fixes: fixes(call, omitted, differing, clientDefaultOf) });
}

/** A None field is still bounded when a field that bounds it (`boundedBy`) has a limit, or may have one (a value unknown here). */
function isBounded(field: FieldValue, fields: readonly FieldValue[]): boolean {
  return field.value === null && (field.field.boundedBy ?? []).some((name) => fields.find((other) => other.field.name === name)?.value !== null);
}

/**
 * The limit a field's value really sets, once the limits that cap it (`not-above` constraints) are
 * applied: `Limits(max_connections=5)` keeps at most 5 alive whether keep-alive is None or 20.
 * None (and 0 where 0 means no limit) is Infinity; undefined when a capping limit is unknown here.
 */
function actsAs(value: number | null, field: FieldValue, fields: readonly FieldValue[], constraints: readonly FieldConstraint[]): number | undefined {
  let result = unlimitedAsInfinity(value, field);
  for (const constraint of constraints) {
    if (constraint.kind !== 'not-above' || constraint.field !== field.field.name) continue;
    const limit = fields.find((candidate) => candidate.field.name === constraint.limit);
    if (!limit || limit.value === undefined) return undefined;
    result = Math.min(result, unlimitedAsInfinity(limit.value, limit));
  }
  return result;
}

function unlimitedAsInfinity(value: number | null, field: FieldValue): number {
  return value === null || (value === 0 && field.field.zeroMeans !== undefined) ? Infinity : value;
}

function fixes(call: BoundCall, omitted: readonly FieldValue[], differing: readonly FieldValue[], clientDefaultOf: (field: FieldValue) => number | null | undefined): Fix[] {
  const explicit = omitted.map((field) => `${field.field.name}=${pythonValue(field.value ?? null, field.field.unit)}`);
  const restored = differing.map((field) => `${field.field.name}=${pythonValue(clientDefaultOf(field) ?? null, field.field.unit)}`);
  return [
    { title: `Write the implicit values: ${explicit.map((part) => `\`${part}\``).join(', ')}`, edits: [appendArguments(call, explicit)], safe: true, preferred: true },
    { title: `Use the client defaults instead: ${restored.map((part) => `\`${part}\``).join(', ')} (changes behaviour)`, edits: [appendArguments(call, restored)], safe: false, preferred: false },
  ];
}

function appendArguments(call: BoundCall, parts: readonly string[]) {
  const last = call.args[call.args.length - 1];
  const at = last ? last.span.end : call.argumentsSpan.start + 1;
  return { span: { start: at, end: at }, newText: `${last ? ', ' : ''}${parts.join(', ')}` };
}
