/**
 * Migrates old keywords whose values moved into a field of a config object (aiohttp's
 * `ClientSession(read_timeout=5, conn_timeout=2)` → `timeout=ClientTimeout(total=5, connect=2, …)`).
 * The new object starts from what the omitted parameter stood for at the version in use, so the
 * fields the old keywords did not touch keep their values; it writes each field that differs from
 * the config callable's own default, and every field an old keyword set.
 */
import type { Catalog } from '../../catalog';
import type { ParamSpec } from '../../catalog/schema';
import { defaultAt, omittedFieldsAt, paramByName } from '../../catalog/versions';
import type { ImportTable } from '../analysis/imports';
import { pythonValue } from '../checks/context';
import { parseDefault } from '../config/defaults';
import type { BoundArg, BoundCall, TextEdit } from '../types';
import { referenceTo } from './importStyle';

export type ConfigMigration = { readonly edits: readonly TextEdit[]; readonly replacement: string };

/** The edits that replace every old keyword of `call` that moves into `target`'s config, or undefined when that cannot be done exactly. */
export function moveIntoConfig(call: BoundCall, target: ParamSpec, catalog: Catalog, imports: ImportTable): ConfigMigration | undefined {
  const config = target.config ? catalog.config(call.library, target.config) : undefined;
  const omitted = omittedFieldsAt(target, call.version);
  const old = call.args.filter((arg) => arg.keywordSpan && arg.param?.lifecycle?.replacement === target.name && arg.param.lifecycle.replacementField);
  const alreadyGiven = call.args.some((arg) => arg.param === target);
  if (!config || !omitted || old.length === 0 || alreadyGiven || call.splats.length > 0) return undefined;
  const builder = catalog.lookup(`${call.library.modules[0]}.${config.callable}`)?.callable;
  const parts: string[] = [];
  for (const field of config.fields) {
    const arg = old.find((candidate) => candidate.param?.lifecycle?.replacementField === field.name);
    const builderParam = builder && paramByName(builder, field.name);
    const objectDefault = builderParam ? parseDefault(defaultAt(builderParam, call.version)) : undefined;
    if (arg) parts.push(`${field.name}=${arg.expr.text}`);
    else if (omitted[field.name] !== objectDefault) parts.push(`${field.name}=${pythonValue(omitted[field.name] ?? null, field.unit)}`);
  }
  const reference = referenceTo(call, config.callable, imports);
  const replacement = `${target.name}=${reference.text}(${parts.join(', ')})`;
  const [first, ...rest] = [...old].sort((a, b) => a.span.start - b.span.start);
  return { replacement, edits: [{ span: first.span, newText: replacement }, ...rest.map((arg) => ({ span: withLeadingComma(call, arg), newText: '' })), ...reference.edits] };
}

/** The argument's span extended back to the end of the argument before it, so that its comma goes too. */
function withLeadingComma(call: BoundCall, arg: BoundArg) {
  const before = call.args.filter((other) => other.span.end <= arg.span.start).reduce((latest, other) => Math.max(latest, other.span.end), call.argumentsSpan.start + 1);
  return { start: before, end: arg.span.end };
}
