/**
 * PG303: configuration that the library rejects: a config object that fails when it is built
 * (a Timeout with neither a default nor every phase, a tuple too short to read), a tuple of a
 * length the library rejects where a config object is expected, and a bare number
 * or None that the version in use does not accept where a config object is expected, and an SDK
 * request that must be streamed (streamingRequired.ts). For a number
 * whose meaning elsewhere is known (the config's `numberSetsFields`), a fix builds that object.
 * On "one of" values, each only when every path fails (checks/everyPath.ts).
 */
import type { ConfigSpec } from '../../catalog/schema';
import { nameStatusAt, scalarReadingAt } from '../../catalog/versions';
import { referenceTo } from '../fixes/importStyle';
import type { BoundArg, BoundCall, Finding, Fix } from '../types';
import { configPaths } from '../config/paths';
import { finding, textOf, type Check, type CheckContext } from './context';
import { argPaths, onEveryPath } from './everyPath';
import { streamingRequiredProblem } from './streamingRequired';

export const invalidConfig: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    for (const arg of call.args) {
      const paths = argPaths(arg);
      const problem = onEveryPath(paths, (path) => scalarProblem(ctx, call, path)) ?? onEveryPath(paths, (path) => tupleProblem(ctx, call, path));
      if (problem) findings.push(problem);
    }
    const streaming = streamingRequiredProblem(ctx, call);
    if (streaming) findings.push(streaming);
    if (!call.callable.builds) continue;
    // A call that uses removed names fails for that reason first; PG201 reports it and migrates it.
    if (call.args.some((arg) => arg.param && nameStatusAt(call.version, arg.param.since, arg.param.lifecycle) === 'removed')) continue;
    const effective = ctx.configs.ofObjectCall(call);
    const failing = effective && onEveryPath(configPaths(effective), (path) => {
      const invalid = path.fields.find((field) => field.origin.kind === 'invalid');
      if (!invalid || invalid.origin.kind !== 'invalid') return undefined;
      return finding('PG303', call, call.calleeSpan, `\`${textOf(ctx, call.span).replace(/\s+/g, ' ')}\` fails when it runs: ${invalid.origin.error}`);
    });
    if (failing) findings.push(failing);
  }
  return findings;
};

/** A bare number or None that this parameter does not accept at the version in use. */
function scalarProblem(ctx: CheckContext, call: BoundCall, arg: BoundArg): Finding | undefined {
  const reading = arg.param ? scalarReadingAt(arg.param, call.version) : undefined;
  const value = arg.expr.value;
  const error = value.kind === 'number' ? reading?.numberError : value.kind === 'none' && typeof reading?.none === 'object' ? reading.none.error : undefined;
  if (error === undefined || !arg.param?.config) return undefined;
  const config = ctx.catalog.config(call.library, arg.param.config);
  const through = arg.expr.via ? ` (through \`${arg.expr.via}\`)` : '';
  const message = `\`${arg.name}=${arg.expr.text}\`${through} is not accepted by ${call.library.displayName} ${call.version}: ${error}`;
  const fixes = value.kind === 'number' && config ? numberFix(ctx, call, arg, config) : [];
  return finding('PG303', call, arg.span, message, { fixes });
}

/** A tuple of a length the library does not accept where a config object is expected (`timeout=(1, 2, 3)` in requests). */
function tupleProblem(ctx: CheckContext, call: BoundCall, arg: BoundArg): Finding | undefined {
  const tuple = arg.param?.config ? ctx.catalog.config(call.library, arg.param.config)?.tuple : undefined;
  const value = arg.expr.value;
  if (!tuple || value.kind !== 'tuple') return undefined;
  const length = value.items.length;
  if (length >= tuple.minLength && (tuple.maxLength === undefined || length <= tuple.maxLength)) return undefined;
  const through = arg.expr.via ? ` (through \`${arg.expr.via}\`)` : '';
  const error = tuple.lengthError ?? `a ${length}-tuple raises IndexError`;
  return finding('PG303', call, arg.expr.span, `\`${arg.name}=${arg.expr.text}\`${through} fails when the request is sent: ${error}`);
}

/** `timeout=10` → `timeout=ClientTimeout(total=10)`: what a bare number means where the library accepts one. */
function numberFix(ctx: CheckContext, call: BoundCall, arg: BoundArg, config: ConfigSpec): Fix[] {
  const fields = config.numberSetsFields;
  if (!fields || fields.length === 0 || arg.expr.via !== undefined) return [];
  const reference = referenceTo(call, config.callable, ctx.imports);
  const replacement = `${reference.text}(${fields.map((field) => `${field}=${arg.expr.text}`).join(', ')})`;
  return [
    {
      title: `Use \`${replacement}\` (what a bare number means where ${call.library.displayName} accepts one)`,
      edits: [{ span: arg.expr.span, newText: replacement }, ...reference.edits],
      safe: false,
      preferred: true,
    },
  ];
}
