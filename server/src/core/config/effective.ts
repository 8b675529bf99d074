/**
 * The effective configuration of a call: for every field of every config object it takes
 * (timeout phases, pool limits) the value the library will use and where that value comes from.
 * Generic over the catalog's ConfigSpec rules: scalars, None, tuples, fallbacks and defaults.
 */
import type { Catalog } from '../../catalog';
import type { CallableSpec, ConfigSpec, FieldSpec, ParamSpec } from '../../catalog/schema';
import { compareVersions, defaultAt, nameStatusAt, omittedFieldsAt, paramByName } from '../../catalog/versions';
import type { BoundArg, BoundCall, Expr, TextSpan } from '../types';
import { parseDefault } from './defaults';

/** Where a field's value comes from. */
export type FieldOrigin =
  | { readonly kind: 'explicit'; readonly span: TextSpan }
  | { readonly kind: 'all-fields'; readonly span: TextSpan }
  | { readonly kind: 'tuple-item'; readonly index: number; readonly span: TextSpan }
  | { readonly kind: 'tuple-missing'; readonly length: number }
  | { readonly kind: 'fallback'; readonly callable: string }
  | { readonly kind: 'object-default'; readonly callable: string }
  | { readonly kind: 'omitted'; readonly param: string; readonly callable: string }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly error: string };

/** One field's value: a number, null (the library's None), or undefined when unknown here. */
export type FieldValue = {
  readonly field: FieldSpec;
  readonly value: number | null | undefined;
  readonly origin: FieldOrigin;
  /** The variable names the value was resolved through, outermost first. */
  readonly via: readonly string[];
};

export type EffectiveConfig = {
  readonly config: ConfigSpec;
  readonly fields: readonly FieldValue[];
  /** Set when the fields come from a transport passed in place of the client's own pool. */
  readonly fromTransport?: BoundCall;
};

/** The config a call of a config callable (`Timeout(...)`, `Limits(...)`) builds. */
export function configOfObjectCall(call: BoundCall, catalog: Catalog): EffectiveConfig | undefined {
  const config = call.callable.builds ? catalog.config(call.library, call.callable.builds) : undefined;
  if (!config) return undefined;
  const fallback = config.fallbackParam ? call.args.find((arg) => arg.param?.name === config.fallbackParam) : undefined;
  const fromFallback = fallback && (fallback.expr.value.kind === 'tuple' || fallback.expr.value.kind === 'call');
  if (fallback && fromFallback) return configFromExpr(fallback.expr, config, catalog);

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
    if (fallback) return fieldFromExpr(field, fallback.expr, { kind: 'fallback', callable: call.callable.name });
    if (call.splats.length > 0) return unknownField(field, 'may be set by `**kwargs`');
    if (fallbackDefault !== undefined) return { field, value: fallbackDefault, origin: { kind: 'object-default', callable: config.callable }, via: [] };
    if (missingRequired) return { field, value: undefined, origin: { kind: 'invalid', error: config.fallbackOrAllFieldsRequired!.error }, via: [] };
    return defaultField(field, call, catalog, config);
  });
  return { config, fields };
}

/** The config a parameter of a call stands for: the argument's, the transport's, or the documented default. */
export function configOfParam(call: BoundCall, param: ParamSpec, catalog: Catalog): EffectiveConfig | undefined {
  const config = param.config ? catalog.config(call.library, param.config) : undefined;
  if (!config) return undefined;
  // A transport that replaces the pool wins over the pool settings given next to it.
  const overriding = overridingArg(call, param);
  if (overriding) return configFromTransport(overriding, config, catalog);
  const given = call.args.find((arg) => arg.param?.config === config.id);
  if (given) return configFromExpr(given.expr, config, catalog);
  if (call.splats.length > 0) return { config, fields: config.fields.map((field) => unknownField(field, 'may be set by `**kwargs`')) };
  const fields = config.fields.map(
    (field): FieldValue => ({
      field,
      value: omittedFieldsAt(param, call.version)?.[field.name],
      origin: { kind: 'omitted', param: param.name, callable: call.callable.name },
      via: [],
    }),
  );
  return { config, fields };
}

/** The configs a client-like call ends up with, one per config id, from the parameters in use at its version. */
export function configsOfCall(call: BoundCall, catalog: Catalog): EffectiveConfig[] {
  const seen = new Set<string>();
  const configs: EffectiveConfig[] = [];
  for (const param of currentConfigParams(call.callable, call.version)) {
    if (seen.has(param.config!)) continue;
    seen.add(param.config!);
    const effective = configOfParam(call, param, catalog);
    if (effective) configs.push(effective);
  }
  return configs;
}

