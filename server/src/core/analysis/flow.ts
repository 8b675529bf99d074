/**
 * Reaching definitions of one name at one place of its scope, by a walk over the structured
 * statements between them (no control-flow graph is built). In straight-line code the last binding
 * wins; the branches of `if`/`try` join; a loop body may run any number of times, so whatever a
 * loop binds joins with what came before it; a block that ends in `return`, `raise`, `break` or
 * `continue` does not fall through. Statements the walk does not model (`match`, ...) join every
 * binding they hold. Only the statements that hold a binding of the name, or the place asked about,
 * are visited: a query costs about as much as the bindings between the last certain one and the place.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { DefinitionSite } from './bindings';

/** The bindings that may reach a place, and whether the name may still hold what it held when the scope started. */
export type Reaching = { readonly sites: readonly DefinitionSite[]; readonly entry: boolean };

/** What reaches a statement: undefined where no path reaches it. */
type Flow = Reaching | undefined;

const COMPOUND = new Set<string>([
  NodeKind.ifStatement,
  NodeKind.forStatement,
  NodeKind.whileStatement,
  NodeKind.tryStatement,
  NodeKind.withStatement,
  'match_statement',
]);
const TERMINATORS = new Set<string>([NodeKind.returnStatement, NodeKind.raiseStatement, NodeKind.breakStatement, NodeKind.continueStatement]);

/**
 * The bindings of `sites` (one name in one scope, in document order) that reach `place`, which lies
 * in `body` (the scope's block, or the module); without `place`, those that reach the end of `body`.
 */
export function reachingDefinitions(body: SyntaxNode, sites: readonly DefinitionSite[], place?: SyntaxNode): Flow {
  const within = (node: SyntaxNode) => sitesWithin(sites, node.startIndex, node.endIndex);
  const addAll = (flow: Flow, node: SyntaxNode): Flow => join(flow, { sites: within(node), entry: false });

  function walkBlock(block: SyntaxNode, flow: Flow, target?: SyntaxNode): Flow {
    const targetStatement = target ? block.childWithDescendant(target) : undefined;
    const limit = targetStatement ? targetStatement.startIndex : block.endIndex;
    const before = sitesWithin(sites, block.startIndex, limit);
    // Back from the last binding before the target to the last one that certainly replaces the value.
    const statements: SyntaxNode[] = [];
    let current = flow;
    for (let index = before.length - 1; index >= 0; ) {
      const statement = block.childWithDescendant(before[index].anchor);
      if (!statement) break;
      const certain = lastCertain(within(statement));
      if (!COMPOUND.has(statement.type) && certain) {
        current = simpleStatement(statement, { sites: [certain], entry: false });
        break;
      }
      statements.push(statement);
      index = lastIndexBefore(before, statement.startIndex, index);
    }
    for (const statement of statements.reverse()) current = transfer(statement, current);
    if (targetStatement && target) return atStatement(targetStatement, current, target);
    if (target) return current;
    const last = block.lastNamedChild;
    return last && TERMINATORS.has(last.type) ? undefined : current;
  }

  /** After a simple statement: its last certain binding replaces the value, uncertain ones (walrus) join. */
  function simpleStatement(statement: SyntaxNode, flow: Flow): Flow {
    const held = within(statement);
    const certain = lastCertain(held);
    const start: Flow = certain ? { sites: [certain], entry: false } : flow;
    const after = held.filter((site) => !site.certain && (!certain || site.anchor.startIndex > certain.anchor.startIndex));
    return after.length > 0 ? join(start, { sites: after, entry: false }) : start;
  }

  /** What reaches the end of a statement that holds bindings but not the target. */
  function transfer(statement: SyntaxNode, flow: Flow): Flow {
    switch (statement.type) {
      case NodeKind.ifStatement: {
        const branches = ifBranches(statement);
        let out: Flow = branches.some((branch) => branch.isElse) ? undefined : flow;
        for (const branch of branches) out = join(out, walkBlock(branch.block, flow));
        // A walrus in a condition may or may not run: join every binding the statement holds.
        return within(statement).some((site) => !site.certain) ? addAll(out, statement) : out;
      }
      case NodeKind.withStatement: {
        const body = statement.childForFieldName(FieldName.body);
        const entered = withAliases(statement, flow);
        return body ? walkBlock(body, entered) : entered;
      }
      case NodeKind.tryStatement:
        return tryStatement(statement, flow);
      case NodeKind.forStatement:
      case NodeKind.whileStatement:
        return addAll(flow, statement);
      default:
        return COMPOUND.has(statement.type) ? addAll(flow, statement) : simpleStatement(statement, flow);
    }
  }

  /** The value at `target`, inside `statement`, which `flow` reaches. */
  function atStatement(statement: SyntaxNode, flow: Flow, target: SyntaxNode): Flow {
    const inside = (node: SyntaxNode | null | undefined): node is SyntaxNode => !!node && node.startIndex <= target.startIndex && target.endIndex <= node.endIndex;
    switch (statement.type) {
      case NodeKind.ifStatement: {
        const branch = ifBranches(statement).find((candidate) => inside(candidate.block));
        return branch ? walkBlock(branch.block, flow, target) : flow;
      }
      case NodeKind.forStatement:
      case NodeKind.whileStatement: {
        const head = addAll(flow, statement);
        const body = statement.childForFieldName(FieldName.body);
        const otherwise = statement.childForFieldName(FieldName.alternative)?.childForFieldName(FieldName.body);
        if (inside(body)) return walkBlock(body, head, target);
        if (inside(otherwise)) return walkBlock(otherwise, head, target);
        return statement.type === NodeKind.forStatement ? flow : head;
      }
      case NodeKind.withStatement: {
        const body = statement.childForFieldName(FieldName.body);
        return inside(body) ? walkBlock(body, withAliases(statement, flow), target) : flow;
      }
      case NodeKind.tryStatement: {
        const body = statement.childForFieldName(FieldName.body);
        if (inside(body)) return walkBlock(body, flow, target);
        const clause = statement.namedChildren.find((child) => child !== body && inside(child));
        const block = clause && clauseBlock(clause);
        if (!clause || !block) return addAll(flow, statement);
        if (clause.type === NodeKind.elseClause) return walkBlock(block, body ? walkBlock(body, flow) : flow, target);
        const before = sitesWithin(sites, statement.startIndex, clause.startIndex);
        return walkBlock(block, join(flow, { sites: before, entry: false }), target);
      }
      default:
        return COMPOUND.has(statement.type) ? addAll(flow, statement) : flow;
    }
  }

  function withAliases(statement: SyntaxNode, flow: Flow): Flow {
    const body = statement.childForFieldName(FieldName.body);
    const clause = sitesWithin(sites, statement.startIndex, body ? body.startIndex : statement.endIndex);
    const certain = lastCertain(clause);
    return certain ? { sites: [certain], entry: false } : flow;
  }

  /** try: the body, or any handler entered from anywhere in it; then `else` after the body; `finally` after all of them. */
  function tryStatement(statement: SyntaxNode, flow: Flow): Flow {
    const body = statement.childForFieldName(FieldName.body);
    const afterBody = body ? walkBlock(body, flow) : flow;
    const raised = body ? addAll(flow, body) : flow;
    let out: Flow = afterBody;
    let finallyBlock: SyntaxNode | undefined;
    for (const clause of statement.namedChildren) {
      if (!clause || clause === body) continue;
      const block = clauseBlock(clause);
      if (!block) continue;
      if (clause.type === NodeKind.elseClause) out = join(walkBlock(block, afterBody), out === afterBody ? undefined : out);
      else if (clause.type === NodeKind.finallyClause) finallyBlock = block;
      else out = join(out, walkBlock(block, addAll(raised, clause)));
    }
    return finallyBlock ? walkBlock(finallyBlock, out) : out;
  }

  return walkBlock(body, { sites: [], entry: true }, place);
}

