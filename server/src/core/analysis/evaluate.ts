/**
 * Static evaluation of argument expressions: literals, tuples, nested calls of catalogued
 * callables, `a if c else b` (both alternatives), and names followed through the value flow of their
 * scope (names.ts): assignments that reach the place (one of several, when branches differ),
 * parameters (their default, unless the caller passes them), class attributes, `self.x`, and names
 * imported from other modules (asked of the workspace, when the analysis has a resolver for them).
 * Anything else is "unknown" with a reason a person can read.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { BoundCall, DefinitionSite, DictEntry, Expr, Value } from '../types';
import { stringKey, type DictWrite } from './dictWrites';
import type { NameResolution, NameResolver, ResolvedDefinition } from './names';

/** How deep names may chain (`A = B`, `B = C`, ...) before evaluation stops. */
const MAX_NAME_DEPTH = 8;
/** How many alternatives a "one of" value lists before it is just unknown. */
const MAX_ALTERNATIVES = 6;
/** How many calls of a function are read for the values they pass to a parameter. */
const MAX_CALL_SITES = 6;

export type EvaluationContext = {
  readonly text: string;
  readonly resolveName: NameResolver;
  /** The bound call for a call node, when its callee is catalogued. */
  readonly bindCall: (call: SyntaxNode) => BoundCall | undefined;
  /** A name (or `f()`) this module imports from another module of the workspace, when it does (see importedValues.ts). */
  readonly imported?: (node: SyntaxNode, called: boolean, dotted?: string) => { value: Value; via: string; definedIn?: DefinitionSite } | undefined;
};

type Evaluated = { value: Value; via?: string; origin?: string; definedIn?: DefinitionSite };

/** Names one evaluation may still follow: alternatives multiply, so chains of them stop here. */
type Budget = { left: number };
const NAME_BUDGET = 64;

/** Evaluates the expression at `node` as written at that place. */
export function evaluate(node: SyntaxNode, ctx: EvaluationContext): Expr {
  return evaluateAt(node, ctx, 0, { left: NAME_BUDGET });
}

function evaluateAt(node: SyntaxNode, ctx: EvaluationContext, depth: number, budget: Budget): Expr {
  const span = { start: node.startIndex, end: node.endIndex };
  const text = ctx.text.slice(span.start, span.end);
  const { value, via, origin, definedIn } = evaluateValue(node, ctx, depth, budget);
  return { span, text, value, ...(via === undefined ? {} : { via }), ...(origin === undefined ? {} : { origin }), ...(definedIn ? { definedIn } : {}) };
}

function evaluateValue(node: SyntaxNode, ctx: EvaluationContext, depth: number, budget: Budget): Evaluated {
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
      return { value: negate(node, ctx, depth, budget) };
    case NodeKind.parenthesizedExpression: {
      const inner = node.namedChildren.find((child) => child?.type !== NodeKind.comment);
      return inner ? evaluateValue(inner, ctx, depth, budget) : { value: unknown(text) };
    }
    case NodeKind.tuple:
      return { value: { kind: 'tuple', items: node.namedChildren.filter(isExpression).map((item) => evaluateAt(item, ctx, depth, budget)) } };
    case NodeKind.conditionalExpression: {
      const [consequence, , alternative] = node.namedChildren.filter(isExpression);
      if (!consequence || !alternative) return { value: unknown(text) };
      return { value: oneOf([evaluateAt(consequence, ctx, depth, budget), evaluateAt(alternative, ctx, depth, budget)], text) };
    }
    case NodeKind.call: {
      const call = ctx.bindCall(node);
      if (call) return { value: { kind: 'call', call } };
      const dict = dictCall(node, ctx, depth, budget);
      if (dict) return { value: dict };
      const callee = node.childForFieldName(FieldName.function);
      const returned = callee && node.childForFieldName(FieldName.arguments)?.namedChildCount === 0 ? ctx.imported?.(callee, true) : undefined;
      return returned ?? { value: { kind: 'unknown', reason: `the result of \`${shorten(text)}\`` } };
    }
    case NodeKind.dictionary:
      return { value: dictLiteral(node, ctx, depth, budget) };
    case NodeKind.identifier: {
      const resolution = ctx.resolveName.name(node);
      const workspace = isImported(resolution) ? ctx.imported?.(node, false) : undefined;
      return workspace ?? { ...followName(text, resolution, ctx, depth, budget, node), via: text };
    }
    case NodeKind.attribute:
      return evaluateAttribute(node, text, ctx, depth, budget);
    default:
      return { value: unknown(text) };
  }
}

