/**
 * Which positional arguments of a configuration call are worth a name: those whose position means
 * different parameters in different catalogued releases (the call changes meaning on an upgrade or
 * downgrade across them), and those whose positional reading the catalog documents as misleading.
 * A position that means the same everywhere (a pool's `host`, `Retry`'s `total`) is never one.
 * Pure; shared by PG102 and the inlay hints.
 */
import type { CallableKind, CallableSpec, VersionRange } from '../catalog/schema';
import type { BoundArg, BoundCall } from './types';

/** One reading of a position: the parameter it binds (undefined: none, the call raises) in these releases. */
export type PositionReading = { readonly name: string | undefined; readonly versions: readonly VersionRange[] };

export type AmbiguousPosition =
  | { readonly kind: 'changed'; readonly arg: BoundArg; readonly readings: readonly PositionReading[] }
  | { readonly kind: 'misleading'; readonly arg: BoundArg; readonly explanation: string };

/** Callables whose arguments configure something; request functions and methods keep their usual order. */
const CONFIGURING_KINDS: ReadonlySet<CallableKind> = new Set(['client', 'transport', 'config']);

export function ambiguousPositions(call: BoundCall): AmbiguousPosition[] {
  const { callable } = call;
  if (!CONFIGURING_KINDS.has(callable.kind)) return [];
  const positional = call.args.filter((arg) => arg.position !== undefined);
  const misleading = callable.misleadingPositional;
  const misleads = misleading !== undefined && positional.length >= (misleading.minArgs ?? 1);
  return positional.flatMap((arg): AmbiguousPosition[] => {
    const readings = readingsAt(callable, arg.position!);
    if (readings.length > 1) return [{ kind: 'changed', arg, readings }];
    if (misleads && arg.name !== undefined && misleading.params.includes(arg.name)) return [{ kind: 'misleading', arg, explanation: misleading.explanation }];
    return [];
  });
}

/** The parameters a position binds across the callable's positional orders (listed in release order), adjacent ranges of one parameter joined. */
function readingsAt(callable: CallableSpec, position: number): PositionReading[] {
  const byName = new Map<string | undefined, VersionRange[]>();
  for (const order of callable.positional) {
    const name = order.names[position];
    const ranges = byName.get(name) ?? [];
    const last = ranges.at(-1);
    if (last !== undefined && last.until !== undefined && last.until === order.versions.from) ranges[ranges.length - 1] = { from: last.from, until: order.versions.until };
    else ranges.push(order.versions);
    byName.set(name, ranges);
  }
  return [...byName].map(([name, versions]) => ({ name, versions }));
}
