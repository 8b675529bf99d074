/**
 * What a name stands for at the place it is read, by Python's scoping rules and the value flow of
 * its scope (flow.ts): the bindings that reach that place, the parameter it is (with its default
 * and the arguments the calls of its function in this file pass), the import that binds it (a
 * value another module decides), or nothing. A name read from a nested function may hold any value
 * its scope ever gives it. `self.x` stands for the assignments to it in the class's methods, else
 * the class attribute; `Class.X` for the class attribute, looked up through local base classes.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { CallShapes } from './callShapes';
import type { Bindings, Definition, DefinitionSite } from './bindings';
import type { Enclosing } from './enclosing';
import { createDictWrites, type DictWrite } from './dictWrites';
import { reachingDefinitions, scopeBody } from './flow';

/** A parameter of a function: its default, and where the function's calls in this file pass it. */
export type ParameterDefinition = {
  readonly kind: 'parameter';
  readonly name: string;
  readonly function: SyntaxNode;
  readonly default?: SyntaxNode;
  /** `*args` or `**kwargs`. */
  readonly splat: boolean;
};

export type ResolvedDefinition = Definition | ParameterDefinition;

export type NameResolution =
  | { readonly kind: 'definitions'; readonly definitions: readonly ResolvedDefinition[] }
  /** `importedBase`: a class attribute not found in this module, whose class inherits from a class imported from another module (the base as written). */
  | { readonly kind: 'unbound'; readonly reason: string; readonly importedBase?: string };

export type NameResolver = {
  /** What a bare identifier stands for where it is read. */
  readonly name: (identifier: SyntaxNode) => NameResolution;
  /** What `self.<attribute>` stands for inside a method; undefined when `attribute` is not of that shape. */
  readonly selfAttribute: (attribute: SyntaxNode) => NameResolution | undefined;
  /** What `<class>.<name>` stands for: the class body's bindings, else those of its local bases. */
  readonly classAttribute: (classNode: SyntaxNode, name: string) => NameResolution;
  /** The argument expressions the calls of a parameter's function in this file pass for it. */
  readonly argumentsFor: (parameter: ParameterDefinition) => readonly SyntaxNode[];
  /** The changes to the dict that `holder` reads, made after `built` built it (see dictWrites.ts). */
  readonly dictWrites: (holder: SyntaxNode, built: SyntaxNode) => DictWrite[];
};

/** The one expression a name stands for, when exactly one assignment (or `with ... as`) reaches it; else undefined. */
export function assignedValue(resolution: NameResolution | undefined): SyntaxNode | undefined {
  const only = resolution?.kind === 'definitions' && resolution.definitions.length === 1 ? resolution.definitions[0] : undefined;
  return only?.kind === 'value' ? only.value : undefined;
}

/** True when what reaches a name is only the parameter it is (nothing in the function has rebound it yet). */
export function isParameter(resolution: NameResolution): boolean {
  return resolution.kind === 'definitions' && resolution.definitions.length === 1 && resolution.definitions[0].kind === 'parameter';
}

/** What the resolver reads besides bindings: `self.x = ...` and `d["key"] = ...` assignments, `del` statements and every call of the file. */
export type NameSources = {
  readonly attributeAssignments: readonly SyntaxNode[];
  readonly subscriptAssignments: readonly SyntaxNode[];
  readonly deletions: readonly SyntaxNode[];
  readonly calls: readonly SyntaxNode[];
  /** The parts of each call node, read once per analysis. */
  readonly shapes: CallShapes;
};

/** How many base classes an attribute lookup follows. */
const MAX_CLASS_DEPTH = 8;

