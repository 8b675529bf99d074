/**
 * The card row of a config's retry policy (`retries`: mode and attempts in all, and where they come
 * from), the same on the config object's card and on the card of a client built with it.
 */
import type { Catalog } from '../../catalog';
import type { EffectiveConfig } from '../config/effective';
import { retriesOfClient, retriesOfConfigCall, type EffectiveRetries } from '../config/retries';
import type { BoundCall } from '../types';
import type { CardRow } from './cardData';

/** The retry policy's row and note: from the config call itself, or from the client's parameter that takes it. */
export type RetrySection = { readonly rows: readonly CardRow[]; readonly notes: readonly string[] };

/** The retries row of `call` for the first config that has a retry option (not one a transport replaces), and what outside the code may change. */
export function retrySection(call: BoundCall, configs: readonly EffectiveConfig[], catalog: Catalog): RetrySection {
  const config = configs.find((candidate) => candidate.config.retries && !candidate.fromTransport)?.config;
  const option = config?.retries;
  if (!config || !option) return { rows: [], notes: [] };
  const builds = call.callable.builds ? catalog.config(call.library, call.callable.builds) : undefined;
  const param = call.callable.params.find((candidate) => candidate.config === config.id);
  const retries = builds?.id === config.id ? retriesOfConfigCall(call, config) : param ? retriesOfClient(call, param.name, config) : undefined;
  if (!retries) return { rows: [], notes: [] };
  const row = { option: `\`${option.param}\``, value: retryValue(retries), origin: retryOrigin(retries) };
  return { rows: [row], notes: retries.outside ? [retries.outside] : [] };
}

/** `standard, 6 attempts in all`, what is unknown, or the error. */
export function retryValue(retries: EffectiveRetries): string {
  if (retries.error) return `error: ${retries.error}`;
  const { mode, attempts } = retries;
  if (mode.value === undefined && attempts.value === undefined) return `unknown: ${mode.from === attempts.from ? mode.from : `${mode.from}; ${attempts.from}`}`;
  const modeText = mode.value ?? `mode unknown (${mode.from})`;
  const attemptsText = attempts.value !== undefined ? `${attempts.value} attempt${attempts.value === 1 ? '' : 's'} in all` : `attempts unknown (${attempts.from})`;
  return `${modeText}, ${attemptsText}`;
}

/** `explicit: \`mode\` and \`max_attempts\` (5 retries) + the first attempt, via \`cfg\``, or the defaults and what outside the code may change. */
export function retryOrigin(retries: EffectiveRetries): string {
  const via = retries.via.length > 0 ? `, via ${retries.via.map((name) => `\`${name}\``).join(' → ')}` : '';
  const { mode, attempts } = retries;
  if (mode.value === undefined && attempts.value === undefined && !mode.explicit && !attempts.explicit) return `unknown here${via}`;
  const parts = mode.explicit && attempts.explicit ? `explicit: ${mode.from}, ${attempts.from}` : `mode: ${part(mode)}; attempts: ${part(attempts)}`;
  return `${parts}${via}${retries.outside ? ' — unless set outside the code (below)' : ''}`;
}

function part(retryPart: EffectiveRetries['mode'] | EffectiveRetries['attempts']): string {
  return retryPart.explicit ? `explicit (${retryPart.from})` : retryPart.from;
}
