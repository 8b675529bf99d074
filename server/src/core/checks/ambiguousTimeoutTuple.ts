/**
 * PG101: a tuple where a config object is expected. The library reads its items by position, and
 * the items it leaves out become None (no limit). The fix names every field, keeping the values.
 * A documented, complete tuple form only hints, and its fix (maybe through another library's
 * builder, imported when needed) is offered without being preferred.
 */
import type { Catalog } from '../../catalog';
import type { ConfigSpec } from '../../catalog/schema';
import { compareVersions } from '../../catalog/versions';
import { referenceInModule, referenceTo, type NameReference } from '../fixes/importStyle';
import type { BoundArg, BoundCall, Fix, Finding } from '../types';
import { calleeText, finding, type Check, type CheckContext } from './context';

export const ambiguousTimeoutTuple: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    for (const arg of call.args) {
      const config = arg.param?.config ? ctx.catalog.config(call.library, arg.param.config) : undefined;
      if (!config?.tuple || arg.expr.value.kind !== 'tuple' || arg.expr.via !== undefined) continue;
      const items = arg.expr.value.items;
      const tooLong = config.tuple.maxLength !== undefined && items.length > config.tuple.maxLength;
      if (items.length < config.tuple.minLength || tooLong) continue;
      findings.push(tupleFinding(ctx, call, arg, config, items.map((item) => item.text)));
    }
  }
  return findings;
};

function tupleFinding(ctx: CheckContext, call: BoundCall, arg: BoundArg, config: ConfigSpec, items: readonly string[]): Finding {
  const order = config.tuple!.order;
  const named = order.map((field, index) => `${field}=${items[index] ?? 'None'}`).join(', ');
  const setPart = order.slice(0, items.length).map((field, index) => `${field}=${items[index]}`).join(', ');
  const missing = order.slice(items.length);
  const partial = missing.length > 0;
  const message = partial
    ? `This ${items.length}-tuple sets ${setPart} and leaves ${missing.join(' and ')} without any limit (${call.library.displayName} reads timeout tuples as (${order.join(', ')})).`
    : `This ${items.length}-tuple is read by position as ${setPart}; named fields say the same without relying on the order.`;
  const documented = config.tuple!.documentedForm;
  return finding('PG101', call, arg.expr.span, message, {
    severity: documented ? 'hint' : partial ? 'warning' : 'information',
    fixes: tupleFix(ctx, call, arg, config, named),
  });
}

function tupleFix(ctx: CheckContext, call: BoundCall, arg: BoundArg, config: ConfigSpec, named: string): Fix[] {
  const buildsSameConfig = call.callable.builds === config.id;
  if (buildsSameConfig) {
    // `Timeout((1, 2, 3, 4))`: the tuple is the fallback; keywords next to it would be ignored, so only a lone tuple is rewritten.
    if (call.args.length !== 1 || call.splats.length > 0) return [];
    const title = `Name the timeout phases: \`${calleeText(ctx, call)}(${named})\``;
    return [{ title, edits: [{ span: arg.span, newText: named }], safe: true, preferred: true }];
  }
  const reference = builderReference(ctx, call, config);
  if (!reference) return [];
  const replacement = `${reference.text}(${named})`;
  const caveat = config.tuple!.documentedForm?.fixCaveat;
  return [
    {
      title: `Name the timeout phases: \`${replacement}\`${caveat ? ` (${caveat})` : ''}`,
      edits: [{ span: arg.expr.span, newText: replacement }, ...reference.edits],
      safe: true,
      preferred: caveat === undefined,
    },
  ];
}

/** How to write the config's builder at this call: in the call's library, or the other library that builds it (from the version it is accepted). */
function builderReference(ctx: CheckContext, call: BoundCall, config: ConfigSpec): NameReference | undefined {
  const foreign = config.foreignBuilder;
  if (!foreign) return referenceTo(call, config.callable, ctx.imports);
  if (foreign.since !== undefined && compareVersions(call.version, foreign.since) < 0) return undefined;
  return referenceInModule(foreign.module, config.callable, builderPaths(ctx.catalog, foreign.module, config.callable), ctx.imports);
}

/** Every qualified name of a callable of the library that owns `module`. */
function builderPaths(catalog: Catalog, module: string, name: string): string[] {
  const library = catalog.libraries.find((candidate) => candidate.modules[0] === module);
  const callable = library?.callables.find((candidate) => candidate.name === name && !candidate.receiver);
  if (!library || !callable) return [];
  return library.modules.flatMap((prefix) => [callable.name, ...(callable.aliases ?? [])].map((path) => `${prefix}.${path}`));
}

