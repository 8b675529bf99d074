/**
 * The parts of a call node that the passes of one analysis read (binding, the index of calls by
 * name, dict writes, repetition, concurrency), read from the tree once per call: every read of a
 * node's field or type crosses into the parser's WebAssembly and makes a new node object, and
 * those reads were a good part of an analysis's time. One store per analysis of one tree: node
 * ids are those of that tree.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';

export type CallShape = {
  readonly callee: SyntaxNode | null;
  /** The callee's node type. */
  readonly calleeType: string | undefined;
  /** The object of an attribute callee (`session` in `session.get(...)`). */
  readonly object: SyntaxNode | null;
  /** The name called: the callee's identifier, or its attribute (`get`). */
  readonly name: string | undefined;
  /** `a.b.c` when the callee is a chain of names. */
  readonly dotted: string | undefined;
  /** The name such a chain starts with (`a`). */
  readonly head: SyntaxNode | null;
  readonly arguments: SyntaxNode | null;
};

/** The shape of a call node, read once. */
export type CallShapes = (call: SyntaxNode) => CallShape;

export function createCallShapes(): CallShapes {
  const shapes = new Map<number, CallShape>();
  return (call) => {
    let shape = shapes.get(call.id);
    if (!shape) shapes.set(call.id, (shape = shapeOf(call)));
    return shape;
  };
}

function shapeOf(call: SyntaxNode): CallShape {
  const callee = call.childForFieldName(FieldName.function);
  const calleeType = callee?.type;
  const argumentsNode = call.childForFieldName(FieldName.arguments);
  if (calleeType === NodeKind.identifier) {
    const name = callee!.text;
    return { callee, calleeType, object: null, name, dotted: name, head: callee, arguments: argumentsNode };
  }
  if (calleeType !== NodeKind.attribute) return { callee, calleeType, object: null, name: undefined, dotted: undefined, head: null, arguments: argumentsNode };
  const object = callee!.childForFieldName(FieldName.object);
  const name = callee!.childForFieldName(FieldName.attribute)?.text;
  const chain = object && name !== undefined ? chainOf(object) : undefined;
  return { callee, calleeType, object, name, dotted: chain && `${chain.dotted}.${name}`, head: chain?.head ?? null, arguments: argumentsNode };
}

/** `a.b.c` for a chain of identifiers, undefined for anything else (calls, subscripts). */
export function dottedName(node: SyntaxNode): string | undefined {
  return chainOf(node)?.dotted;
}

/** A chain of identifiers as written, and the name it starts with. */
function chainOf(node: SyntaxNode): { dotted: string; head: SyntaxNode } | undefined {
  const type = node.type;
  if (type === NodeKind.identifier) return { dotted: node.text, head: node };
  if (type !== NodeKind.attribute) return undefined;
  const object = node.childForFieldName(FieldName.object);
  const attribute = node.childForFieldName(FieldName.attribute);
  const chain = object && attribute ? chainOf(object) : undefined;
  return chain && { dotted: `${chain.dotted}.${attribute!.text}`, head: chain.head };
}
