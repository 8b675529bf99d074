/**
 * The effective configuration of a call: for every field of every config object it takes
 * (timeout phases, pool limits) the value the library will use and where that value comes from.
 * Generic over the catalog's ConfigSpec rules: scalars, None, tuples, fallbacks and defaults.
 * These compute; `configQueries.ts` keeps each result per analysis, and every reader goes there.
 */
import type { Catalog } from '../../catalog';
import type { CallableSpec, ConfigSpec, FieldSpec, LibrarySpec, ParamSpec, ScalarReading } from '../../catalog/schema';
import { clientDefaultAt, compareVersions, defaultAt, nameStatusAt, omittedFieldsAt, paramByName, scalarReadingAt, versionedFieldsAt } from '../../catalog/versions';
import type { DefaultsModeOption } from '../../catalog/retrySchema';
import type { BoundArg, BoundCall, DefinitionSite, Expr, TextSpan } from '../types';
import type { EffectiveConfigs } from './configQueries';
import { presetOf } from './configOptions';
import { parseDefault } from './defaults';

/** Where a field's value comes from. */
export type FieldOrigin =
  | { readonly kind: 'explicit'; readonly span: TextSpan }
  | { readonly kind: 'all-fields'; readonly span: TextSpan }
  | { readonly kind: 'tuple-item'; readonly index: number; readonly span: TextSpan }
  | { readonly kind: 'tuple-missing'; readonly length: number }
  /** The config's one-value-for-all argument (`Timeout(5.0)`), positional or by name, and whether other fields are named beside it. */
  | { readonly kind: 'fallback'; readonly callable: string; readonly param: string; readonly positional: boolean; readonly othersNamed: boolean }
  | { readonly kind: 'object-default'; readonly callable: string }
  | { readonly kind: 'omitted'; readonly param: string; readonly callable: string; readonly noneSpan?: TextSpan }
  /** Left out of an SDK client, so the client passed as `param=` decides (its timeout differs from the underlying library's default). */
  | { readonly kind: 'wrapped-client'; readonly param: string; readonly callable: string; readonly origin: FieldOrigin }
  /** The default of the preset that the config's `defaults_mode=`-like option picks (`param='name'` at `span`). */
  | { readonly kind: 'preset'; readonly param: string; readonly name: string; readonly span: TextSpan }
  /** Taken from the receiver of a merge, because the merged-in config does not set it. */
  | { readonly kind: 'merged-receiver'; readonly callable: string; readonly origin: FieldOrigin }
  /** Left out of a method call, so the object it is called on decides (a session's `timeout=`). */
  | { readonly kind: 'receiver'; readonly callable: string; readonly origin: FieldOrigin }
  /** Different paths give different values: `alternatives` holds each one's field. */
  | { readonly kind: 'one-of'; readonly alternatives: readonly FieldValue[] }
  /** Set by a parameter: its default's field (when it has one), unless the caller passes another; what the calls in this file pass. */
  | { readonly kind: 'parameter'; readonly name: string; readonly default?: FieldValue; readonly passed: readonly FieldValue[] }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly error: string };

/** One field's value: a number, null (the library's None), or undefined when unknown here. */
export type FieldValue = {
  readonly field: FieldSpec;
  readonly value: number | null | undefined;
  readonly origin: FieldOrigin;
  /** The variable names the value was resolved through, outermost first. */
  readonly via: readonly string[];
  /** Where the value the first of `via` names lives, in words ("attribute of class `Settings`"). */
  readonly where?: string;
  /** Where another module of the workspace defines the value (or the config object it is part of). */
  readonly definedIn?: DefinitionSite;
};

export type EffectiveConfig = {
  readonly config: ConfigSpec;
  readonly fields: readonly FieldValue[];
  /** Set when the fields come from a transport passed in place of the client's own pool. */
  readonly fromTransport?: BoundCall;
  /** For a config that is "one of" several (`Timeout(5) if fast else Timeout(60)`): each path's config, whose fields `fields` joins. */
  readonly paths?: readonly EffectiveConfig[];
};

