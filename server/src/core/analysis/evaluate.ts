/**
 * Static evaluation of argument expressions: literals, tuples, names assigned once, and nested
 * calls of catalogued callables. Anything else is "unknown" with a reason a person can read.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { BoundCall, DefinitionSite, Expr, Value } from '../types';
import type { NameResolution, NameResolver } from './names';

/** How deep names may chain (`A = B`, `B = C`, ...) before evaluation stops. */
const MAX_NAME_DEPTH = 8;

export type EvaluationContext = {
  readonly text: string;
  readonly resolveName: NameResolver;
  /** The bound call for a call node, when its callee is catalogued. */
  readonly bindCall: (call: SyntaxNode) => BoundCall | undefined;
  /** A name (or `f()`) this module imports from another module of the workspace, when it does (see importedValues.ts). */
  readonly imported?: (node: SyntaxNode, called: boolean) => { value: Value; via: string; definedIn?: DefinitionSite } | undefined;
};

/** Evaluates the expression at `node` as written at that place. */
export function evaluate(node: SyntaxNode, ctx: EvaluationContext): Expr {
  const span = { start: node.startIndex, end: node.endIndex };
  const text = ctx.text.slice(span.start, span.end);
  const { value, via, definedIn } = evaluateValue(node, ctx, 0);
  return { span, text, value, ...(via !== undefined ? { via } : {}), ...(definedIn ? { definedIn } : {}) };
}

function evaluateValue(node: SyntaxNode, ctx: EvaluationContext, depth: number): { value: Value; via?: string; definedIn?: DefinitionSite } {
  const text = ctx.text.slice(node.startIndex, node.endIndex);
  switch (node.type) {
    case NodeKind.integer:
    case NodeKind.float:
      return { value: parseNumber(text) };
    case NodeKind.none:
      return { value: { kind: 'none' } };
    case NodeKind.true:
    case NodeKind.false:
      return { value: { kind: 'bool', value: node.type === NodeKind.true } };
    case NodeKind.string:
      return { value: stringValue(node) };
    case NodeKind.unaryOperator:
      return { value: negate(node, ctx, depth) };
    case NodeKind.parenthesizedExpression: {
      const inner = node.namedChildren.find((child) => child?.type !== NodeKind.comment);
      return inner ? evaluateValue(inner, ctx, depth) : { value: unknown(text) };
    }
    case NodeKind.tuple:
      return { value: { kind: 'tuple', items: node.namedChildren.filter(isExpression).map((item) => evaluate(item, ctx)) } };
    case NodeKind.call: {
      const call = ctx.bindCall(node);
      const callee = call ? undefined : node.childForFieldName(FieldName.function);
      const returned = callee && node.childForFieldName(FieldName.arguments)?.namedChildCount === 0 ? ctx.imported?.(callee, true) : undefined;
      return call ? { value: { kind: 'call', call } } : (returned ?? { value: { kind: 'unknown', reason: `the result of \`${shorten(text)}\`` } });
    }
    case NodeKind.identifier: {
      const resolution = ctx.resolveName.name(node);
      return (resolution.kind === 'unbound' && ctx.imported?.(node, false)) || { ...evaluateName(node, resolution, ctx, depth), via: text };
    }
    case NodeKind.attribute: {
      const resolution = ctx.resolveName.selfAttribute(node);
      if (resolution.kind !== 'unbound') return { ...evaluateName(node, resolution, ctx, depth), via: text };
      return ctx.imported?.(node, false) ?? { value: unknown(text) };
    }
    default:
      return { value: unknown(text) };
  }
}

function evaluateName(node: SyntaxNode, resolution: NameResolution, ctx: EvaluationContext, depth: number): { value: Value } {
  const name = node.text;
  if (depth >= MAX_NAME_DEPTH) return { value: { kind: 'unknown', reason: `\`${name}\` (too many names to follow)` } };
  switch (resolution.kind) {
    case 'assigned':
      return { value: evaluateValue(resolution.value, ctx, depth + 1).value };
    case 'parameter':
      return { value: { kind: 'unknown', reason: `parameter \`${name}\`` } };
    case 'reassigned':
      return { value: { kind: 'unknown', reason: `\`${name}\`, which is assigned more than once` } };
    case 'unbound':
      return { value: { kind: 'unknown', reason: `\`${name}\`, which is not assigned in this ${node.type === NodeKind.attribute ? 'class' : 'module'}` } };
  }
}

function negate(node: SyntaxNode, ctx: EvaluationContext, depth: number): Value {
  const operator = node.childForFieldName(FieldName.operator)?.text;
  const argument = node.childForFieldName(FieldName.argument);
  const text = ctx.text.slice(node.startIndex, node.endIndex);
  if (!argument || (operator !== '-' && operator !== '+')) return unknown(text);
  const inner = evaluateValue(argument, ctx, depth).value;
  if (inner.kind !== 'number') return unknown(text);
  return { kind: 'number', value: operator === '-' ? -inner.value : inner.value };
}

/** Parses a Python int or float literal (underscores, 0x/0o/0b, exponents); complex literals stay unknown. */
export function parseNumber(text: string): Value {
  const cleaned = text.replace(/_/g, '').toLowerCase();
  if (cleaned.endsWith('j')) return unknown(text);
  const radix = cleaned.startsWith('0x') ? 16 : cleaned.startsWith('0o') ? 8 : cleaned.startsWith('0b') ? 2 : 10;
  const value = radix === 10 ? Number(cleaned) : parseInt(cleaned.slice(2), radix);
  return Number.isFinite(value) ? { kind: 'number', value } : unknown(text);
}

export function stringValue(node: SyntaxNode): Value {
  const parts = node.namedChildren.filter((child) => child?.type === NodeKind.stringContent);
  const isPlain = node.namedChildren.every((child) => child?.type !== NodeKind.interpolation);
  return isPlain ? { kind: 'string', value: parts.map((part) => part?.text ?? '').join('') } : unknown(node.text);
}

function isExpression(node: SyntaxNode | null): node is SyntaxNode {
  return node !== null && node.type !== NodeKind.comment;
}

function unknown(text: string): Value {
  return { kind: 'unknown', reason: `\`${shorten(text)}\`` };
}

export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}…` : oneLine;
}
