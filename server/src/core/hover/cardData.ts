/**
 * A callee's hover card as data: texts in inline Markdown (code spans, bold, links), rendered as
 * Markdown by the hover and for a terminal or as JSON by the CLI's `show`.
 */
import type { VersionOf } from './format';

/** One row of the card's table: the option, its value here and where that comes from. */
export type CardRow = { readonly option: string; readonly value: string; readonly origin: string };

/** A place where a client is used concurrently: the fan-out, how many at once, whether its pool is enough. */
export type ConcurrencyRow = { readonly where: string; readonly atOnce: string; readonly enough: string };

export type CardLink = { readonly title: string; readonly url: string };

export type CalleeCardData = {
  readonly callee: string;
  readonly version: VersionOf;
  readonly summary: string;
  /** What happens when every connection of the pool is busy, for calls that have a pool. */
  readonly poolWait?: string;
  readonly rows: readonly CardRow[];
  readonly concurrency: readonly ConcurrencyRow[];
  readonly notes: readonly string[];
  readonly links: readonly CardLink[];
};