/** `self.x`, `Class.ATTR`, `module.NAME` (imported); anything else is unknown. */
function evaluateAttribute(node: SyntaxNode, text: string, ctx: EvaluationContext, depth: number, budget: Budget): Evaluated {
  const self = ctx.resolveName.selfAttribute(node);
  if (self) return fromImportedBase(node, text, self, ctx) ?? { ...followName(text, self, ctx, depth, budget, node), via: text };
  const object = node.childForFieldName(FieldName.object);
  const attribute = node.childForFieldName(FieldName.attribute)?.text;
  const [head, ...rest] = dottedParts(object);
  if (!head || !attribute) return { value: unknown(text) };
  const owner = ctx.resolveName.name(head);
  const single = owner.kind === 'definitions' && owner.definitions.length === 1 ? owner.definitions[0] : undefined;
  // `package.module.NAME` through `import package.module`, or `config.NAME` through `from package import config`.
  if (single?.kind === 'imported' || owner.kind === 'unbound') return ctx.imported?.(node, false) ?? { ...importedValue(text, single), via: text };
  if (rest.length > 0) return { value: unknown(text) };
  if (single?.kind === 'class') {
    const className = single.node.childForFieldName(FieldName.name)?.text;
    const resolution = ctx.resolveName.classAttribute(single.node, attribute);
    return fromImportedBase(node, text, resolution, ctx) ?? { ...followName(text, resolution, ctx, depth, budget), via: text, origin: `attribute of class \`${className}\`` };
  }
  return { value: unknown(text) };
}

/** A class attribute inherited from a class of another module of the workspace (`class MyConfig(BaseConfig)`): asked there, as `BaseConfig.NAME`. */
function fromImportedBase(node: SyntaxNode, text: string, resolution: NameResolution, ctx: EvaluationContext): Evaluated | undefined {
  if (resolution.kind !== 'unbound' || resolution.importedBase === undefined) return undefined;
  const attribute = node.childForFieldName(FieldName.attribute)?.text;
  const found = attribute === undefined ? undefined : ctx.imported?.(node, false, `${resolution.importedBase}.${attribute}`);
  return found && { ...found, via: text, origin: `attribute inherited from class \`${resolution.importedBase}\`` };
}

/** `a.b.c` as its head identifier node and the names after it; empty for anything else. */
function dottedParts(node: SyntaxNode | null): [SyntaxNode?, ...string[]] {
  if (node?.type === NodeKind.identifier) return [node];
  if (node?.type !== NodeKind.attribute) return [];
  const [head, ...rest] = dottedParts(node.childForFieldName(FieldName.object));
  const name = node.childForFieldName(FieldName.attribute)?.text;
  return head && name ? [head, ...rest, name] : [];
}

/** The value of a name (`holder`, when given, is where it is read: the changes made to a dict before there count). */
function followName(name: string, resolution: NameResolution, ctx: EvaluationContext, depth: number, budget: Budget, holder?: SyntaxNode): Evaluated {
  if (depth >= MAX_NAME_DEPTH || --budget.left < 0) return { value: { kind: 'unknown', reason: `\`${name}\` (too many names to follow)` } };
  if (resolution.kind === 'unbound') return { value: { kind: 'unknown', reason: resolution.reason } };
  const [first, ...others] = resolution.definitions;
  if (others.length === 0) return followDefinition(name, first, ctx, depth, budget, holder);
  const alternatives = resolution.definitions.map((definition) => alternativeOf(name, definition, ctx, depth, budget, holder));
  return { value: oneOf(alternatives, name) };
}

