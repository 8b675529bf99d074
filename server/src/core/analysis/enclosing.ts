/**
 * What encloses a node, answered from spans instead of `node.parent`: tree-sitter finds a parent
 * by scanning down from the root, so in a module with thousands of top-level statements each
 * `parent` costs tens of microseconds. The outline query captures every scope (function, lambda,
 * class) and every loop body (for, while, comprehension) once; lookups are then binary searches.
 */
import type { SyntaxNode } from '../syntax/parser';

export type Enclosing = {
  /** The innermost function, lambda or class strictly around `node`, else the module (root); undefined for the root. */
  scopeOf(node: SyntaxNode): SyntaxNode | undefined;
  /** True when `node` runs once per iteration: inside a loop or comprehension body of its own scope. */
  inLoop(node: SyntaxNode): boolean;
  /** The innermost loop or comprehension body of its own scope that runs `node` once per iteration. */
  loopBodyAround(node: SyntaxNode): SyntaxNode | undefined;
};

type Span = { readonly start: number; readonly end: number };

/** Nodes in document order, with the index of the innermost node of the same list around each. */
type Nested = { readonly nodes: readonly SyntaxNode[]; readonly spans: readonly Span[]; readonly outer: readonly number[] };

export function createEnclosing(root: SyntaxNode, scopes: readonly SyntaxNode[], loopBodies: readonly SyntaxNode[]): Enclosing {
  const scopeIndex = nest(scopes);
  const loopIndex = nest(loopBodies);
  // A scope starts with its keyword (`def`, `class`, `lambda`), so a scope with exactly the span of
  // a node is that node or inside it, never around it: scopes must contain a node strictly. A loop
  // body's parent (the loop) is always larger, so a body with the node's span is the node or around it.
  const scopeAround = (span: Span) => innermost(scopeIndex, span, true);
  return {
    scopeOf(node) {
      if (node.id === root.id) return undefined;
      const index = scopeAround(spanOf(node));
      return index === -1 ? root : scopeIndex.nodes[index];
    },
    inLoop(node) {
      return loopBodyAround(node) !== undefined;
    },
    loopBodyAround,
  };

  function loopBodyAround(node: SyntaxNode): SyntaxNode | undefined {
    const span = spanOf(node);
    const body = innermost(loopIndex, span, false);
    if (body === -1) return undefined;
    const scope = scopeAround(span);
    // The body belongs to the node's own scope only when it lies strictly inside that scope.
    return scope === -1 || containsStrictly(scopeIndex.spans[scope], loopIndex.spans[body]) ? loopIndex.nodes[body] : undefined;
  }
}

function nest(nodes: readonly SyntaxNode[]): Nested {
  const sorted = [...nodes].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const spans = sorted.map((node) => ({ start: node.startIndex, end: node.endIndex }));
  const outer: number[] = [];
  const open: number[] = [];
  spans.forEach((span, index) => {
    while (open.length > 0 && !contains(spans[open[open.length - 1]], span)) open.pop();
    outer.push(open.length > 0 ? open[open.length - 1] : -1);
    open.push(index);
  });
  return { nodes: sorted, spans, outer };
}

/** The index of the innermost node around `span` (with `strict`, larger than it), or -1. */
function innermost(nested: Nested, span: Span, strict: boolean): number {
  let low = 0;
  let high = nested.spans.length - 1;
  let candidate = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (nested.spans[middle].start <= span.start) {
      candidate = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  // Every node around `span` starts at or before it, so it is `candidate` or one of its outer nodes.
  const around = strict ? containsStrictly : contains;
  while (candidate !== -1 && !around(nested.spans[candidate], span)) candidate = nested.outer[candidate];
  return candidate;
}

function spanOf(node: SyntaxNode): Span {
  return { start: node.startIndex, end: node.endIndex };
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function containsStrictly(outer: Span, inner: Span): boolean {
  return contains(outer, inner) && (outer.start !== inner.start || outer.end !== inner.end);
}
