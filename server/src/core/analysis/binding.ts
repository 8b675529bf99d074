/**
 * Binds the arguments of a call to the parameters of its catalogued callable: positional ones by
 * the order of the version in use, keywords by name (old and removed names included, so that the
 * checks can report them). `*args` and `**kwargs` are kept apart as "could set anything".
 */
import type { CallableSpec } from '../../catalog/schema';
import { paramByName, positionalNamesAt } from '../../catalog/versions';
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { BoundArg, TextSpan } from '../types';
import { evaluate, type EvaluationContext } from './evaluate';

export type Binding = { readonly args: readonly BoundArg[]; readonly splats: readonly TextSpan[] };

export function bindArguments(argumentsNode: SyntaxNode, callable: CallableSpec, version: string, ctx: EvaluationContext): Binding {
  const args: BoundArg[] = [];
  const splats: TextSpan[] = [];
  const positionalNames = positionalNamesAt(callable, version);
  let position = 0;
  const items = argumentsNode.type === NodeKind.argumentList ? argumentsNode.namedChildren : [argumentsNode];
  for (const item of items) {
    if (!item || item.type === NodeKind.comment) continue;
    const span = { start: item.startIndex, end: item.endIndex };
    if (item.type === NodeKind.listSplat || item.type === NodeKind.dictionarySplat) {
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
  return { args, splats };
}