/** Which library and version a config is read for, and how the parameter reads a bare number or None there. */
type ReadingContext = { readonly library: LibrarySpec; readonly version: string; readonly reading?: ScalarReading };

/** The config a call of a config callable (`Timeout(...)`, `Limits(...)`) builds (read it through `EffectiveConfigs.ofObjectCall`). */
export function computeConfigOfObjectCall(call: BoundCall, configs: EffectiveConfigs): EffectiveConfig | undefined {
  const config = call.callable.builds ? configs.catalog.config(call.library, call.callable.builds) : undefined;
  if (!config) return undefined;
  if (call.callable.mergesParam) return mergedConfig(call, call.callable.mergesParam, config, configs);
  const fallback = config.fallbackParam ? call.args.find((arg) => arg.param?.name === config.fallbackParam) : undefined;
  const fromFallback = fallback && (fallback.expr.value.kind === 'tuple' || fallback.expr.value.kind === 'call');
  if (fallback && fromFallback) return configFromExpr(fallback.expr, config, configs, { library: call.library, version: call.version });

  const keywordFor = (field: FieldSpec) => call.args.find((arg) => arg.param && fieldOfParam(arg.param) === field.name);
  const missingRequired =
    !fallback &&
    config.fallbackOrAllFieldsRequired !== undefined &&
    compareVersions(call.version, config.fallbackOrAllFieldsRequired.since) >= 0 &&
    call.splats.length === 0 &&
    config.fields.some((field) => !keywordFor(field));
  // Without a fallback argument, older releases read the fallback's own default (None) for every omitted phase.
  const fallbackParam = config.fallbackParam ? paramByName(call.callable, config.fallbackParam) : undefined;
  const fallbackDefault = !fallback && fallbackParam ? parseDefault(defaultAt(fallbackParam, call.version)) : undefined;
  const fields = config.fields.map((field): FieldValue => {
    const keyword = keywordFor(field);
    if (keyword) return fieldFromExpr(field, keyword.expr, { kind: 'explicit', span: keyword.expr.span });
    if (fallback) {
      const othersNamed = config.fields.some((other) => keywordFor(other) !== undefined);
      return fieldFromExpr(field, fallback.expr, { kind: 'fallback', callable: call.callable.name, param: config.fallbackParam!, positional: fallback.position !== undefined, othersNamed });
    }
    if (call.splats.length > 0) return unknownField(field, 'may be set by `**kwargs`');
    if (fallbackDefault !== undefined) return { field, value: fallbackDefault, origin: { kind: 'object-default', callable: config.callable }, via: [] };
    if (missingRequired) return { field, value: undefined, origin: { kind: 'invalid', error: config.fallbackOrAllFieldsRequired!.error }, via: [] };
    const preset = config.defaultsMode ? presetField(call, config.defaultsMode, field) : undefined;
    if (preset) return preset;
    return builderDefault(field, config, { library: call.library, version: call.version }, configs.catalog, call.callable);
  });
  return { config, fields };
}

/** The config a parameter of a call stands for: the argument's, the transport's, or the documented default (read it through `EffectiveConfigs.ofParam`). */
export function computeConfigOfParam(call: BoundCall, param: ParamSpec, configs: EffectiveConfigs): EffectiveConfig | undefined {
  const config = param.config ? configs.catalog.config(call.library, param.config) : undefined;
  if (!config) return undefined;
  // A transport that replaces the pool wins over the pool settings given next to it.
  const overriding = overridingArg(call, param);
  if (overriding) return configFromTransport(overriding, config, configs);
  const given = call.args.find((arg) => arg.param?.config === config.id);
  const reading = given?.param ? scalarReadingAt(given.param, call.version) : undefined;
  const noneMeansOmitted = given?.expr.value.kind === 'none' && reading?.none === 'omitted';
  if (given && !noneMeansOmitted) return configFromExpr(given.expr, config, configs, { library: call.library, version: call.version, reading });
  if (call.splats.length > 0) return { config, fields: config.fields.map((field) => unknownField(field, 'may be set by `**kwargs`')) };
  return withOldKeywords(call, param, omittedConfig(call, param, config, configs, noneMeansOmitted ? given?.expr.span : undefined));
}