/** One definition of a name as an expression of its own: the assigned value as written there. */
function alternativeOf(name: string, definition: ResolvedDefinition, ctx: EvaluationContext, depth: number, budget: Budget, holder?: SyntaxNode): Expr {
  const node = definition.kind === 'value' ? definition.value : definition.kind === 'parameter' ? definition.function.childForFieldName(FieldName.name) : undefined;
  const { value, origin } = followDefinition(name, definition, ctx, depth, budget, holder);
  const span = node ? { start: node.startIndex, end: node.endIndex } : { start: 0, end: 0 };
  const text = definition.kind === 'parameter' ? definition.name : node ? ctx.text.slice(span.start, span.end) : name;
  return { span, text, value, ...(origin === undefined ? {} : { origin }) };
}

function followDefinition(name: string, definition: ResolvedDefinition, ctx: EvaluationContext, depth: number, budget: Budget, holder?: SyntaxNode): Evaluated {
  switch (definition.kind) {
    case 'value': {
      const value = evaluateValue(definition.value, ctx, depth + 1, budget).value;
      if (value.kind !== 'dict' || !holder) return { value };
      return { value: withWrites(value, name, ctx.resolveName.dictWrites(holder, definition.value), ctx, depth, budget) };
    }
    case 'parameter': {
      if (definition.splat) return { value: { kind: 'unknown', reason: `parameter \`${name}\`` } };
      const fallback = definition.default && evaluateAt(definition.default, ctx, depth + 1, budget);
      const passed = ctx.resolveName
        .argumentsFor(definition)
        .slice(0, MAX_CALL_SITES)
        // Only what the calls write as a literal (or a catalogued call): a name there would lead on to other functions.
        .map((argument) => evaluateAt(argument, ctx, MAX_NAME_DEPTH, budget))
        .filter((argument) => argument.value.kind !== 'unknown');
      return { value: { kind: 'parameter', name: definition.name, ...(fallback ? { default: fallback } : {}), passed }, origin: `parameter \`${definition.name}\`` };
    }
    case 'imported':
      return importedValue(name, definition);
    case 'class':
      return { value: { kind: 'unknown', reason: `\`${name}\` is the class itself` } };
    case 'opaque':
      return { value: { kind: 'unknown', reason: `\`${name}\`, ${definition.reason}` } };
  }
}

/** `{"limit": 200, **other}`: the string keys it carries; complete unless a key is not a plain string or a splat is not a known dict. */
function dictLiteral(node: SyntaxNode, ctx: EvaluationContext, depth: number, budget: Budget): Value {
  const entries: DictEntry[] = [];
  let complete = true;
  for (const item of node.namedChildren) {
    if (!item || item.type === NodeKind.comment) continue;
    if (item.type === NodeKind.pair) {
      const key = stringKey(item.childForFieldName(FieldName.key));
      const value = item.childForFieldName(FieldName.value);
      if (key !== undefined && value) setEntry(entries, { key, expr: evaluateAt(value, ctx, depth, budget), certain: true });
      else complete = false;
    } else complete = mergeSplat(entries, item, ctx, depth, budget) && complete;
  }
  return { kind: 'dict', entries, complete };
}

/** `dict(limit=200, **other)`, when `dict` is the builtin (not a name of this module). */
function dictCall(node: SyntaxNode, ctx: EvaluationContext, depth: number, budget: Budget): Value | undefined {
  const callee = node.childForFieldName(FieldName.function);
  if (callee?.type !== NodeKind.identifier || callee.text !== 'dict' || ctx.resolveName.name(callee).kind !== 'unbound') return undefined;
  const entries: DictEntry[] = [];
  let complete = true;
  for (const item of node.childForFieldName(FieldName.arguments)?.namedChildren ?? []) {
    if (!item || item.type === NodeKind.comment) continue;
    const key = item.type === NodeKind.keywordArgument ? item.childForFieldName(FieldName.name)?.text : undefined;
    const value = item.childForFieldName(FieldName.value);
    if (key && value) setEntry(entries, { key, expr: evaluateAt(value, ctx, depth, budget), certain: true });
    else complete = mergeSplat(entries, item, ctx, depth, budget) && complete;
  }
  return { kind: 'dict', entries, complete };
}