/** An argument (like `transport=`) that replaces the pool this parameter configures. */
export function overridingArg(call: BoundCall, param: ParamSpec): BoundArg | undefined {
  return call.args.find((arg) => arg.param?.overrides?.params.includes(param.name));
}

function currentConfigParams(callable: CallableSpec, version: string): ParamSpec[] {
  return callable.params.filter((param) => param.config && nameStatusAt(version, param.since, param.lifecycle) !== 'removed');
}

function configFromTransport(overriding: BoundArg, config: ConfigSpec, catalog: Catalog): EffectiveConfig {
  const value = overriding.expr.value;
  if (value.kind === 'call') {
    const param = value.call.callable.params.find((candidate) => candidate.config === config.id);
    const effective = param ? configOfParam(value.call, param, catalog) : undefined;
    if (effective) return { ...effective, fromTransport: value.call };
  }
  const reason = `set by the transport in \`${overriding.name}=\``;
  return { config, fields: config.fields.map((field) => unknownField(field, reason)) };
}

/** Reads an expression that stands for a whole config object. */
function configFromExpr(expr: Expr, config: ConfigSpec, catalog: Catalog): EffectiveConfig {
  const value = expr.value;
  const via = expr.via ? [expr.via] : [];
  const withVia = (effective: EffectiveConfig): EffectiveConfig =>
    via.length === 0 ? effective : { ...effective, fields: effective.fields.map((field) => ({ ...field, via: [...via, ...field.via] })) };
  if (value.kind === 'number' && config.numberSetsAllFields) {
    return withVia({ config, fields: config.fields.map((field) => ({ field, value: value.value, origin: { kind: 'all-fields', span: expr.span }, via: [] })) });
  }
  if (value.kind === 'none' && config.noneSetsAllFields) {
    return withVia({ config, fields: config.fields.map((field) => ({ field, value: null, origin: { kind: 'all-fields', span: expr.span }, via: [] })) });
  }
  if (value.kind === 'tuple' && config.tuple) {
    const items = value.items;
    if (items.length < config.tuple.minLength) {
      return withVia({ config, fields: config.fields.map((field) => invalidField(field, `a ${items.length}-tuple raises IndexError`)) });
    }
    const fields = config.fields.map((field): FieldValue => {
      const index = config.tuple!.order.indexOf(field.name);
      const item = items[index];
      if (item) return fieldFromExpr(field, item, { kind: 'tuple-item', index, span: item.span });
      return { field, value: null, origin: { kind: 'tuple-missing', length: items.length }, via: [] };
    });
    return withVia({ config, fields });
  }
  if (value.kind === 'call' && value.call.callable.builds === config.id) {
    const built = configOfObjectCall(value.call, catalog);
    if (built) return withVia(built);
  }
  const reason = value.kind === 'unknown' ? value.reason : `\`${expr.text}\``;
  return { config, fields: config.fields.map((field) => ({ ...unknownField(field, reason), via })) };
}

function fieldFromExpr(field: FieldSpec, expr: Expr, origin: FieldOrigin): FieldValue {
  const via = expr.via ? [expr.via] : [];
  const value = expr.value;
  if (value.kind === 'number') return { field, value: value.value, origin, via };
  if (value.kind === 'none') return { field, value: null, origin, via };
  const reason = value.kind === 'unknown' ? value.reason : `\`${expr.text}\``;
  return { field, value: undefined, origin: { kind: 'unknown', reason }, via };
}

/** A field left out of a config call takes the default of the builder's parameter (or the config callable's). */
function defaultField(field: FieldSpec, call: BoundCall, catalog: Catalog, config: ConfigSpec): FieldValue {
  const builder = call.callable.params.find((param) => param.name === field.name)
    ? call.callable
    : catalog.lookup(`${call.library.modules[0]}.${config.callable}`)?.callable;
  const param = builder?.params.find((candidate) => candidate.name === field.name);
  const value = param ? parseDefault(param.default) : undefined;
  if (value === undefined) return unknownField(field, 'no documented default');
  return { field, value, origin: { kind: 'object-default', callable: config.callable }, via: [] };
}

/** What a client uses for a field when it is given no config object at all (Limits' 100 / 20), if the catalog says. */
export function clientDefaultOf(catalog: Catalog, call: BoundCall, config: ConfigSpec, fieldName: string): number | null | undefined {
  const builder = catalog.lookup(`${call.library.modules[0]}.${config.callable}`)?.callable;
  return builder?.params.find((param) => param.name === fieldName)?.clientDefault;
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
