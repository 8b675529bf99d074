/**
 * The assertions every fix-equivalence test makes, whatever the library: a safe fix builds the
 * configuration the original built; one offered as changing behaviour builds another, and exactly
 * the intended target its fixture states (run with the real library too); and analysing the fixed
 * text again offers no fix for the same finding.
 */
import assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../server/src/core/analysis/analyze';
import type { Finding, Fix } from '../../server/src/core/types';
import { analyzeText } from './engine';
import { mapSpan, type FixCase, type FixFixture, type FixTarget } from './fixFixtures';

/** What a Python runner reports for one execution: the objects built and the requests sent. */
export type RunOutcome = { readonly objects?: unknown; readonly sent?: unknown };

/** What the runner reports for a target's text: errors too, since a target that fails proves nothing. */
export type TargetOutcome = RunOutcome & { readonly error?: string | null };

/** The fixture's intended target for this fix, when the fix changes behaviour. */
export function targetOf(each: FixCase): FixTarget | undefined {
  return each.fix.safe ? undefined : each.fixture.targets?.[each.finding.code];
}

/** Every rule a fixture lists offers at least one fix on it (`at` names the versions, for the message). */
export function assertEveryFixtureOffersFixes(fixtures: readonly FixFixture[], cases: readonly FixCase[], at: string): void {
  for (const fixture of fixtures) {
    for (const code of fixture.codes) assert.ok(cases.some((each) => each.fixture === fixture && each.finding.code === code), `${fixture.name}: no ${code} fix at ${at}`);
  }
}

/**
 * The runner items of one fix test that runs every text: each fixture's original, then each case's
 * fixed text, then each case's target (see targetRuns); and where each one's result is in the output.
 */
export function fixRuns(fixtures: readonly FixFixture[], cases: readonly FixCase[]) {
  return {
    runs: [...fixtures.map((fixture) => ({ source: fixture.source, run: true })), ...cases.map((each) => ({ source: each.fixedText, run: true })), ...targetRuns(cases)],
    originalAt: (each: FixCase) => fixtures.indexOf(each.fixture),
    fixedAt: (index: number) => fixtures.length + index,
    targetAt: (index: number) => fixtures.length + cases.length + index,
  };
}

/** One runner item per case (in order): the target's text to run, or nothing to run. */
export function targetRuns(cases: readonly FixCase[]): { source: string; run: boolean }[] {
  return cases.map((each) => {
    const target = targetOf(each);
    return { source: target ? target.source(each.fix.title) : '', run: target !== undefined };
  });
}

export function assertKeepsOrChangesConfiguration(each: FixCase, original: RunOutcome, fixed: RunOutcome, target: TargetOutcome): void {
  const before = { objects: original.objects, sent: original.sent };
  const after = { objects: fixed.objects, sent: fixed.sent };
  if (each.fix.safe) {
    assert.deepEqual(after, before, `a safe fix changed the configuration:\n${each.fixedText}`);
    return;
  }
  assert.notDeepEqual(after, before, `a fix offered as changing behaviour builds the same configuration:\n${each.fixedText}`);
  const intended = targetOf(each);
  assert.ok(intended, `a fix offered as changing behaviour has no intended target in its fixture (targets.${each.finding.code}):\n${each.fixedText}`);
  assert.equal(target.error, null, `the intended target fails: ${target.error}\n${intended.source(each.fix.title)}`);
  const objects = Object.fromEntries(Object.entries(target.objects ?? {}).filter(([name]) => !name.startsWith('_')));
  assert.deepEqual(after, { objects, sent: target.sent }, `the fix does not build its intended target (${intended.meaning}):\n${each.fixedText}`);
}

export async function assertFixIsStable(each: { finding: Finding; fix: Fix; fixedText: string }, options: AnalysisOptions): Promise<void> {
  const region = mapSpan(each.finding.span, each.fix.edits);
  const again = (await analyzeText(each.fixedText, options)).findings.filter(
    (finding) => finding.code === each.finding.code && finding.fixes.length > 0 && finding.span.start < region.end && region.start < finding.span.end,
  );
  assert.deepEqual(again.map((finding) => finding.message), [], `fixing twice is not stable:\n${each.fixedText}`);
}
