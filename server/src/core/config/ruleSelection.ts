/**
 * Which rules run and how loud they are, from layers of user choices (pyproject, then editor
 * settings or CLI flags): `select` replaces the set of enabled rules, `severity` sets a rule's
 * level (enabling it) or turns it "off", and `ignore` removes rules. The result is AnalysisOptions.severities.
 */
import { RULES, findRule } from '../rules';
import type { Severity } from '../types';

export type RuleLevel = Severity | 'off';

/** One layer of choices, every entry already a rule code. */
export type RuleSelection = {
  readonly select?: readonly string[];
  readonly ignore?: readonly string[];
  readonly severity?: Readonly<Record<string, RuleLevel>>;
};

export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * Codes for a list of rule references: a code (`PG301`), a name (`missing-timeout`), a code
 * prefix (`PG3`, `PG`) or `ALL`. Unknown references are returned as they were written.
 */
export function resolveRuleCodes(references: readonly string[]): { codes: string[]; unknown: string[] } {
  const codes = new Set<string>();
  const unknown: string[] = [];
  for (const raw of references) {
    const reference = raw.trim();
    if (reference === '') continue;
    const rule = findRule(reference);
    const matches = rule ? [rule] : reference === 'ALL' ? RULES : /^PG\d{0,2}$/i.test(reference) ? RULES.filter((candidate) => candidate.code.startsWith(reference.toUpperCase())) : [];
    if (matches.length === 0) unknown.push(reference);
    for (const match of matches) codes.add(match.code);
  }
  return { codes: [...codes], unknown };
}

/** The level of every rule after applying the layers in order (later layers win). */
export function severitiesFor(layers: readonly RuleSelection[]): Record<string, RuleLevel> {
  let enabled = new Set(RULES.map((rule) => rule.code));
  const levels = new Map<string, Severity>();
  for (const layer of layers) {
    if (layer.select) enabled = new Set(layer.select);
    for (const [code, level] of Object.entries(layer.severity ?? {})) {
      if (level === 'off') {
        enabled.delete(code);
      } else {
        enabled.add(code);
        levels.set(code, level);
      }
    }
    // Within one layer an explicit ignore wins over a level.
    for (const code of layer.ignore ?? []) enabled.delete(code);
  }
  const result: Record<string, RuleLevel> = {};
  for (const rule of RULES) {
    const level = enabled.has(rule.code) ? levels.get(rule.code) : 'off';
    if (level) result[rule.code] = level;
  }
  return result;
}