/** Adds the entries of `**known_dict` (true when it is known and complete); anything else leaves the dict open (false). */
function mergeSplat(entries: DictEntry[], item: SyntaxNode, ctx: EvaluationContext, depth: number, budget: Budget): boolean {
  const inner = item.type === NodeKind.dictionarySplat ? item.namedChildren.find(isExpression) : undefined;
  const value = inner ? evaluateValue(inner, ctx, depth, budget).value : undefined;
  if (value?.kind !== 'dict') return false;
  for (const entry of value.entries) setEntry(entries, entry);
  return value.complete;
}

function setEntry(entries: DictEntry[], entry: DictEntry): void {
  const index = entries.findIndex((existing) => existing.key === entry.key);
  if (index === -1) entries.push(entry);
  else entries[index] = entry;
}

/** The dict after the changes made to it before the place it is read; each key's value says which dict it is in. */
function withWrites(dict: Value & { kind: 'dict' }, name: string, writes: readonly DictWrite[], ctx: EvaluationContext, depth: number, budget: Budget): Value {
  const entries = [...dict.entries];
  let complete = dict.complete;
  for (const write of writes) {
    if (write.kind === 'open') complete = false;
    else if (write.kind === 'set') {
      const expr = evaluateAt(write.value, ctx, depth + 1, budget);
      const existing = entries.find((entry) => entry.key === write.key);
      const value = write.certain || !existing ? expr : { ...expr, value: oneOf([existing.expr, expr], name) };
      setEntry(entries, { key: write.key, expr: value, certain: write.certain || existing?.certain === true });
    } else if (write.key === undefined) {
      complete = false;
      entries.forEach((entry, index) => (entries[index] = { ...entry, certain: false }));
    } else {
      const index = entries.findIndex((entry) => entry.key === write.key);
      if (index !== -1 && write.certain) entries.splice(index, 1);
      else if (index !== -1) entries[index] = { ...entries[index], certain: false };
    }
  }
  const described = entries.map((entry) => ({ ...entry, expr: { ...entry.expr, via: name, origin: `key \`${entry.key}\` of dict \`${name}\`` } }));
  return { kind: 'dict', entries: described, complete };
}

/** A name bound by an import whose value the workspace does not give (or there is no workspace index). */
function importedValue(name: string, definition: ResolvedDefinition | undefined): Evaluated {
  const from = definition?.kind === 'imported' ? `, imported from \`${definition.module}\`` : ', which is not assigned in this module';
  return { value: { kind: 'unknown', reason: `\`${name}\`${from}` } };
}

/** True when an import binds the name here, or nothing in this module does (an import the resolver does not index). */
function isImported(resolution: NameResolution): boolean {
  return resolution.kind === 'unbound' || (resolution.definitions.length === 1 && resolution.definitions[0].kind === 'imported');
}

/** The alternatives side by side; nested "one of"s are flattened, the same place counted once. */
function oneOf(alternatives: readonly Expr[], text: string): Value {
  const flat: Expr[] = [];
  for (const alternative of alternatives) {
    const items = alternative.value.kind === 'oneOf' ? alternative.value.alternatives : [alternative];
    for (const item of items) if (!flat.some((seen) => seen.span.start === item.span.start && seen.span.end === item.span.end && seen.text === item.text)) flat.push(item);
  }
  if (flat.length > MAX_ALTERNATIVES) return { kind: 'unknown', reason: `\`${shorten(text)}\`, which has ${flat.length} possible values here` };
  // Paths that agree on a plain value give that value: checks then see it as they would see one assignment.
  return flat.length === 1 || flat.every((item) => sameScalar(item.value, flat[0].value)) ? flat[0].value : { kind: 'oneOf', alternatives: flat };
}

function sameScalar(a: Value, b: Value): boolean {
  if (a.kind === 'none' || b.kind === 'none') return a.kind === b.kind;
  return (a.kind === 'number' || a.kind === 'bool' || a.kind === 'string') && a.kind === b.kind && a.value === (b as typeof a).value;
}

function negate(node: SyntaxNode, ctx: EvaluationContext, depth: number, budget: Budget): Value {
  const operator = node.childForFieldName(FieldName.operator)?.text;
  const argument = node.childForFieldName(FieldName.argument);
  const text = ctx.text.slice(node.startIndex, node.endIndex);
  if (!argument || (operator !== '-' && operator !== '+')) return unknown(text);
  const inner = evaluateValue(argument, ctx, depth, budget).value;
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
