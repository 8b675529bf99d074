/**
 * PG404: an SDK client given a plain client of the underlying HTTP library as its wrapped client
 * (`OpenAI(http_client=httpx.Client())`): the pool limits and the redirect setting become that
 * library's, not the SDK's. Not flagged when the passed client sets the limits itself, when it is
 * the SDK's own default client, or when `**kwargs` may set them. The fix builds the SDK's default
 * client with the same arguments; that changes the pool (and redirects), so it is not safe.
 */
import { nameStatusAt, versionedFieldsAt } from '../../catalog/versions';
import type { FieldValue } from '../config/effective';
import { wrappedClientState } from '../config/wrappedClient';
import { referenceTo } from '../fixes/importStyle';
import type { Finding, Fix } from '../types';
import { calleeText, finding, textOf, type Check, type CheckContext } from './context';
import type { BoundCall } from '../types';

export const sdkClientDropsDefaults: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    const state = wrappedClientState(call, ctx.configs);
    const client = state?.client;
    if (!state?.plain || !state.arg || !client || client.splats.length > 0) continue;
    if (client.args.some((arg) => arg.param?.name === state.spec.limits.param)) continue;
    const sdk = versionedFieldsAt(state.spec.limits.sdkDefault, call.version);
    const pool = sdk ? `${Object.values(sdk).slice(0, 2).join('/')}` : "the SDK's";
    const passed = textOf(ctx, client.calleeSpan);
    const message = `${calleeText(ctx, call)}(${state.spec.param}=${passed}(...)) runs with ${passed}'s own ${ownPool(state.limits?.fields)} instead of the SDK's ${pool}, and redirects ${state.redirects.value === 'True' ? 'followed' : 'not followed'}.`;
    const fix = defaultClientFix(ctx, call, client, state.spec.defaultClient);
    findings.push(finding('PG404', call, state.arg.span, message, { fixes: fix ? [fix] : [] }));
  }
  return findings;
};

/** The passed client's pool as "pool of 100/20" (None as "unlimited"), or just "pool" when a value is not known (a transport's, a variable's). */
function ownPool(fields: readonly FieldValue[] | undefined): string {
  const values = fields?.slice(0, 2).map((field) => field.value) ?? [];
  if (values.length < 2 || values.some((value) => value === undefined)) return 'pool';
  return `defaults: a pool of ${values.map((value) => value ?? 'unlimited').join('/')}`;
}

function defaultClientFix(ctx: CheckContext, sdkCall: BoundCall, client: BoundCall, defaultClient: string): Fix | undefined {
  const spec = sdkCall.library.callables.find((callable) => callable.name === defaultClient && !callable.receiver);
  if (!spec || nameStatusAt(sdkCall.version, spec.since, spec.lifecycle) !== 'current') return undefined;
  const reference = referenceTo(sdkCall, defaultClient, ctx.imports);
  return {
    title: `Use \`${reference.text}(...)\` with the same arguments (changes behaviour: the SDK's pool limits and redirects apply)`,
    edits: [{ span: client.calleeSpan, newText: reference.text }, ...reference.edits],
    safe: false,
    preferred: true,
  };
}
