/**
 * The paths of an effective configuration that is "one of" several: the configs a "one of" config
 * object was built from, else every combination of its fields' alternatives (a superset of the
 * real paths, so a property that holds on every one of them holds on every real path). Bounded:
 * beyond 16 paths the answer is undefined (not known here).
 */
import type { EffectiveConfig, FieldValue } from './effective';

export const MAX_PATHS = 16;

/** One config per path; the config itself when no field has several values. */
export function configPaths(effective: EffectiveConfig): readonly EffectiveConfig[] | undefined {
  if (!effective.fields.some((field) => field.origin.kind === 'one-of')) return [effective];
  if (effective.paths) {
    const each = effective.paths.map(configPaths);
    const flat = each.every((paths) => paths !== undefined) ? each.flat() : undefined;
    return flat && flat.length <= MAX_PATHS ? (flat as EffectiveConfig[]) : undefined;
  }
  let combinations: FieldValue[][] = [[]];
  for (const field of effective.fields) {
    const alternatives = fieldPaths(field);
    combinations = combinations.flatMap((fields) => alternatives.map((alternative) => [...fields, alternative]));
    if (combinations.length > MAX_PATHS) return undefined;
  }
  return combinations.map((fields) => ({ config: effective.config, fields, ...(effective.fromTransport ? { fromTransport: effective.fromTransport } : {}) }));
}

/** A field's value on each path (nested alternatives flattened, each keeping the names it was reached through); the field itself when it has one value. */
export function fieldPaths(field: FieldValue): readonly FieldValue[] {
  if (field.origin.kind !== 'one-of') return [field];
  return field.origin.alternatives.flatMap((alternative) => fieldPaths(field.via.length === 0 ? alternative : { ...alternative, via: [...field.via, ...alternative.via] }));
}
