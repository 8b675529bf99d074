/**
 * Reads one expression of a module into a SummaryValue, names followed through what the module
 * has defined by then (a module runs top to bottom): literals, tuples, constructions of imported
 * callables, names of this module, imported names (kept for the reader to follow), class
 * attributes. Anything else is unknown with a reason a person can read.
 */
import { dottedName } from '../analysis/callShapes';
import { parseNumber, shorten, stringValue } from '../analysis/evaluate';
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import { entryOf, type SummaryArg, type SummaryEntry, type SummaryExpr, type SummaryValue } from './summary';

/** Tuples and calls nested deeper than this read as unknown. */
const MAX_NESTING = 16;

/** The names an expression can see: a class body's own names first, then the module's. */
export type SummaryScope = {
  readonly module: Readonly<Record<string, SummaryEntry>>;
  readonly classBody?: Readonly<Record<string, SummaryExpr>>;
  /** Parameters of the function whose `return` is read: their values are the caller's. */
  readonly parameters?: ReadonlySet<string>;
};

export function summarizeExpression(node: SyntaxNode, scope: SummaryScope, depth = 0): SummaryExpr {
  return { text: shorten(node.text), value: valueOf(node, scope, depth) };
}

function valueOf(node: SyntaxNode, scope: SummaryScope, depth: number): SummaryValue {
  if (depth > MAX_NESTING) return unknown(`\`${shorten(node.text)}\` (nested too deeply)`);
  switch (node.type) {
    case NodeKind.integer:
    case NodeKind.float:
    case NodeKind.string: {
      const value = node.type === NodeKind.string ? stringValue(node) : parseNumber(node.text);
      return value.kind === 'number' || value.kind === 'string' ? value : unknown(`\`${shorten(node.text)}\``);
    }
    case NodeKind.none:
      return { kind: 'none' };
    case NodeKind.true:
    case NodeKind.false:
      return { kind: 'bool', value: node.type === NodeKind.true };
    case NodeKind.unaryOperator:
      return signed(node, scope, depth);
    case NodeKind.parenthesizedExpression: {
      const inner = node.namedChildren.find((child) => child !== null && child.type !== NodeKind.comment);
      return inner ? valueOf(inner, scope, depth + 1) : unknown(`\`${shorten(node.text)}\``);
    }
    case NodeKind.tuple:
      return { kind: 'tuple', items: expressions(node).map((item) => summarizeExpression(item, scope, depth + 1)) };
    case NodeKind.call:
      return construction(node, scope, depth);
    case NodeKind.identifier:
      return nameValue(node.text, scope);
    case NodeKind.attribute:
      return attributeValue(node, scope);
    default:
      return unknown(`\`${shorten(node.text)}\``);
  }
}

function signed(node: SyntaxNode, scope: SummaryScope, depth: number): SummaryValue {
  const operator = node.childForFieldName(FieldName.operator)?.text;
  const argument = node.childForFieldName(FieldName.argument);
  const inner = argument && (operator === '-' || operator === '+') ? valueOf(argument, scope, depth + 1) : undefined;
  if (inner?.kind !== 'number') return unknown(`\`${shorten(node.text)}\``);
  return { kind: 'number', value: operator === '-' ? -inner.value : inner.value };
}

/** A call of an imported callable, its arguments read too; the reader decides whether it is catalogued. */
function construction(node: SyntaxNode, scope: SummaryScope, depth: number): SummaryValue {
  const callee = node.childForFieldName(FieldName.function);
  const argumentsNode = node.childForFieldName(FieldName.arguments);
  const target = callee ? importedTarget(callee, scope) : undefined;
  if (!target || argumentsNode?.type !== NodeKind.argumentList) return unknown(`the result of \`${shorten(node.text)}\``);
  const args: SummaryArg[] = [];
  let splats = 0;
  for (const item of expressions(argumentsNode)) {
    if (item.type === NodeKind.listSplat || item.type === NodeKind.dictionarySplat) splats++;
    else if (item.type === NodeKind.keywordArgument) {
      const keyword = item.childForFieldName(FieldName.name)?.text;
      const value = item.childForFieldName(FieldName.value);
      if (keyword && value) args.push({ keyword, ...summarizeExpression(value, scope, depth + 1) });
    } else args.push(summarizeExpression(item, scope, depth + 1));
  }
  return { kind: 'construction', callee: target, args, splats };
}

/** `hx.Timeout` → `httpx.Timeout` when its first name is an import of the module, else undefined. */
function importedTarget(node: SyntaxNode, scope: SummaryScope): string | undefined {
  const dotted = dottedName(node);
  if (dotted === undefined) return undefined;
  const [head, ...rest] = dotted.split('.');
  if (scope.parameters?.has(head) || (scope.classBody && entryOf(scope.classBody, head))) return undefined;
  const entry = entryOf(scope.module, head);
  return entry?.kind === 'import' ? [entry.target, ...rest].join('.') : undefined;
}

function nameValue(name: string, scope: SummaryScope): SummaryValue {
  if (scope.parameters?.has(name)) return unknown(`parameter \`${name}\``);
  const classValue = scope.classBody && entryOf(scope.classBody, name);
  if (classValue) return classValue.value;
  const entry = entryOf(scope.module, name);
  switch (entry?.kind) {
    case 'value':
      return entry.expr.value;
    case 'import':
      return { kind: 'imported', target: entry.target };
    case 'class':
    case 'function':
      return unknown(`\`${name}\`, a ${entry.kind}`);
    default:
      return unknown(`\`${name}\`, which is not defined in its module`);
  }
}

/** `Settings.POOL` (a class of the module) or `config.POOL` (an imported module). */
function attributeValue(node: SyntaxNode, scope: SummaryScope): SummaryValue {
  const dotted = dottedName(node);
  if (dotted === undefined) return unknown(`\`${shorten(node.text)}\``);
  const imported = importedTarget(node, scope);
  if (imported) return { kind: 'imported', target: imported };
  const [head, attribute, ...rest] = dotted.split('.');
  const entry = scope.classBody && entryOf(scope.classBody, head) ? undefined : entryOf(scope.module, head);
  const value = entry?.kind === 'class' && rest.length === 0 ? entryOf(entry.attributes, attribute) : undefined;
  return value ? value.value : unknown(`\`${shorten(dotted)}\``);
}

function expressions(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null && child.type !== NodeKind.comment);
}

function unknown(reason: string): SummaryValue {
  return { kind: 'unknown', reason };
}