/** What an omitted parameter stands for: the receiver's setting for a method that defers to it, else the documented default. */
function omittedConfig(call: BoundCall, param: ParamSpec, config: ConfigSpec, configs: EffectiveConfigs, noneSpan?: TextSpan): EffectiveConfig {
  const receiver = call.receiver;
  const receiverParam = receiver && param.omittedUsesReceiver ? paramByName(receiver.callable, param.omittedUsesReceiver) : undefined;
  const inherited = receiver && receiverParam ? configs.ofParam(receiver, receiverParam) : undefined;
  if (receiver && inherited) {
    return { ...inherited, fields: inherited.fields.map((field) => ({ ...field, origin: { kind: 'receiver', callable: receiver.callable.name, origin: field.origin } })) };
  }
  const wrapped = param.fromWrappedClientUnless ? wrappedClientConfig(call, param, config, configs) : undefined;
  if (wrapped) return wrapped;
  const values = omittedFieldsAt(param, call.version);
  const origin: FieldOrigin = { kind: 'omitted', param: param.name, callable: call.callable.name, noneSpan };
  return { config, fields: config.fields.map((field): FieldValue => ({ field, value: values?.[field.name], origin, via: [] })) };
}

/**
 * An SDK client given `http_client=` but no timeout: the SDK takes the passed client's timeout when
 * it differs from the underlying library's default, else its own (undefined: its own applies).
 */
function wrappedClientConfig(call: BoundCall, param: ParamSpec, config: ConfigSpec, configs: EffectiveConfigs): EffectiveConfig | undefined {
  const wrapsParam = call.callable.wrapsClient?.param;
  const arg = wrapsParam ? call.args.find((candidate) => candidate.param?.name === wrapsParam) : undefined;
  if (!arg || arg.expr.value.kind === 'none') return undefined;
  const unknown = (reason: string): EffectiveConfig => ({ config, fields: config.fields.map((field) => unknownField(field, reason)) });
  const rule = `the SDK uses the timeout of \`${arg.name}=\` unless it is the underlying library's default`;
  if (arg.expr.value.kind !== 'call') return unknown(`${rule}, and \`${arg.expr.text}\` is not known here`);
  const wrappedCall = arg.expr.value.call;
  const wrappedParam = wrappedCall.callable.params.find((candidate) => candidate.config === config.id);
  const own = wrappedParam ? configs.ofParam(wrappedCall, wrappedParam) : undefined;
  const unless = versionedFieldsAt(param.fromWrappedClientUnless ?? [], call.version);
  if (!own || !unless) return unknown(rule);
  if (own.fields.some((field) => field.value === undefined)) return unknown(`${rule}, which is not known here`);
  if (own.fields.every((field) => field.value === unless[field.field.name])) return undefined;
  const fields = own.fields.map((field): FieldValue => ({ ...field, origin: { kind: 'wrapped-client', param: arg.name ?? wrapsParam!, callable: wrappedCall.callable.name, origin: field.origin } }));
  return { config, fields };
}

/** `a.merge(b)`: every field `b` sets explicitly, else `a`'s. */
function mergedConfig(call: BoundCall, paramName: string, config: ConfigSpec, configs: EffectiveConfigs): EffectiveConfig {
  const receiver = call.receiver ? configs.ofObjectCall(call.receiver) : undefined;
  const other = call.args.find((arg) => arg.param?.name === paramName)?.expr;
  const merged = other?.value.kind === 'call' && other.value.call.callable.builds === config.id ? configs.ofObjectCall(other.value.call) : undefined;
  const given = (field: FieldValue) => ['explicit', 'all-fields', 'tuple-item', 'merged-receiver'].includes(field.origin.kind) || (field.origin.kind === 'unknown' && field.value === undefined);
  const fields = config.fields.map((field, index): FieldValue => {
    const mergedField = merged?.fields[index];
    if (!mergedField) return unknownField(field, `merged from \`${other?.text ?? '?'}\`, which is not known here`);
    if (given(mergedField)) return mergedField;
    const base = receiver?.fields[index];
    // The merged-in config's preset replaces a default of the receiver, never a value it was given.
    if (mergedField.origin.kind === 'preset' && !(base && given(base))) return mergedField;
    return base ? { ...base, origin: { kind: 'merged-receiver', callable: call.receiver!.callable.name, origin: base.origin } } : unknownField(field, 'the Config it is called on is not known here');
  });
  return { config, fields };
}

