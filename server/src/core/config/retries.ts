/**
 * The retry policy a config object gives the clients built with it (catalog `RetryOption`): the
 * mode and the attempts in all, each with where it comes from. The dict's mode key wins, else the
 * environment or a config file may set it, else the preset's mode, else the default mode; the
 * total key wins, else the retries key + 1, else the environment, else the mode's default (by
 * service when the client names one). Follows the config through names, merges and one-of paths.
 */
import type { ConfigSpec } from '../../catalog/schema';
import type { RetryMode, RetryOption } from '../../catalog/retrySchema';
import type { BoundCall, Expr } from '../types';
import { configOption, presetLabel, presetOf, type WrittenOption } from './configOptions';

/** One part of the policy: its value when known, whether the code sets it, and where it comes from (or why it is not known), in inline Markdown. */
export type RetryPart<T> = { readonly value?: T; readonly explicit: boolean; readonly from: string };

export type EffectiveRetries = {
  readonly mode: RetryPart<string>;
  readonly attempts: RetryPart<number>;
  /** Set when building the config or the client raises (a mode that does not exist). */
  readonly error?: string;
  /** The names the config was reached through, outermost first. */
  readonly via: readonly string[];
  /** What outside the code may set the parts the code leaves out, when it leaves some out. */
  readonly outside?: string;
};

/** The policy of the config a client call's `param` takes (left out: the config's defaults), for the service the client names. */
export function retriesOfClient(call: BoundCall, paramName: string, config: ConfigSpec): EffectiveRetries | undefined {
  const option = config.retries;
  if (!option) return undefined;
  const service = serviceOf(call, option);
  const arg = call.args.find((candidate) => candidate.param?.name === paramName);
  if (!arg || arg.expr.value.kind === 'none') return call.splats.length > 0 ? unknownRetries('may be set by `**kwargs`') : resolve(option, undefined, undefined, service, outsidePreset(config, true));
  return retriesOfExpr(arg.expr, config, option, service);
}

/** The policy of a config call (`Config(...)`, `a.merge(b)`). */
export function retriesOfConfigCall(call: BoundCall, config: ConfigSpec): EffectiveRetries | undefined {
  return config.retries ? ofCall(call, config, config.retries, undefined) : undefined;
}

function retriesOfExpr(expr: Expr, config: ConfigSpec, option: RetryOption, service: string | undefined): EffectiveRetries {
  const value = expr.value;
  const via = expr.via ? [expr.via] : [];
  if (value.kind === 'call' && value.call.callable.builds === config.id) {
    const found = ofCall(value.call, config, option, service);
    return { ...found, via: [...via, ...found.via] };
  }
  if (value.kind === 'call' && value.call.library.modules[0] === config.foreignBuilder?.module && value.call.callable.name === config.callable) {
    const found = ofCall(value.call, config, option, service);
    return { ...found, via: [...via, ...found.via] };
  }
  if (value.kind === 'oneOf') {
    const each = value.alternatives.map((alternative) => retriesOfExpr(alternative, config, option, service));
    const [first] = each;
    const agree = each.every((other) => other.mode.value === first.mode.value && other.attempts.value === first.attempts.value && !other.error);
    if (agree && first.mode.value !== undefined && first.attempts.value !== undefined) return { ...first, via };
    return { ...unknownRetries(`one per path: ${each.map(summary).join(' · ')}`), via };
  }
  if (value.kind === 'parameter') return { ...unknownRetries(`set by the caller (\`${value.name}\`)`), via };
  return { ...unknownRetries(value.kind === 'unknown' ? value.reason : `\`${expr.text}\``), via };
}

function ofCall(call: BoundCall, config: ConfigSpec, option: RetryOption, service: string | undefined): EffectiveRetries {
  const preset = config.defaultsMode ? presetOf(call, config.defaultsMode) : ({ kind: 'absent' } as const);
  const presetMode =
    preset.kind === 'preset'
      ? { name: preset.preset.retryMode, from: presetLabel(config.defaultsMode!, preset.preset.name) }
      : preset.kind === 'runtime' && preset.among.every((each) => each.retryMode === preset.among[0]?.retryMode)
        ? { name: preset.among[0].retryMode, from: presetLabel(config.defaultsMode!, preset.name) }
        : preset.kind === 'absent' || preset.kind === 'none'
          ? undefined
          : null;
  const resolved = resolve(option, configOption(call, option.param), presetMode, service, preset.kind === 'absent' ? outsidePreset(config) : undefined);
  return preset.kind === 'invalid' ? { ...resolved, error: `\`${config.defaultsMode!.param}='${preset.name}'\` is not one of the modes: building a client with it raises` } : resolved;
}

/**
 * Mode and attempts from the `retries` dict as written (undefined: left out), the preset's mode
 * (undefined: no preset; null: a preset that is not known here) and what else outside the code may change.
 */
