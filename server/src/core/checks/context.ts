/**
 * What every check receives, and the shape of a check. Checks read bound calls and the catalog;
 * they never walk the syntax tree and never name a library.
 */
import type { Catalog } from '../../catalog';
import type { Unit } from '../../catalog/schema';
import type { EffectiveConfigs } from '../config/configQueries';
import type { ConcurrentUse } from '../analysis/concurrency/types';
import type { ImportTable } from '../analysis/imports';
import type { AttributeWrite, BoundCall, CallPlace, Finding, Severity, TextSpan } from '../types';
import { findRule } from '../rules';

export type CheckContext = {
  readonly text: string;
  readonly catalog: Catalog;
  /** The analysis' effective configurations: the same objects the cards read. */
  readonly configs: EffectiveConfigs;
  readonly imports: ImportTable;
  readonly calls: readonly BoundCall[];
  /** Assignments to attributes of catalogued objects. */
  readonly attributeWrites: readonly AttributeWrite[];
  /** Where a call runs: its function, and why it may repeat (analysis/repetition.ts). */
  readonly placeOf: (call: BoundCall) => CallPlace;
  /** Shared clients used by concurrent tasks (analysis/concurrency). */
  readonly concurrentUses: readonly ConcurrentUse[];
  /** Seconds a fix that adds a missing timeout writes (settings or pyproject), when configured. */
  readonly defaultTimeout?: number;
};

export type Check = (ctx: CheckContext) => Finding[];

/** The text of a span. */
export function textOf(ctx: CheckContext, span: TextSpan): string {
  return ctx.text.slice(span.start, span.end);
}

/** A finding with the rule's default severity unless one is given. */
export function finding(code: string, call: BoundCall, span: TextSpan, message: string, extra: Partial<Finding> = {}): Finding {
  const severity: Severity = extra.severity ?? findRule(code)?.severity ?? 'warning';
  return { code, span, callSpan: call.span, severity, message, fixes: [], ...extra };
}

/** A field value as Python text: `None`, `20`, and seconds as floats (`5.0`) the way the libraries write them. */
export function pythonValue(value: number | null, unit: Unit): string {
  if (value === null) return 'None';
  return unit === 'seconds' && Number.isInteger(value) ? value.toFixed(1) : `${value}`;
}

/** The name the user wrote for a call's callee (`hx.Client`). */
export function calleeText(ctx: CheckContext, call: BoundCall): string {
  return textOf(ctx, call.calleeSpan);
}
