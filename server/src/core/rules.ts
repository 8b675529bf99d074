/**
 * The diagnostic rules: stable code, kebab-case name, default severity and a one-line summary.
 * Codes never change meaning once released (see docs/rules/).
 */
import type { Severity } from './types';

export type Rule = {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly summary: string;
  /**
   * The rule tells what a configuration does once a client uses it, so it is not reported on a
   * construction whose result is only compared (`assert limits == Limits(...)`: a test checking a
   * value). Rules about the code as written (its reading, a removed name, a value rejected at run time) lack it.
   */
  readonly aboutUse?: true;
};

export const RULES: readonly Rule[] = [
  { code: 'PG101', name: 'ambiguous-timeout-tuple', severity: 'warning', summary: 'A tuple passed as a timeout: its items are read by position, and missing ones silently mean "no limit".' },
  { code: 'PG102', name: 'positional-config-args', severity: 'information', summary: 'Positional arguments whose meaning differs between releases, or whose positional reading is documented as misleading.' },
  { code: 'PG201', name: 'renamed-or-removed-option', severity: 'warning', summary: 'A name that the library version in use deprecates or no longer has.' },
  { code: 'PG301', name: 'missing-timeout', severity: 'warning', summary: 'A request that can wait forever because no timeout applies to it.' },
  { code: 'PG302', name: 'timeouts-disabled', severity: 'warning', summary: 'An explicit None that turns every timeout off.', aboutUse: true },
  { code: 'PG303', name: 'invalid-config', severity: 'error', summary: 'Configuration that the library rejects at run time.' },
  { code: 'PG304', name: 'partial-config-resets-defaults', severity: 'information', summary: 'A config object that silently drops the client defaults for the fields it leaves out.', aboutUse: true },
  { code: 'PG305', name: 'ineffective-timeout-setting', severity: 'warning', summary: 'A timeout setting that has no effect.', aboutUse: true },
  { code: 'PG401', name: 'ignored-pool-config', severity: 'warning', summary: 'Pool settings that have no effect because a transport replaces the pool they configure.', aboutUse: true },
  { code: 'PG402', name: 'inconsistent-limits', severity: 'warning', summary: 'Limits that contradict each other, or a pool with no room for any connection.', aboutUse: true },
  { code: 'PG403', name: 'soft-pool-cap', severity: 'hint', summary: 'A pool size raised without blocking: the cap is not enforced and extra connections are opened and discarded.', aboutUse: true },
  { code: 'PG404', name: 'sdk-client-drops-defaults', severity: 'warning', summary: "An SDK client given a plain HTTP client: the SDK's pool and redirect defaults are replaced by the plain client's.", aboutUse: true },
  { code: 'PG501', name: 'client-per-request', severity: 'information', summary: 'Connection pooling lost where a call repeats: a throwaway pool per request, or a new client, in a loop, a handler or a coroutine.', aboutUse: true },
  { code: 'PG601', name: 'pool-smaller-than-concurrency', severity: 'warning', summary: 'More threads or tasks share one client than its pool serves: requests queue and time out, or extra connections are opened and discarded.' },
  { code: 'PG602', name: 'unbounded-fan-out', severity: 'information', summary: 'Tasks started for every item of an iterable of unknown size, with no semaphore, wait for a pool whose wait is bounded by a timeout.' },
];

const byCodeOrName = new Map<string, Rule>(RULES.flatMap((rule) => [[rule.code, rule], [rule.name, rule]] as [string, Rule][]));

/** The rule a code (`PG101`) or name (`ambiguous-timeout-tuple`) stands for, case-insensitive for codes. */
export function findRule(codeOrName: string): Rule | undefined {
  const key = codeOrName.trim();
  return byCodeOrName.get(key) ?? byCodeOrName.get(key.toUpperCase());
}

/** Where the documentation of a rule lives. */
export function ruleDocsUrl(rule: Rule): string {
  return `https://github.com/pool-guide/pool-guide/blob/main/docs/rules/${rule.code}.md`;
}