export function createNameResolver(bindings: Bindings, sources: NameSources, enclosing: Enclosing): NameResolver {
  const selfAssignments = indexSelfAssignments(sources.attributeAssignments, enclosing);
  let callsByName: Map<string, SyntaxNode[]> | undefined;
  const dictWrites = createDictWrites(sources, enclosing);
  const parameters = new Map<number, (name: string) => ParameterDefinition | undefined>();
  const parameterOf = (scope: SyntaxNode, name: string) => {
    let lookup = parameters.get(scope.id);
    if (!lookup) parameters.set(scope.id, (lookup = parameterLookup(scope)));
    return lookup(name);
  };

  function name(identifier: SyntaxNode): NameResolution {
    const text = identifier.text;
    if (bindings.isShared(text)) return opaque('declared `global` or `nonlocal`, so any call may change it');
    const home = enclosing.scopeOf(identifier);
    for (let scope = home, fromInner = false; scope; scope = outerScope(scope, enclosing), fromInner = true) {
      const sites = bindings.sitesOf(scope, text);
      const parameter = parameterOf(scope, text);
      if (sites.length === 0 && !parameter) continue;
      if (fromInner) return fromSites(sites, parameter);
      const reaching = reachingDefinitions(scopeBody(scope), sites, identifier);
      if (!reaching) return { kind: 'unbound', reason: `\`${text}\`, which no path assigns before this line` };
      const definitions: ResolvedDefinition[] = reaching.sites.map((site) => site.definition);
      if (reaching.entry && parameter) definitions.push(parameter);
      if (definitions.length === 0) return { kind: 'unbound', reason: `\`${text}\`, which is assigned only after this line` };
      return { kind: 'definitions', definitions };
    }
    return { kind: 'unbound', reason: `\`${text}\`, which is not assigned in this module` };
  }

  function classAttribute(classNode: SyntaxNode, attribute: string, depth = 0): NameResolution {
    const body = classNode.childForFieldName(FieldName.body);
    const sites = bindings.sitesOf(classNode, attribute);
    if (body && sites.length > 0) {
      const reaching = reachingDefinitions(body, sites);
      if (reaching && reaching.sites.length > 0) return { kind: 'definitions', definitions: reaching.sites.map((site) => site.definition) };
    }
    if (depth >= MAX_CLASS_DEPTH) return { kind: 'unbound', reason: `\`${attribute}\` (too many base classes to follow)` };
    const className = classNode.childForFieldName(FieldName.name)?.text;
    // Bases in order (the method resolution order of single inheritance): a local class is read here, an imported one in its module.
    for (const base of classNode.childForFieldName(FieldName.superclasses)?.namedChildren ?? []) {
      const head = base?.type === NodeKind.identifier ? base : base?.type === NodeKind.attribute ? dottedHead(base) : undefined;
      if (!base || !head) continue;
      const resolved = name(head);
      const single = resolved.kind === 'definitions' && resolved.definitions.length === 1 ? resolved.definitions[0] : undefined;
      if (single?.kind === 'imported') {
        return { kind: 'unbound', reason: `\`${attribute}\`, which the class \`${className}\` inherits from \`${base.text}\``, importedBase: base.text };
      }
      if (base.type !== NodeKind.identifier || single?.kind !== 'class' || single.node.id === classNode.id) continue;
      const inherited = classAttribute(single.node, attribute, depth + 1);
      if (inherited.kind === 'definitions' || inherited.importedBase !== undefined) return inherited;
    }
    return { kind: 'unbound', reason: `\`${attribute}\`, which the class \`${className}\` does not assign` };
  }

  return {
    name,
    dictWrites,
    classAttribute: (classNode, attribute) => classAttribute(classNode, attribute),
    selfAttribute(attribute) {
      const target = selfTarget(attribute, enclosing);
      if (!target) return undefined;
      const assigned = target.isInstance ? selfAssignments.get(`${target.classNode.id}:${target.name}`) : undefined;
      if (assigned) return { kind: 'definitions', definitions: assigned.map((value): Definition => ({ kind: 'value', value })) };
      return classAttribute(target.classNode, target.name);
    },
    argumentsFor(parameter) {
      callsByName ??= indexCallsByName(sources.calls, sources.shapes);
      return argumentsFor(parameter, callsByName, enclosing, sources.shapes);
    },
  };
}

/** The first name of `a.b.c`. */
function dottedHead(node: SyntaxNode): SyntaxNode | undefined {
  const object = node.childForFieldName(FieldName.object);
  return object?.type === NodeKind.identifier ? object : object?.type === NodeKind.attribute ? dottedHead(object) : undefined;
}

/** Read from a nested function: any value the scope ever gives the name may be current. */
function fromSites(sites: readonly DefinitionSite[], parameter: ParameterDefinition | undefined): NameResolution {
  const definitions: ResolvedDefinition[] = sites.map((site) => site.definition);
  if (parameter) definitions.push(parameter);
  return { kind: 'definitions', definitions };
}

function opaque(reason: string): NameResolution {
  return { kind: 'definitions', definitions: [{ kind: 'opaque', reason }] };
}

/** The scope whose names a scope's code reads next: a function skips the class bodies around it. */
function outerScope(scope: SyntaxNode, enclosing: Enclosing): SyntaxNode | undefined {
  let outer = enclosing.scopeOf(scope);
  if (scope.type === NodeKind.classDefinition) return outer;
  while (outer?.type === NodeKind.classDefinition) outer = enclosing.scopeOf(outer);
  return outer;
}

/**
 * The first parameter of `scope` (a function or lambda) of a name. Parameters are read in order
 * only as far as a name asked for needs (`self` is the first), each once per scope.
 */
function parameterLookup(scope: SyntaxNode): (name: string) => ParameterDefinition | undefined {
  const byName = new Map<string, ParameterDefinition>();
  let unread: (SyntaxNode | null)[] | undefined;
  let next = 0;
  return (name) => {
    const known = byName.get(name);
    if (known) return known;
    unread ??= scope.childForFieldName(FieldName.parameters)?.namedChildren ?? [];
    while (next < unread.length) {
      const parameter = unread[next++];
      const read = parameter && readParameter(scope, parameter);
      if (!read || byName.has(read.name)) continue;
      byName.set(read.name, read);
      if (read.name === name) return read;
    }
    return undefined;
  };
}

