/**
 * Rules on "one of" values (`a if c else b`, a name assigned in both branches): a check that reads
 * a value runs on each path's value and fires only when every path makes it fire; the message then
 * says it holds on every path. A value that is not "one of" is a single path, checked as before.
 * Generic: paths come from the value flow (Expr) and from the effective configuration (a config
 * built on several paths, or fields with several values: config/paths.ts), never from a library or a rule.
 */
import { MAX_PATHS } from '../config/paths';
import type { BoundArg, Expr, Finding, TextSpan } from '../types';

/** The alternatives of an expression, nested ones flattened, each keeping the name it was reached through; undefined beyond the bound. */
export function exprPaths(expr: Expr): readonly Expr[] | undefined {
  if (expr.value.kind !== 'oneOf') return [expr];
  const paths: Expr[] = [];
  for (const alternative of expr.value.alternatives) {
    const each = exprPaths(alternative.via || !expr.via ? alternative : { ...alternative, via: expr.via });
    if (!each) return undefined;
    paths.push(...each);
  }
  return paths.length <= MAX_PATHS ? paths : undefined;
}

/** An argument once per path of its value (same keyword, same span; the value of that path). */
export function argPaths(arg: BoundArg): readonly BoundArg[] | undefined {
  return exprPaths(arg.expr)?.map((expr) => (expr === arg.expr ? arg : { ...arg, expr: { ...expr, span: arg.expr.span } }));
}

/**
 * Runs a check on each path: a finding only when every path gives one. With several paths the
 * finding is the first path's (at `span` when given), its message saying that it holds on every
 * path, and its fixes kept only when every path offers the same edits.
 */
export function onEveryPath<T>(paths: readonly T[] | undefined, check: (path: T) => Finding | undefined, span?: TextSpan): Finding | undefined {
  if (!paths || paths.length === 0) return undefined;
  if (paths.length === 1) return check(paths[0]);
  const found: Finding[] = [];
  for (const path of paths) {
    const finding = check(path);
    if (!finding) return undefined;
    found.push(finding);
  }
  const [first] = found;
  const message = `On every path: ${mergedMessage(found.map((finding) => finding.message))}`;
  const sameFixes = found.every((finding) => JSON.stringify(finding.fixes) === JSON.stringify(first.fixes));
  return { ...first, ...(span ? { span } : {}), message, fixes: sameFixes ? first.fixes : [] };
}

/**
 * The messages of the paths as one: the words they share once, the words that differ side by side
 * ("`max_connections=5` or `max_connections=8`: …"); each message in full when they share too little.
 */
function mergedMessage(messages: readonly string[]): string {
  const distinct = [...new Set(messages)];
  if (distinct.length === 1) return distinct[0];
  const words = distinct.map((message) => message.split(' '));
  const shortest = Math.min(...words.map((each) => each.length));
  let head = 0;
  while (head < shortest && words.every((each) => each[head] === words[0][head])) head++;
  let tail = 0;
  while (tail < shortest - head && words.every((each) => each[each.length - 1 - tail] === words[0][words[0].length - 1 - tail])) tail++;
  const middles = words.map((each) => each.slice(head, each.length - tail).join(' '));
  if (middles.some((middle) => middle === '') || head + tail === 0) return distinct.map((message) => message.replace(/\.$/, '')).join('; ') + '.';
  // Punctuation every differing part ends with belongs after the alternatives: "5 or 8:".
  const mark = /[:;,.]$/.exec(middles[0])?.[0];
  const shared = mark !== undefined && middles.every((middle) => middle.endsWith(mark));
  const parts = shared ? middles.map((middle) => middle.slice(0, -1)) : middles;
  return [...words[0].slice(0, head), `${parts.join(' or ')}${shared ? mark : ''}`, ...words[0].slice(words[0].length - tail)].join(' ');
}
