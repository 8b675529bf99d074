/**
 * The effective configurations of one analysis, each computed once, on first use, and shared:
 * the cards, the checks and their fixes ask this object, never effective.ts directly, so a call's
 * configuration read by a card and by a rule is the very same object. Entries are keyed by the
 * BoundCall (bound once per call node within an analysis) and live as long as the analysis.
 */
import type { Catalog } from '../../catalog';
import type { ConfigSpec, ParamSpec } from '../../catalog/schema';
import type { BoundCall } from '../types';
import { clientDefaultOf, computeConfigOfObjectCall, computeConfigOfParam, computeConfigsOfCall, type EffectiveConfig } from './effective';

export type EffectiveConfigs = {
  readonly catalog: Catalog;
  /** The configs a client-like call ends up with, one per config id. */
  ofCall(call: BoundCall): readonly EffectiveConfig[];
  /** The config a parameter of a call stands for: the argument's, the transport's, or the documented default. */
  ofParam(call: BoundCall, param: ParamSpec): EffectiveConfig | undefined;
  /** The config a call of a config callable (`Timeout(...)`, `Limits(...)`) builds. */
  ofObjectCall(call: BoundCall): EffectiveConfig | undefined;
  /** What a client uses for a field when it is given no config object at all (Limits' 100 / 20), if the catalog says. */
  clientDefault(call: BoundCall, config: ConfigSpec, fieldName: string): number | null | undefined;
};

type CallEntry = { all?: readonly EffectiveConfig[]; object?: { readonly value: EffectiveConfig | undefined }; params: Map<ParamSpec, EffectiveConfig | undefined> };

export function createEffectiveConfigs(catalog: Catalog): EffectiveConfigs {
  const entries = new WeakMap<BoundCall, CallEntry>();
  const entryOf = (call: BoundCall): CallEntry => {
    let entry = entries.get(call);
    if (!entry) entries.set(call, (entry = { params: new Map() }));
    return entry;
  };
  const configs: EffectiveConfigs = {
    catalog,
    ofCall: (call) => {
      const entry = entryOf(call);
      return (entry.all ??= computeConfigsOfCall(call, configs));
    },
    ofParam: (call, param) => {
      const { params } = entryOf(call);
      if (!params.has(param)) params.set(param, computeConfigOfParam(call, param, configs));
      return params.get(param);
    },
    ofObjectCall: (call) => {
      const entry = entryOf(call);
      return (entry.object ??= { value: computeConfigOfObjectCall(call, configs) }).value;
    },
    clientDefault: (call, config, fieldName) => clientDefaultOf(catalog, call, config, fieldName),
  };
  return configs;
}