function readParameter(scope: SyntaxNode, parameter: SyntaxNode): ParameterDefinition | undefined {
  const type = parameter.type;
  const splat = type === NodeKind.listSplatPattern || type === NodeKind.dictionarySplatPattern || (type === NodeKind.typedParameter && parameter.namedChildren.some((child) => child?.type === NodeKind.listSplatPattern || child?.type === NodeKind.dictionarySplatPattern));
  const named = type === NodeKind.identifier ? parameter : (parameter.childForFieldName(FieldName.name) ?? parameter.descendantsOfType(NodeKind.identifier)[0]);
  const name = named?.text;
  if (name === undefined) return undefined;
  const defaultValue = parameter.childForFieldName(FieldName.value) ?? undefined;
  return { kind: 'parameter', name, function: scope, default: defaultValue, splat };
}

/** `self.<name>` (or `cls.<name>`) in a method: the class and the attribute name. */
function selfTarget(attribute: SyntaxNode, enclosing: Enclosing): { classNode: SyntaxNode; name: string; isInstance: boolean } | undefined {
  if (attribute.type !== NodeKind.attribute) return undefined;
  const object = attribute.childForFieldName(FieldName.object);
  const name = attribute.childForFieldName(FieldName.attribute);
  if (object?.type !== NodeKind.identifier || (object.text !== 'self' && object.text !== 'cls') || !name) return undefined;
  for (let scope = enclosing.scopeOf(attribute); scope; scope = enclosing.scopeOf(scope)) {
    if (scope.type === NodeKind.classDefinition) return { classNode: scope, name: name.text, isInstance: object.text === 'self' };
  }
  return undefined;
}

/** `<class id>:<name>` → the values its methods assign to `self.<name>`. */
function indexSelfAssignments(assignments: readonly SyntaxNode[], enclosing: Enclosing): Map<string, SyntaxNode[]> {
  const index = new Map<string, SyntaxNode[]>();
  for (const assignment of assignments) {
    const left = assignment.childForFieldName(FieldName.left);
    const right = assignment.childForFieldName(FieldName.right);
    const target = left && selfTarget(left, enclosing);
    if (!target?.isInstance || !right) continue;
    const key = `${target.classNode.id}:${target.name}`;
    const list = index.get(key);
    if (list) list.push(right);
    else index.set(key, [right]);
  }
  return index;
}

function indexCallsByName(calls: readonly SyntaxNode[], shapes: CallShapes): Map<string, SyntaxNode[]> {
  const index = new Map<string, SyntaxNode[]>();
  for (const call of calls) {
    const { calleeType, name } = shapes(call);
    if (calleeType !== NodeKind.identifier || name === undefined) continue;
    const list = index.get(name);
    if (list) list.push(call);
    else index.set(name, [call]);
  }
  return index;
}

/**
 * The arguments passed for a parameter by the calls of its function (a module-level function called
 * by name, or a module-level class's `__init__` called through the class). Calls with `*args` or
 * `**kwargs` are left out: what they pass is unknown.
 */
function argumentsFor(parameter: ParameterDefinition, callsByName: ReadonlyMap<string, readonly SyntaxNode[]>, enclosing: Enclosing, shapes: CallShapes): SyntaxNode[] {
  const owner = enclosing.scopeOf(parameter.function);
  const functionName = parameter.function.childForFieldName(FieldName.name)?.text;
  if (!owner || !functionName || parameter.splat) return [];
  const isInit = owner.type === NodeKind.classDefinition && functionName === '__init__' && enclosing.scopeOf(owner)?.type === NodeKind.module;
  if (owner.type !== NodeKind.module && !isInit) return [];
  const calleeName = isInit ? owner.childForFieldName(FieldName.name)?.text : functionName;
  const names = (parameter.function.childForFieldName(FieldName.parameters)?.namedChildren ?? []).map((child) =>
    child?.type === NodeKind.identifier ? child.text : (child?.childForFieldName(FieldName.name)?.text ?? child?.descendantsOfType(NodeKind.identifier)[0]?.text),
  );
  const position = names.indexOf(parameter.name) - (isInit ? 1 : 0);
  const values: SyntaxNode[] = [];
  for (const call of (calleeName && callsByName.get(calleeName)) || []) {
    const items = shapes(call).arguments?.namedChildren ?? [];
    if (items.some((item) => item?.type === NodeKind.listSplat || item?.type === NodeKind.dictionarySplat)) continue;
    const keyword = items.find((item) => item?.type === NodeKind.keywordArgument && item.childForFieldName(FieldName.name)?.text === parameter.name);
    const positional = items.filter((item) => item !== null && item.type !== NodeKind.keywordArgument && item.type !== NodeKind.comment)[position];
    const value = keyword?.childForFieldName(FieldName.value) ?? (position >= 0 ? positional : undefined);
    if (value) values.push(value);
  }
  return values;
}