/**
 * A field left out of a config call whose preset option picks a preset that sets it: the preset's
 * value; for a preset chosen at run time, each candidate's (one value when they agree); undefined
 * when no preset applies (the builder's default does).
 */
function presetField(call: BoundCall, option: DefaultsModeOption, field: FieldSpec): FieldValue | undefined {
  if (!option.presets.some((preset) => preset.fields[field.name] !== undefined)) return undefined;
  const choice = presetOf(call, option);
  const unit = field.unit === 'seconds' ? ' s' : '';
  switch (choice.kind) {
    case 'preset': {
      const value = choice.preset.fields[field.name];
      if (value === undefined) return undefined;
      return { field, value, origin: { kind: 'preset', param: option.param, name: choice.preset.name, span: choice.expr.span }, via: choice.expr.via ? [choice.expr.via] : [] };
    }
    case 'runtime': {
      const values = choice.among.map((preset) => preset.fields[field.name]);
      if (values.every((value) => value !== undefined && value === values[0])) {
        return { field, value: values[0], origin: { kind: 'preset', param: option.param, name: choice.name, span: choice.expr.span }, via: [] };
      }
      const each = choice.among.map((preset) => `'${preset.name}' ${preset.fields[field.name] ?? 'default'}${unit}`).join(', ');
      return unknownField(field, `\`${option.param}='${choice.name}'\` picks at run time among ${each}: ${choice.how}`);
    }
    case 'unknown':
      return unknownField(field, `${choice.reason}, and a preset other than '${option.none}' sets it`);
    case 'invalid':
      return invalidField(field, `\`${option.param}='${choice.name}'\` is not one of the modes: building a client with it raises`);
    default:
      return undefined;
  }
}

/** Old keywords whose values moved into a field of this parameter's config (`read_timeout=` → `total`) set that field. */
function withOldKeywords(call: BoundCall, param: ParamSpec, effective: EffectiveConfig): EffectiveConfig {
  const old = call.args.filter((arg) => arg.param?.lifecycle?.replacement === param.name && arg.param.lifecycle.replacementField);
  if (old.length === 0) return effective;
  const fields = effective.fields.map((field) => {
    const arg = old.find((candidate) => candidate.param?.lifecycle?.replacementField === field.field.name);
    return arg ? fieldFromExpr(field.field, arg.expr, { kind: 'explicit', span: arg.expr.span }) : field;
  });
  return { ...effective, fields };
}

/** The configs a client-like call ends up with, one per config id, from the parameters in use at its version (read them through `EffectiveConfigs.ofCall`). */
export function computeConfigsOfCall(call: BoundCall, configs: EffectiveConfigs): EffectiveConfig[] {
  const seen = new Set<string>();
  const found: EffectiveConfig[] = [];
  for (const param of currentConfigParams(call.callable, call.version)) {
    if (seen.has(param.config!)) continue;
    seen.add(param.config!);
    const effective = configs.ofParam(call, param);
    if (effective) found.push(effective);
  }
  return found;
}

/** An argument (like `transport=`) that replaces the pool this parameter configures. */
export function overridingArg(call: BoundCall, param: ParamSpec): BoundArg | undefined {
  return call.args.find((arg) => arg.param?.overrides?.params.includes(param.name));
}

function currentConfigParams(callable: CallableSpec, version: string): ParamSpec[] {
  return callable.params.filter((param) => param.config && nameStatusAt(version, param.since, param.lifecycle) !== 'removed');
}

function configFromTransport(overriding: BoundArg, config: ConfigSpec, configs: EffectiveConfigs): EffectiveConfig {
  const value = overriding.expr.value;
  if (value.kind === 'call') {
    const param = value.call.callable.params.find((candidate) => candidate.config === config.id);
    const effective = param ? configs.ofParam(value.call, param) : undefined;
    if (effective) return { ...effective, fromTransport: value.call };
  }
  const reason = `set by the transport in \`${overriding.name}=\``;
  return { config, fields: config.fields.map((field) => unknownField(field, reason)) };
}

