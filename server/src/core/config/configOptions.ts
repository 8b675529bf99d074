/**
 * The options of a config object as its code writes them, following a merge the way the library
 * does (`a.merge(b)`: what `b` was given wins, else `a`'s), and the preset of defaults that its
 * `defaults_mode=`-like option picks (catalog `DefaultsModeOption`): a named preset, one chosen at
 * run time among several, the name meaning "no preset", or not known here.
 */
import type { DefaultsModeOption, DefaultsPreset } from '../../catalog/retrySchema';
import { isInRange } from '../../catalog/versions';
import type { BoundCall, Expr } from '../types';

/** An option's expression, undefined when the code leaves it out, or 'unknown' when it may be set where the analysis cannot see. */
export type WrittenOption = Expr | undefined | 'unknown';

export function configOption(call: BoundCall, name: string): WrittenOption {
  const merges = call.callable.mergesParam;
  if (merges) {
    const other = call.args.find((arg) => arg.param?.name === merges)?.expr;
    const merged = other?.value.kind === 'call' ? configOption(other.value.call, name) : 'unknown';
    if (merged !== undefined) return merged;
    return call.receiver ? configOption(call.receiver, name) : 'unknown';
  }
  const arg = call.args.find((candidate) => candidate.param?.name === name);
  if (arg) return arg.expr;
  return call.splats.length > 0 ? 'unknown' : undefined;
}

export type PresetChoice =
  /** The code does not pick one (something outside the code may). */
  | { readonly kind: 'absent' }
  /** The name that means no preset. */
  | { readonly kind: 'none'; readonly expr: Expr }
  | { readonly kind: 'preset'; readonly preset: DefaultsPreset; readonly expr: Expr }
  | { readonly kind: 'runtime'; readonly name: string; readonly how: string; readonly among: readonly DefaultsPreset[]; readonly expr: Expr }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly name: string };

/** The preset a config call picks, at its version. */
export function presetOf(call: BoundCall, option: DefaultsModeOption): PresetChoice {
  if (!isInRange(call.version, option.versions)) return { kind: 'absent' };
  const expr = configOption(call, option.param);
  if (expr === undefined) return { kind: 'absent' };
  if (expr === 'unknown') return { kind: 'unknown', reason: `\`${option.param}\` may be set by \`**kwargs\`` };
  const value = expr.value;
  if (value.kind !== 'string') return { kind: 'unknown', reason: `\`${option.param}=${expr.text}\` is not known here` };
  if (value.value === option.none) return { kind: 'none', expr };
  const preset = option.presets.find((candidate) => candidate.name === value.value);
  if (preset) return { kind: 'preset', preset, expr };
  const runtime = option.runtime.find((candidate) => candidate.name === value.value);
  if (runtime) {
    const among = runtime.among.flatMap((name) => option.presets.filter((candidate) => candidate.name === name));
    return { kind: 'runtime', name: runtime.name, how: runtime.how, among, expr };
  }
  return { kind: 'invalid', name: value.value };
}

/** `'standard'` for a preset's name as the code writes it. */
export function presetLabel(option: DefaultsModeOption, name: string): string {
  return `\`${option.param}='${name}'\``;
}
