/**
 * Card rows for an SDK client over another HTTP client: the pool limits and the redirect setting
 * it runs with (the SDK's own client's, or the passed `http_client=`'s), and a note when a plain
 * client drops the SDK's defaults.
 */
import type { EffectiveConfigs } from '../config/configQueries';
import type { BoundCall } from '../types';
import { wrappedClientState } from '../config/wrappedClient';
import type { CardRow } from './cardData';
import { formatFieldValue, formatOrigin } from './format';

export function wrappedClientRows(call: BoundCall, configs: EffectiveConfigs): CardRow[] {
  const state = wrappedClientState(call, configs);
  if (!state) return [];
  const where = state.client ? `\`${state.spec.param}=\` ${state.client.qualifiedName}: ` : '';
  const rows: CardRow[] = (state.limits?.fields ?? []).map((field) => ({
    option: `\`${state.spec.limits.param}.${field.field.name}\``,
    value: formatFieldValue(field),
    origin: state.client ? where + formatOrigin(field) : `the SDK's own client (no \`${state.spec.param}=\`)`,
  }));
  if (!state.limits) rows.push({ option: `\`${state.spec.limits.param}\``, value: `unknown: set by the client in \`${state.spec.param}=\``, origin: 'unknown here' });
  rows.push({
    option: `\`${state.spec.redirects.param}\``,
    value: state.redirects.value ?? `unknown: ${state.redirects.from}`,
    origin: state.redirects.value ? where + state.redirects.from : 'unknown here',
  });
  return rows;
}

/** The note a card adds when `http_client=` is a plain client of the underlying library. */
export function wrappedClientNote(call: BoundCall, configs: EffectiveConfigs): string | undefined {
  const state = wrappedClientState(call, configs);
  if (!state?.plain || !state.client) return undefined;
  return `\`${state.spec.param}=\` is a plain \`${state.client.qualifiedName}\`: the pool and redirects above are its own, not the SDK's; \`${call.library.modules[0]}.${state.spec.defaultClient}(...)\` with the same arguments keeps the SDK's defaults.`;
}