/** The statements of a scope: a function's or class's block, the module itself, a lambda's body. */
export function scopeBody(scope: SyntaxNode): SyntaxNode {
  return scope.type === NodeKind.module ? scope : (scope.childForFieldName(FieldName.body) ?? scope);
}

type Branch = { readonly block: SyntaxNode; readonly isElse: boolean };

function ifBranches(statement: SyntaxNode): Branch[] {
  const branches: Branch[] = [];
  const consequence = statement.childForFieldName(FieldName.consequence);
  if (consequence) branches.push({ block: consequence, isElse: false });
  for (const clause of statement.childrenForFieldName(FieldName.alternative)) {
    const isElse = clause.type === NodeKind.elseClause;
    const block = clause.childForFieldName(isElse ? FieldName.body : FieldName.consequence);
    if (block) branches.push({ block, isElse });
  }
  return branches;
}

/** The block of an `except`, `else` or `finally` clause. */
function clauseBlock(clause: SyntaxNode): SyntaxNode | undefined {
  return clause.childForFieldName(FieldName.body) ?? clause.namedChildren.find((child) => child?.type === NodeKind.block) ?? undefined;
}

function join(a: Flow, b: Flow): Flow {
  if (!a) return b;
  if (!b) return a;
  const sites = [...a.sites];
  for (const site of b.sites) if (!sites.includes(site)) sites.push(site);
  return { sites, entry: a.entry || b.entry };
}

function lastCertain(sites: readonly DefinitionSite[]): DefinitionSite | undefined {
  for (let index = sites.length - 1; index >= 0; index--) if (sites[index].certain) return sites[index];
  return undefined;
}

/** The sites whose anchor starts in [start, end), by binary search (sites are in document order). */
function sitesWithin(sites: readonly DefinitionSite[], start: number, end: number): readonly DefinitionSite[] {
  const first = lowerBound(sites, start);
  const last = lowerBound(sites, end);
  return first === 0 && last === sites.length ? sites : sites.slice(first, last);
}

function lowerBound(sites: readonly DefinitionSite[], offset: number): number {
  let low = 0;
  let high = sites.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sites[middle].anchor.startIndex < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the last site that starts before `offset`, at most `from - 1`. */
function lastIndexBefore(sites: readonly DefinitionSite[], offset: number, from: number): number {
  return Math.min(from - 1, lowerBound(sites, offset) - 1);
}
