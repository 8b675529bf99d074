/**
 * Recognises calls of catalogued callables: resolves the callee through the import table, binds
 * the arguments (once per call node, shared by every place that refers to the call), and notes
 * whether the call runs once per loop iteration.
 */
import type { Catalog, CatalogEntry } from '../../catalog';
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { BoundCall, CalleeStyle } from '../types';
import { bindArguments } from './binding';
import { dottedName, type CallShape, type CallShapes } from './callShapes';
import { evaluate, type EvaluationContext } from './evaluate';
import { importedValue } from './importedValues';
import type { WorkspaceValues } from '../workspace/lookup';
import { qualifyCallee, type ImportNames } from './imports';
import type { Enclosing } from './enclosing';
import type { NameResolver } from './names';

export type CallSiteContext = {
  readonly text: string;
  readonly catalog: Catalog;
  readonly imports: ImportNames;
  readonly resolveName: NameResolver;
  /** The version in use per library id. */
  readonly versionOf: (libraryId: string) => string;
  /** The releases the project allows per library id. */
  readonly allowedVersionsOf: (libraryId: string) => readonly string[];
  /** Local subclasses that bind like their catalogued base: class name → the base's qualified name. */
  readonly subclasses?: ReadonlyMap<string, string>;
  /** Scopes and loop bodies around nodes (whether a call runs once per loop iteration). */
  readonly enclosing: Enclosing;
  /** Values of other modules of the workspace, when the caller has an index of them. */
  readonly workspace?: WorkspaceValues;
  /** The parts of each call node, read once per analysis. */
  readonly shapes: CallShapes;
};

/**
 * A memoised binder. `bind` gives the BoundCall of a call node, or undefined when it is not
 * catalogued. A call reached again while it is being bound (through names: `a = f(b)`, `b = g(a)`)
 * stays unrecognised there; `sawCycle` tells whether that happened, because then what a call binds
 * to depends on which call was bound first.
 */
export type CallBinder = {
  readonly bind: (call: SyntaxNode) => BoundCall | undefined;
  readonly sawCycle: () => boolean;
};

/** Marks a call whose binding is under way. */
const BINDING = 'binding';