function resolve(option: RetryOption, written: WrittenOption, presetMode: { name: string; from: string } | null | undefined, service: string | undefined, presetOutside?: string): EffectiveRetries {
  const dict = written === undefined || (written !== 'unknown' && written.value.kind === 'none') ? { kind: 'empty' as const } : written === 'unknown' ? undefined : readDict(written);
  if (!dict) return unknownRetries(`\`${option.param}\` may be set by \`**kwargs\``);
  if (dict.kind === 'unknown') return { ...unknownRetries(dict.reason), via: dict.via };
  const key = (name: string) => (dict.kind === 'dict' ? dict.keys(name) : undefined);
  const via = dict.kind === 'dict' ? dict.via : [];

  const modeExpr = key(option.modeKey);
  let mode: RetryPart<string>;
  let error: string | undefined;
  if (modeExpr === 'unknown') mode = { explicit: false, from: `a \`${option.modeKey}\` the dict may carry` };
  else if (modeExpr) {
    const name = modeExpr.value.kind === 'string' ? modeExpr.value.value : undefined;
    mode = name === undefined ? { explicit: true, from: `\`${option.modeKey}\` = \`${modeExpr.text}\`, not known here` } : { value: name, explicit: true, from: `\`${option.modeKey}\`` };
    if (name !== undefined && !option.modes.some((each) => each.name === name)) {
      error = `'${name}' is not a retry mode (${option.modes.map((each) => `'${each.name}'`).join(', ')}): building the config raises`;
    }
  } else if (presetMode === null) mode = { explicit: false, from: 'the mode of a preset that is not known here' };
  else if (presetMode) mode = { value: presetMode.name, explicit: false, from: presetMode.from };
  else mode = { value: option.defaultMode, explicit: false, from: 'the default' };

  const attempts = attemptsOf(option, key(option.totalKey), key(option.retriesKey), mode.value, service);
  const left = [
    ...(mode.explicit ? [] : [`the mode (${option.setOutsideCode.mode}${presetOutside ? `; ${presetOutside}` : ''})`]),
    ...(attempts.explicit ? [] : [`the attempts (${option.setOutsideCode.attempts})`]),
  ];
  const outside = left.length === 0 ? undefined : `Not set in the code, so it may be set outside: ${left.join(' and ')}.`;
  return { mode, attempts, via, ...(outside ? { outside } : {}), ...(error ? { error } : {}) };
}

/**
 * What a preset picked outside the code does to the mode, for a config that picks none; with no
 * config object at all (`withFields`), also to the fields (a config object keeps its own defaults).
 */
function outsidePreset(config: ConfigSpec, withFields = false): string | undefined {
  const option = config.defaultsMode;
  const modes = [...new Set(option?.presets.map((preset) => preset.retryMode))];
  if (!option || modes.length !== 1) return undefined;
  const fields = config.fields.filter((field) => option.presets.some((preset) => preset.fields[field.name] !== undefined));
  const values = (name: string, unit: string) => option.presets.map((preset) => `'${preset.name}' ${preset.fields[name] ?? 'its default'}${unit === 'seconds' ? ' s' : ''}`).join(', ');
  const fieldText = withFields && fields.length > 0 ? ` and, with no config object given, sets ${fields.map((field) => `\`${field.name}\` (${values(field.name, field.unit)})`).join(', ')}` : '';
  return `${option.setOutsideCode} naming a preset other than '${option.none}' makes it '${modes[0]}'${fieldText}`;
}

function attemptsOf(option: RetryOption, total: WrittenOption, retries: WrittenOption, modeName: string | undefined, service: string | undefined): RetryPart<number> {
  if (total === 'unknown') return { explicit: false, from: `a \`${option.totalKey}\` the dict may carry` };
  if (total) {
    return total.value.kind === 'number' ? { value: total.value.value, explicit: true, from: `\`${option.totalKey}\`` } : { explicit: true, from: `\`${option.totalKey}\` = \`${total.text}\`, not known here` };
  }
  if (retries === 'unknown') return { explicit: false, from: `a \`${option.retriesKey}\` the dict may carry` };
  if (retries) {
    if (retries.value.kind !== 'number') return { explicit: true, from: `\`${option.retriesKey}\` = \`${retries.text}\`, not known here` };
    return { value: retries.value.value + 1, explicit: true, from: `\`${option.retriesKey}\` (${retries.value.value} retries) + the first attempt` };
  }
  const mode = option.modes.find((each) => each.name === modeName);
  if (!mode) return { explicit: false, from: "the mode's default, and the mode is not known here" };
  const byService = service !== undefined ? mode.serviceAttempts?.[service] : undefined;
  const others = byService === undefined ? serviceNote(mode) : ` for ${service}`;
  return { value: byService ?? mode.attempts, explicit: false, from: `the '${mode.name}' mode's default${others}` };
}

function serviceNote(mode: RetryMode): string {
  const entries = Object.entries(mode.serviceAttempts ?? {});
  return entries.length > 0 ? ` (${entries.map(([service, attempts]) => `${service}: ${attempts}`).join(', ')})` : '';
}

type ReadDict = { readonly kind: 'empty' } | { readonly kind: 'unknown'; readonly reason: string; readonly via: readonly string[] } | { readonly kind: 'dict'; readonly keys: (key: string) => WrittenOption; readonly via: readonly string[] };

/** A `retries=` value as a dict whose keys can be asked: a key left out is undefined, a key it may carry is 'unknown'. */
function readDict(expr: Expr): ReadDict {
  const value = expr.value;
  const via = expr.via ? [expr.via] : [];
  if (value.kind !== 'dict') return { kind: 'unknown', reason: value.kind === 'unknown' ? value.reason : `\`${expr.text}\``, via };
  const keys = (key: string): WrittenOption => {
    const entry = value.entries.find((candidate) => candidate.key === key);
    if (entry) return entry.certain ? entry.expr : 'unknown';
    return value.complete ? undefined : 'unknown';
  };
  return { kind: 'dict', keys, via };
}

function serviceOf(call: BoundCall, option: RetryOption): string | undefined {
  const value = call.args.find((arg) => arg.param?.name === option.serviceParam)?.expr.value;
  return value?.kind === 'string' ? value.value : undefined;
}

function unknownRetries(reason: string): EffectiveRetries {
  return { mode: { explicit: false, from: reason }, attempts: { explicit: false, from: reason }, via: [] };
}

/** `standard, 3 attempts` or `unknown` for a one-of list. */
function summary(retries: EffectiveRetries): string {
  return `${retries.mode.value ?? 'unknown'}, ${retries.attempts.value ?? 'unknown'} attempts`;
}
