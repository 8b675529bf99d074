/**
 * Inlay hints: quiet labels that name what position decides. The items of a timeout tuple written
 * in the call (`timeout=(connect: 3.05, read: 27)`) and the positional arguments whose meaning differs
 * between releases or misleads (`HTTPTransport(verify: True, …)`), by the order of the version in use.
 */
import type { Catalog } from '../catalog';
import type { Analysis } from './analysis/analyze';
import { ambiguousPositions } from './positionalMeaning';
import type { BoundCall, TextSpan } from './types';

/** A label (`connect:`) to show just before `offset`. */
export type InlayHint = { readonly offset: number; readonly label: string };

/** The hints whose offset lies in `range` (the whole document when omitted), in document order. */
export function inlayHints(analysis: Analysis, catalog: Catalog, range?: TextSpan): InlayHint[] {
  const hints = new Map<number, InlayHint>();
  const add = (offset: number, name: string) => {
    if (!range || (offset >= range.start && offset <= range.end)) hints.set(offset, { offset, label: `${name}:` });
  };
  for (const call of analysis.calls) {
    for (const { offset, name } of [...tupleItems(call, catalog), ...positionalArguments(call)]) add(offset, name);
  }
  return [...hints.values()].sort((a, b) => a.offset - b.offset);
}

/** Items of a tuple literal passed where a config object with a tuple order is expected. */
function tupleItems(call: BoundCall, catalog: Catalog): { offset: number; name: string }[] {
  return call.args.flatMap((arg) => {
    const order = arg.param?.config ? catalog.config(call.library, arg.param.config)?.tuple?.order : undefined;
    if (!order || arg.expr.value.kind !== 'tuple' || arg.expr.via !== undefined) return [];
    const items = arg.expr.value.items;
    return items.length <= order.length ? items.map((item, index) => ({ offset: item.span.start, name: order[index] })) : [];
  });
}

/** Every positional argument of a call that PG102 flags (a meaning changed between releases, or documented as misleading). */
function positionalArguments(call: BoundCall): { offset: number; name: string }[] {
  if (ambiguousPositions(call).length === 0) return [];
  return call.args.flatMap((arg) => (arg.position !== undefined && arg.name !== undefined ? [{ offset: arg.span.start, name: arg.name }] : []));
}