/** Reads an expression that stands for a whole config object. */
function configFromExpr(expr: Expr, config: ConfigSpec, configs: EffectiveConfigs, context: ReadingContext): EffectiveConfig {
  const value = expr.value;
  const via = expr.via ? [expr.via] : [];
  const definedIn = expr.definedIn;
  const withVia = (effective: EffectiveConfig): EffectiveConfig =>
    via.length === 0 ? effective : { ...effective, fields: effective.fields.map((field) => withWhere({ ...field, via: [...via, ...field.via], ...(definedIn ? { definedIn } : {}) }, expr)) };
  if (value.kind === 'oneOf') {
    const each = value.alternatives.map((alternative) => configFromExpr(alternative, config, configs, context));
    return withVia({ config, fields: config.fields.map((field, index) => joinFields(field, each.map((effective) => effective.fields[index]))), paths: each });
  }
  if (value.kind === 'parameter') {
    const fallback = value.default && configFromExpr(value.default, config, configs, context);
    const passed = value.passed.map((argument) => configFromExpr(argument, config, configs, context));
    return withVia({ config, fields: config.fields.map((field, index) => parameterField(field, value.name, fallback?.fields[index], passed.map((effective) => effective.fields[index]))) });
  }
  const reading = context.reading;
  const failure = value.kind === 'number' ? reading?.numberError : value.kind === 'none' && typeof reading?.none === 'object' ? reading.none.error : undefined;
  if (failure !== undefined) return withVia({ config, fields: config.fields.map((field) => invalidField(field, failure)) });
  if (value.kind === 'number' && config.numberSetsAllFields) {
    return withVia({ config, fields: config.fields.map((field) => ({ field, value: value.value, origin: { kind: 'all-fields', span: expr.span }, via: [] })) });
  }
  if (value.kind === 'number' && config.numberSetsFields) {
    const fields = config.fields.map((field): FieldValue =>
      config.numberSetsFields!.includes(field.name) ? { field, value: value.value, origin: { kind: 'explicit', span: expr.span }, via: [] } : builderDefault(field, config, context, configs.catalog),
    );
    return withVia({ config, fields });
  }
  if (value.kind === 'none' && (reading?.none === 'all-none' || (reading?.none === undefined && config.noneSetsAllFields))) {
    return withVia({ config, fields: config.fields.map((field) => ({ field, value: null, origin: { kind: 'all-fields', span: expr.span }, via: [] })) });
  }
  if (value.kind === 'tuple' && config.tuple) {
    const items = value.items;
    const { minLength, maxLength, lengthError } = config.tuple;
    if (items.length < minLength || (maxLength !== undefined && items.length > maxLength)) {
      return withVia({ config, fields: config.fields.map((field) => invalidField(field, lengthError ?? `a ${items.length}-tuple raises IndexError`)) });
    }
    const fields = config.fields.map((field): FieldValue => {
      const index = config.tuple!.order.indexOf(field.name);
      const item = items[index];
      if (item) return fieldFromExpr(field, item, { kind: 'tuple-item', index, span: item.span });
      return { field, value: null, origin: { kind: 'tuple-missing', length: items.length }, via: [] };
    });
    return withVia({ config, fields });
  }
  if (value.kind === 'call' && (value.call.callable.builds === config.id || isForeignBuilder(value.call, config))) {
    const built = configs.ofObjectCall(value.call);
    if (built) return withVia(built);
  }
  const reason = value.kind === 'unknown' ? value.reason : `\`${expr.text}\``;
  return { config, fields: config.fields.map((field) => ({ ...unknownField(field, reason), via, ...(definedIn ? { definedIn } : {}) })) };
}

/** A call of the other library's callable that builds this config (urllib3's `Timeout` passed to requests); it reads as its own config. */
function isForeignBuilder(call: BoundCall, config: ConfigSpec): boolean {
  const foreign = config.foreignBuilder;
  return foreign !== undefined && call.library.modules[0] === foreign.module && call.callable.name === config.callable;
}

