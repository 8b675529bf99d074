/**
 * Part of PG303: an SDK request that raises before it is sent because it is not streamed, no
 * timeout is set for it anywhere (so the SDK's default applies) and its token budget implies a
 * longer wait than that default (the catalog's `streamingRequired`).
 */
import { nameStatusAt } from '../../catalog/versions';
import type { FieldOrigin } from '../config/effective';
import type { BoundCall, Finding } from '../types';
import { finding, type CheckContext } from './context';

export function streamingRequiredProblem(ctx: CheckContext, call: BoundCall): Finding | undefined {
  const rule = call.callable.streamingRequired;
  if (!rule || call.splats.length > 0 || nameStatusAt(call.version, rule.since, undefined) !== 'current') return undefined;
  if (!rule.paths.some((path) => call.qualifiedName.endsWith(`.${path}`))) return undefined;
  const tokens = call.args.find((arg) => arg.name === rule.tokensParam);
  const stream = call.args.find((arg) => arg.name === rule.streamParam)?.expr.value;
  if (tokens?.expr.value.kind !== 'number' || tokens.expr.value.value <= rule.maxTokens) return undefined;
  if (stream && !(stream.kind === 'bool' && !stream.value)) return undefined;
  const timeout = call.callable.params.find((param) => param.config);
  const effective = timeout ? ctx.configs.ofParam(call, timeout) : undefined;
  if (!effective || !effective.fields.every((field) => isSdkDefault(field.origin))) return undefined;
  const message = `${rule.tokensParam}=${tokens.expr.text} without streaming and without a timeout: the SDK raises before sending (${rule.error}); pass \`${rule.streamParam}=True\`, or set \`timeout=\` here or on the client.`;
  return finding('PG303', call, tokens.span, message);
}

/** The value is the SDK client's own default timeout, reached through `with_options(...)` copies that set none. */
function isSdkDefault(origin: FieldOrigin): boolean {
  if (origin.kind === 'receiver') return isSdkDefault(origin.origin);
  return origin.kind === 'omitted' && origin.noneSpan === undefined;
}
