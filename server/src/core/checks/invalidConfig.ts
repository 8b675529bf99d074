/**
 * PG303: a config object that the library rejects when it is built, e.g. a Timeout with neither a
 * default nor every phase, or a tuple too short to read.
 */
import { nameStatusAt } from '../../catalog/versions';
import { configOfObjectCall } from '../config/effective';
import type { Finding } from '../types';
import { finding, textOf, type Check } from './context';

export const invalidConfig: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    if (!call.callable.builds) continue;
    // A call that uses removed names fails for that reason first; PG201 reports it and migrates it.
    if (call.args.some((arg) => arg.param && nameStatusAt(call.version, arg.param.since, arg.param.lifecycle) === 'removed')) continue;
    const effective = configOfObjectCall(call, ctx.catalog);
    const invalid = effective?.fields.find((field) => field.origin.kind === 'invalid');
    if (!invalid || invalid.origin.kind !== 'invalid') continue;
    const message = `\`${textOf(ctx, call.span).replace(/\s+/g, ' ')}\` fails when it runs: ${invalid.origin.error}`;
    findings.push(finding('PG303', call, call.calleeSpan, message));
  }
  return findings;
};
