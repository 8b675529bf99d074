/**
 * The outline query's captures of one tree, grouped by capture name: all of them, from one pass
 * over the whole tree (run once, on first use), or just those of the nodes that overlap a span,
 * which is cheap and includes every node around the span (its scopes and loop bodies, the calls
 * that hold it).
 */
import type { OffsetRange, RunQuery, SyntaxNode } from '../syntax/parser';

/** Capture name → nodes, in document order. */
export type Captures = (name: string) => SyntaxNode[];

export type Outline = {
  /** Every capture of the tree. */
  readonly all: () => Captures;
  /** The captures of the nodes that overlap `range` (non-empty). */
  readonly around: (range: OffsetRange) => Captures;
};

export function createOutline(root: SyntaxNode, runOutline: RunQuery): Outline {
  let all: Captures | undefined;
  return {
    all: () => (all ??= groupCaptures(runOutline(root))),
    around: (range) => groupCaptures(runOutline(root, range)),
  };
}

/** One pass over the captures: capture name → nodes, in document order. */
function groupCaptures(captures: readonly { readonly name: string; readonly node: SyntaxNode }[]): Captures {
  const groups = new Map<string, SyntaxNode[]>();
  for (const { name, node } of captures) {
    const group = groups.get(name);
    if (group) group.push(node);
    else groups.set(name, [node]);
  }
  return (name) => groups.get(name) ?? [];
}