function fieldFromExpr(field: FieldSpec, expr: Expr, origin: FieldOrigin): FieldValue {
  const via = expr.via ? [expr.via] : [];
  if (expr.definedIn) return { ...fieldFromExpr(field, { ...expr, definedIn: undefined }, origin), definedIn: expr.definedIn };
  const value = expr.value;
  const withVia = (found: FieldValue): FieldValue => (via.length === 0 ? found : withWhere({ ...found, via: [...via, ...found.via] }, expr));
  if (value.kind === 'number') return withWhere({ field, value: value.value, origin, via }, expr);
  if (value.kind === 'none') return withWhere({ field, value: null, origin, via }, expr);
  if (value.kind === 'oneOf') return withVia(joinFields(field, value.alternatives.map((alternative) => fieldFromExpr(field, alternative, origin))));
  if (value.kind === 'parameter') {
    const fallback = value.default && fieldFromExpr(field, value.default, origin);
    return withVia(parameterField(field, value.name, fallback, value.passed.map((argument) => fieldFromExpr(field, argument, origin))));
  }
  const reason = value.kind === 'unknown' ? value.reason : `\`${expr.text}\``;
  return { field, value: undefined, origin: { kind: 'unknown', reason }, via };
}

/** The alternatives of a field: one value when every path agrees on it, else each side by side (and no value). */
function joinFields(field: FieldSpec, alternatives: readonly FieldValue[]): FieldValue {
  const [first] = alternatives;
  const agree = first.value !== undefined && alternatives.every((other) => other.value === first.value && other.origin.kind === first.origin.kind);
  return agree ? first : { field, value: undefined, origin: { kind: 'one-of', alternatives }, via: [] };
}

/** A field a parameter sets: no value here (the caller decides), its default and the calls' values for the card. */
function parameterField(field: FieldSpec, name: string, fallback: FieldValue | undefined, passed: readonly FieldValue[]): FieldValue {
  return { field, value: undefined, origin: { kind: 'parameter', name, ...(fallback ? { default: fallback } : {}), passed }, via: [] };
}

function withWhere(found: FieldValue, expr: Expr): FieldValue {
  return expr.origin && found.where === undefined ? { ...found, where: expr.origin } : found;
}

/**
 * A field left out of a config call takes the default of the builder's parameter at the version
 * (`callable` when it has the field, else the config's own callable); a sentinel reads as what it stands for.
 */
function builderDefault(field: FieldSpec, config: ConfigSpec, context: ReadingContext, catalog: Catalog, callable?: CallableSpec): FieldValue {
  const builder = callable?.params.some((param) => param.name === field.name) ? callable : catalog.lookup(`${context.library.modules[0]}.${config.callable}`)?.callable;
  const param = builder?.params.find((candidate) => candidate.name === field.name);
  const effective = param?.effectiveDefault?.value;
  const value = typeof effective === 'number' || effective === null ? effective : param ? parseDefault(defaultAt(param, context.version)) : undefined;
  if (value === undefined) return unknownField(field, 'no documented default');
  return { field, value, origin: { kind: 'object-default', callable: config.callable }, via: [] };
}

/** What a client uses for a field when it is given no config object at all (Limits' 100 / 20), if the catalog says. */
export function clientDefaultOf(catalog: Catalog, call: BoundCall, config: ConfigSpec, fieldName: string): number | null | undefined {
  const builder = catalog.lookup(`${call.library.modules[0]}.${config.callable}`)?.callable;
  const param = builder?.params.find((candidate) => candidate.name === fieldName);
  return param ? clientDefaultAt(param, call.version) : undefined;
}

/** The config field a parameter sets: its own name, or for an old name the name that replaced it. */
export function fieldOfParam(param: ParamSpec): string {
  return param.lifecycle?.replacement ?? param.name;
}

function unknownField(field: FieldSpec, reason: string): FieldValue {
  return { field, value: undefined, origin: { kind: 'unknown', reason }, via: [] };
}

function invalidField(field: FieldSpec, error: string): FieldValue {
  return { field, value: undefined, origin: { kind: 'invalid', error }, via: [] };
}
