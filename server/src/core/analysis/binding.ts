/**
 * Binds the arguments of a call to the parameters of its catalogued callable: positional ones by
 * the order of the version in use, keywords by name (old and removed names included, so that the
 * checks can report them). A `**dict` whose keys are known binds each key it certainly carries like
 * a keyword (at the splat's span, with no keyword span: nothing there to rewrite); `*args`, and a
 * `**dict` that may carry keys not known here, are kept apart as "could set anything".
 */
import type { CallableSpec } from '../../catalog/schema';
import { paramByName, positionalNamesAt } from '../../catalog/versions';
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { BoundArg, TextSpan } from '../types';
import { evaluate, shorten, type EvaluationContext } from './evaluate';

export type Binding = {
  readonly args: readonly BoundArg[];
  readonly splats: readonly TextSpan[];
  readonly splatKeys: readonly { readonly key: string; readonly certain: boolean; readonly span: TextSpan }[];
};

export function bindArguments(argumentsNode: SyntaxNode, callable: CallableSpec, version: string, ctx: EvaluationContext): Binding {
  const args: BoundArg[] = [];
  const splats: TextSpan[] = [];
  const splatKeys: { key: string; certain: boolean; span: TextSpan }[] = [];
  const positionalNames = positionalNamesAt(callable, version);
  let position = 0;
  const items = argumentsNode.type === NodeKind.argumentList ? argumentsNode.namedChildren : [argumentsNode];
  for (const item of items) {
    if (!item || item.type === NodeKind.comment) continue;
    const span = { start: item.startIndex, end: item.endIndex };
    const splatted = item.type === NodeKind.dictionarySplat ? item.namedChildren.find((child) => child?.type !== NodeKind.comment) : undefined;
    const dict = splatted ? evaluate(splatted, ctx) : undefined;
    if (dict?.value.kind === 'dict') {
      for (const entry of dict.value.entries) {
        splatKeys.push({ key: entry.key, certain: entry.certain, span });
        // `via` marks a value written elsewhere: fixes that rewrite the argument in place leave it alone.
        const expr = entry.expr.via ? entry.expr : { ...entry.expr, via: shorten(dict.text) };
        if (entry.certain) args.push({ param: paramByName(callable, entry.key), name: entry.key, span, expr });
      }
      if (!dict.value.complete || dict.value.entries.some((entry) => !entry.certain)) splats.push(span);
    } else if (item.type === NodeKind.listSplat || item.type === NodeKind.dictionarySplat) {
      splats.push(span);
    } else if (item.type === NodeKind.keywordArgument) {
      const nameNode = item.childForFieldName(FieldName.name);
      const valueNode = item.childForFieldName(FieldName.value);
      if (!nameNode || !valueNode) continue;
      args.push({
        param: paramByName(callable, nameNode.text),
        name: nameNode.text,
        keywordSpan: { start: nameNode.startIndex, end: nameNode.endIndex },
        span,
        expr: evaluate(valueNode, ctx),
      });
    } else {
      const name = positionalNames[position];
      args.push({ param: name === undefined ? undefined : paramByName(callable, name), name, span, position, expr: evaluate(item, ctx) });
      position++;
    }
  }
  return { args, splats, splatKeys };
}