export function createCallBinder(ctx: CallSiteContext): CallBinder {
  const cache = new Map<number, BoundCall | null | typeof BINDING>();
  let cycle = false;
  const workspace = ctx.workspace;
  const importedContext = workspace && { ...ctx, workspace };
  const imported: EvaluationContext['imported'] = importedContext
    ? (node, called, asked) => {
        const dotted = asked ?? dottedName(node);
        return dotted === undefined ? undefined : importedValue(dotted, { start: node.startIndex, end: node.endIndex }, importedContext, called);
      }
    : undefined;
  const evaluation: EvaluationContext = { text: ctx.text, resolveName: ctx.resolveName, bindCall: (node) => bind(node), imported };

  function bind(call: SyntaxNode): BoundCall | undefined {
    const cached = cache.get(call.id);
    if (cached === BINDING) {
      cycle = true; // A call nested in itself through names stays unrecognised rather than looping.
      return undefined;
    }
    if (cached !== undefined) return cached ?? undefined;
    cache.set(call.id, BINDING);
    const bound = bindUncached(call);
    cache.set(call.id, bound ?? null);
    return bound;
  }

  function bindUncached(call: SyntaxNode): BoundCall | undefined {
    const shape = ctx.shapes(call);
    const { callee, arguments: argumentsNode } = shape;
    if (!callee || !argumentsNode) return undefined;
    const target = resolveCallee(shape);
    if (!target) return undefined;
    const { entry, qualified, style, receiver } = target;
    const version = ctx.versionOf(entry.library.id);
    const { args, splats, splatKeys } = bindArguments(argumentsNode, entry.callable, version, evaluation);
    return {
      library: entry.library,
      callable: entry.callable,
      version,
      allowedVersions: ctx.allowedVersionsOf(entry.library.id),
      qualifiedName: qualified,
      style,
      receiver,
      span: { start: call.startIndex, end: call.endIndex },
      calleeSpan: { start: callee.startIndex, end: callee.endIndex },
      argumentsSpan: { start: argumentsNode.startIndex, end: argumentsNode.endIndex },
      args,
      splats,
      ...(splatKeys.length > 0 ? { splatKeys } : {}),
      inLoop: ctx.enclosing.inLoop(call),
    };
  }

  /** An imported callable (`hx.Client`, `Client`), or a method of a catalogued object (`session.get`, `self.session.get`). */
  function resolveCallee(shape: CallShape): { entry: CatalogEntry; qualified: string; style: CalleeStyle; receiver?: BoundCall } | undefined {
    const { dotted, calleeType, object, name: method } = shape;
    const subclassBase = dotted === undefined ? undefined : ctx.subclasses?.get(dotted);
    const imported = subclassBase
      ? { qualified: subclassBase, head: dotted! }
      : dotted === undefined ? undefined : qualifyCallee(ctx.imports, dotted, (qualified) => ctx.catalog.lookup(qualified) !== undefined);
    const importedEntry = imported && ctx.catalog.lookup(imported.qualified);
    if (imported && importedEntry && dotted !== undefined) {
      const style: CalleeStyle = dotted.includes('.') ? { kind: 'module', alias: dotted.slice(0, dotted.lastIndexOf('.')) } : { kind: 'name', localName: dotted };
      return { entry: importedEntry, qualified: imported.qualified, style };
    }
    if (calleeType !== NodeKind.attribute || !object || !method) return undefined;
    // Evaluating a receiver may read other modules of the workspace: only for a catalogued method's name.
    const value = ctx.catalog.hasMethod(method) ? evaluate(object, evaluation).value : undefined;
    if (value?.kind === 'call') {
      const qualified = `${ownerName(value.call)}.${method}`;
      const entry = ctx.catalog.lookup(qualified);
      return entry?.callable.receiver ? { entry, qualified, style: { kind: 'method', receiver: value.call }, receiver: value.call } : undefined;
    }
    return resourceMethod(shape, object, method);
  }

  /** `client.chat.completions.create`: a method reached through attributes of a catalogued object that has any-path resource methods. */
  function resourceMethod({ dotted, head }: CallShape, object: SyntaxNode, method: string): { entry: CatalogEntry; qualified: string; style: CalleeStyle; receiver: BoundCall } | undefined {
    // A chain of names is split as written (its first name is the root); any other object is walked.
    const { root, path } = dotted !== undefined && head ? { root: head, path: dotted.split('.').slice(1) } : pathBelow(object, method);
    if (!root || path.length < 2) return undefined;
    const value = evaluate(root, evaluation).value;
    if (value.kind !== 'call') return undefined;
    const owner = ownerName(value.call);
    const entry = ctx.catalog.lookup(`${owner}.*`);
    if (!entry?.callable.anyResourcePath) return undefined;
    return { entry, qualified: `${owner}.${path.join('.')}`, style: { kind: 'method', receiver: value.call }, receiver: value.call };
  }

  return { bind, sawCycle: () => cycle };
}

/** The qualified name of what a call makes: a factory's result is an instance of the callable it returns (`connection_from_url(...)` → `HTTPConnectionPool`). */
function ownerName(call: BoundCall): string {
  const returns = call.callable.returns;
  return returns ? `${call.library.modules[0]}.${returns}` : call.qualifiedName;
}

/** The object below a chain of attributes (`client` in `client.chat.completions`), and the names after it down to `method`; no root when a name is missing. */
function pathBelow(object: SyntaxNode, method: string): { root: SyntaxNode | null; path: string[] } {
  const path = [method];
  let root: SyntaxNode | null = object;
  while (root?.type === NodeKind.attribute) {
    const attribute = root.childForFieldName(FieldName.attribute)?.text;
    if (attribute === undefined) return { root: null, path };
    path.unshift(attribute);
    root = root.childForFieldName(FieldName.object);
  }
  return { root, path };
}
