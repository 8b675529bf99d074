/**
 * Reads `test/fixtures/library-facts/library-facts.json` (see the README beside it) and the few text
 * conventions it uses: version ranges like "0.17.0-0.18.1" or "<=0.12.1-0.13.3", and entries that
 * say they are the "same_as" another callable's.
 */
import * as fs from 'node:fs';
import { libraryFactsPath } from './repo';

export type FactParam = {
  readonly name: string;
  readonly position_or_keyword_only: string;
  readonly default: string;
  readonly introduced?: string | null;
  readonly deprecated?: string | null;
  readonly removed?: string | null;
  readonly client_default?: number | null;
};

export type FactEntry = {
  readonly versions: string;
  readonly params?: readonly FactParam[];
  readonly all_keyword_only?: boolean;
  readonly deprecated?: string;
  readonly removed?: string;
  readonly [key: string]: unknown;
};

/** The `httpx` section: callables map to entry lists (or a same_as object), the rest to free-form facts. */
export type HttpxFacts = Readonly<Record<string, unknown>>;

export function readHttpxFacts(): HttpxFacts {
  return JSON.parse(fs.readFileSync(libraryFactsPath(), 'utf8')).httpx as HttpxFacts;
}

/** The entry list of a callable's key, following `{ same_as: "Client (…)" }` to the named key. */
export function factEntries(facts: HttpxFacts, key: string): { entries: readonly FactEntry[]; sameAs?: string } {
  const value = facts[key];
  if (Array.isArray(value)) return { entries: value as FactEntry[] };
  const sameAs = (value as { same_as?: unknown } | undefined)?.same_as;
  if (typeof sameAs === 'string') {
    const target = sameAs.split(/[\s(]/)[0];
    const targetValue = facts[target];
    if (!Array.isArray(targetValue)) throw new Error(`${key} is the same as ${target}, which has no entry list`);
    return { entries: targetValue as FactEntry[], sameAs: target };
  }
  throw new Error(`library-facts.json has no entry list for ${key}`);
}

/** A JSON range "a-b" (either end may read "<=x", and "0.12.x" means 0.12.0) as concrete bounds. */
export function parseFactRange(text: string): { lower?: string; upper: string } {
  const normalize = (version: string) => version.replace(/\.x$/, '.0');
  const parts = text.split('-');
  if (parts.length === 1) {
    const only = parts[0].replace(/^<=/, '');
    return parts[0].startsWith('<=') ? { upper: normalize(only) } : { lower: normalize(only), upper: normalize(only) };
  }
  if (parts.length !== 2) throw new Error(`unreadable version range "${text}"`);
  const [first, last] = parts;
  return { lower: first.startsWith('<=') ? undefined : normalize(first), upper: normalize(last) };
}

/** The versions of a range the tests check: both ends when the lower one is known. */
export function versionsToCheck(text: string): string[] {
  const { lower, upper } = parseFactRange(text);
  return lower !== undefined && lower !== upper ? [lower, upper] : [upper];
}
