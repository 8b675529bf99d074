/**
 * PG102: positional arguments of a configuration call whose meaning differs between catalogued
 * releases, or whose positional reading is documented as misleading (core/positionalMeaning.ts).
 * The message says which releases differ and what the detected one reads; the fix writes every
 * positional argument as `name=value`, by the order of the version in use.
 */
import { isInRange, rangeText } from '../../catalog/versions';
import { ambiguousPositions, type AmbiguousPosition } from '../positionalMeaning';
import type { BoundCall, Finding } from '../types';
import { calleeText, finding, type Check } from './context';

export const positionalConfigArgs: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    const ambiguous = ambiguousPositions(call);
    if (ambiguous.length === 0) continue;
    const callee = calleeText(ctx, call);
    const positional = call.args.filter((arg) => arg.position !== undefined);
    const bindable = positional.every((arg) => arg.name !== undefined);
    const named = positional.map((arg) => `${arg.name}=${arg.expr.text}`);
    const message = `${callee}(...): ${[misleadingReason(ambiguous), ...ambiguous.map((position) => changedReason(call, position))].filter(Boolean).join('; ')}.${bindable ? ' Write it by keyword.' : ''}`;
    const span = { start: ambiguous[0].arg.span.start, end: ambiguous[ambiguous.length - 1].arg.span.end };
    const fixes = bindable
      ? [{ title: `Use keywords: \`${callee}(${named.join(', ')})\``, edits: positional.map((arg, index) => ({ span: arg.span, newText: named[index] })), safe: true, preferred: true }]
      : [];
    findings.push(finding('PG102', call, span, message, { fixes }));
  }
  return findings;
};

/** One clause for the documented-misleading arguments: what they bind, and what readers get wrong. */
function misleadingReason(ambiguous: readonly AmbiguousPosition[]): string | undefined {
  const misleading = ambiguous.filter((position) => position.kind === 'misleading');
  if (misleading.length === 0 || misleading[0].kind !== 'misleading') return undefined;
  const reads = misleading.map(({ arg }) => `${arg.name}=${arg.expr.text}`).join(', ');
  return `by position this reads ${reads}, and ${misleading[0].explanation}`;
}

/** One clause per argument whose meaning differs between releases: the detected reading, then the others with their releases. */
function changedReason(call: BoundCall, position: AmbiguousPosition): string | undefined {
  if (position.kind !== 'changed') return undefined;
  const { arg, readings } = position;
  const detected = readings.find((reading) => reading.versions.some((range) => isInRange(call.version, range)));
  const others = readings.filter((reading) => reading !== detected).map((reading) => `${meaning(reading.name)} ${reading.versions.map(rangeText).join(' and ')}`);
  const ordinal = `the ${ordinalOf(arg.position! + 1)} positional argument (\`${arg.expr.text}\`)`;
  return `${ordinal} is ${meaning(detected?.name)} in ${call.library.displayName} ${call.version} but ${others.join(' and ')}, so the call changes meaning across those releases`;
}

function meaning(name: string | undefined): string {
  return name === undefined ? 'more than the call accepts (a TypeError)' : `\`${name}\``;
}

function ordinalOf(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
