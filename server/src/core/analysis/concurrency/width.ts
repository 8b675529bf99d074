/**
 * Numbers of concurrency: the size a pool or limiter is built with (its argument, followed through
 * names, or the documented default), how many items an iterable has (`range(n)`, a literal, a
 * slice with a known stop), and the tighter of two bounds.
 */
import type { SizeParam } from '../../../catalog/concurrencySchema';
import { FieldName, NodeKind } from '../../syntax/nodeKinds';
import type { SyntaxNode } from '../../syntax/parser';
import { evaluate, type EvaluationContext } from '../evaluate';
import type { Concurrency } from './types';
import { assignedValue } from '../names';

/** How many names an iterable is followed through. */
const MAX_DEPTH = 4;

/** The size a construction (`ThreadPoolExecutor(max_workers=8)`, `Semaphore(5)`) sets, or its default. */
export function sizeOf(call: SyntaxNode, size: SizeParam, ctx: EvaluationContext): Concurrency {
  const argument = argumentFor(call, size.name, size.position);
  if (argument === 'splat') return { kind: 'unknown', reason: 'its size may come from `*args` or `**kwargs`' };
  const value = argument ? evaluate(argument, ctx).value : undefined;
  if (!argument || value?.kind === 'none') return defaultSize(size);
  if (value?.kind === 'number' && Number.isInteger(value.value) && value.value > 0) return { kind: 'known', value: value.value, text: `${size.name}=${argument.text}` };
  return { kind: 'unknown', reason: value?.kind === 'unknown' ? `${size.name} is ${value.reason}` : `${size.name}=${argument.text}` };
}

/** The size of a construction that leaves its size out. */
export function defaultSize(size: SizeParam): Concurrency {
  const byDefault = size.default;
  if (byDefault.kind === 'fixed') return { kind: 'known', value: byDefault.value, text: `${size.name} left at its default ${byDefault.value}` };
  return { kind: 'cpu', cap: byDefault.kind === 'cpu-bounded' ? byDefault.cap : undefined, add: byDefault.kind === 'cpu-bounded' ? byDefault.add : 0, text: byDefault.text };
}

/** The argument node for a parameter (by keyword, else by position), 'splat' when `*args`/`**kwargs` may set it. */
export function argumentFor(call: SyntaxNode, name: string, position: number): SyntaxNode | 'splat' | undefined {
  const args = call.childForFieldName(FieldName.arguments)?.namedChildren.filter((child): child is SyntaxNode => child !== null && child.type !== NodeKind.comment) ?? [];
  const keyword = args.find((arg) => arg.type === NodeKind.keywordArgument && arg.childForFieldName(FieldName.name)?.text === name);
  if (keyword) return keyword.childForFieldName(FieldName.value) ?? undefined;
  const positional = args.filter((arg) => arg.type !== NodeKind.keywordArgument && arg.type !== NodeKind.dictionarySplat);
  const splatBefore = positional.slice(0, position + 1).some((arg) => arg.type === NodeKind.listSplat);
  if (splatBefore || (positional.length <= position && args.some((arg) => arg.type === NodeKind.dictionarySplat))) return 'splat';
  return positional[position];
}

/** How many items an iterable yields: known for `range(...)`, literals and slices with a known stop; else unbounded. */
export function lengthOf(node: SyntaxNode, ctx: EvaluationContext, depth = 0): Concurrency {
  const text = node.text.replace(/\s+/g, ' ');
  const unbounded: Concurrency = { kind: 'unbounded', text: `one per item of \`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\`` };
  if (node.type === NodeKind.list || node.type === NodeKind.tuple) {
    const items = node.namedChildren.filter((child) => child !== null && child.type !== NodeKind.comment);
    if (items.some((item) => item?.type === NodeKind.listSplat)) return unbounded;
    return { kind: 'known', value: items.length, text: `the items of \`${text}\`` };
  }
  if (node.type === NodeKind.call && node.childForFieldName(FieldName.function)?.text === 'range') return rangeLength(node, ctx) ?? unbounded;
  if (node.type === NodeKind.subscript) {
    const stop = sliceStop(node, ctx);
    return stop === undefined ? unbounded : { kind: 'known', value: stop, text: `at most, from \`${text}\`` };
  }
  if (node.type === NodeKind.identifier && depth < MAX_DEPTH) {
    const resolution = ctx.resolveName.name(node);
    const value = assignedValue(resolution);
    if (value) {
      const inner = lengthOf(value, ctx, depth + 1);
      return inner.kind === 'unbounded' ? unbounded : inner;
    }
  }
  return unbounded;
}

function rangeLength(call: SyntaxNode, ctx: EvaluationContext): Concurrency | undefined {
  const args = call.childForFieldName(FieldName.arguments)?.namedChildren ?? [];
  const numbers = args.map((arg) => (arg ? evaluate(arg, ctx).value : undefined)).map((value) => (value?.kind === 'number' ? value.value : undefined));
  if (numbers.length === 0 || numbers.length > 3 || numbers.some((value) => value === undefined || !Number.isInteger(value))) return undefined;
  const [start, stop, step] = numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0]!, numbers[1]!, numbers[2] ?? 1];
  if (step === 0) return undefined;
  const value = Math.max(0, Math.ceil((stop - start) / step));
  return { kind: 'known', value, text: `\`${call.text}\`` };
}

/** `items[:10]` or `items[a:b]` with both known: the most items the slice can hold. */
function sliceStop(node: SyntaxNode, ctx: EvaluationContext): number | undefined {
  const slice = node.childForFieldName(FieldName.subscript);
  if (slice?.type !== NodeKind.slice || (slice.text.match(/:/g)?.length ?? 0) !== 1) return undefined;
  const bounds = slice.namedChildren.filter((child): child is SyntaxNode => child !== null);
  const numberAt = (bound: SyntaxNode | undefined) => {
    const value = bound ? evaluate(bound, ctx).value : undefined;
    return value?.kind === 'number' && Number.isInteger(value.value) && value.value >= 0 ? value.value : undefined;
  };
  if (slice.text.trim().startsWith(':')) return bounds.length === 1 ? numberAt(bounds[0]) : undefined;
  if (bounds.length !== 2) return undefined;
  const [start, stop] = [numberAt(bounds[0]), numberAt(bounds[1])];
  return start === undefined || stop === undefined ? undefined : Math.max(0, stop - start);
}

/** The tighter of two bounds on the same work: a known number below another bound wins; unknown wins over unbounded. */
export function tighter(a: Concurrency, b: Concurrency): Concurrency {
  if (a.kind === 'unbounded') return b;
  if (b.kind === 'unbounded') return a;
  if (a.kind === 'known' && b.kind === 'known') return a.value <= b.value ? a : b;
  if (a.kind === 'unknown' || b.kind === 'unknown') return a.kind === 'unknown' ? a : b;
  if (a.kind === 'cpu' && b.kind === 'cpu') return (a.cap ?? Infinity) <= (b.cap ?? Infinity) ? a : b;
  const [cpu, known] = a.kind === 'cpu' ? [a, b as Extract<Concurrency, { kind: 'known' }>] : [b as Extract<Concurrency, { kind: 'cpu' }>, a as Extract<Concurrency, { kind: 'known' }>];
  // Fewer than the fewest threads the CPU count can give (1 CPU + add): the known number decides.
  if (known.value <= cpu.add + 1) return known;
  if (cpu.cap !== undefined && known.value >= cpu.cap) return cpu;
  return { ...cpu, cap: Math.min(cpu.cap ?? Infinity, known.value), text: `${cpu.text}, at most ${known.value} (${known.text})` };
}
