/**
 * The summary of one parsed module: its top-level statements read in order, as the module runs.
 * Plain assignments define constants; imports bind names to qualified targets; classes collect
 * their attributes (a base class of the same module first); a function whose body is a single
 * `return` keeps what it returns. A name assigned inside a top-level `if`, `try`, `for` or `with`,
 * declared `global` in a function, or assigned before a `from M import *` is unknown with its reason.
 */
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { PythonParser, SyntaxNode } from '../syntax/parser';
import { lineIndex } from '../text/lines';
import { shorten } from '../analysis/evaluate';
import { collectImports } from '../analysis/imports';
import { emptyRecord, entryOf, type ModuleSummary, type SummaryEntry, type SummaryExpr, type SummarySite } from './summary';
import { summarizeExpression } from './summaryExpressions';

/** A module defining more names than this keeps the first ones only. */
const MAX_NAMES = 5000;

/** Parses `text`, summarises it and frees the tree; undefined when the parse gave up. */
export function summarizeText(parser: PythonParser, text: string): ModuleSummary | undefined {
  const tree = parser.parse(text);
  if (!tree) return undefined;
  try {
    return summarizeModule(tree.rootNode, text);
  } finally {
    tree.delete();
  }
}

export function summarizeModule(root: SyntaxNode, text: string): ModuleSummary {
  const lines = lineIndex(text);
  const site = (node: SyntaxNode): SummarySite => ({ offset: node.startIndex, line: lines.lineOf(node.startIndex) + 1 });
  const names = emptyRecord<SummaryEntry>();
  const wildcards: string[] = [];
  let count = 0;
  const define = (name: string, entry: SummaryEntry) => {
    if (!entryOf(names, name) && ++count > MAX_NAMES) return;
    names[name] = entry;
  };
  const unknownAt = (name: string, node: SyntaxNode, reason: string) =>
    define(name, { kind: 'value', expr: { text: name, value: { kind: 'unknown', reason } }, ...site(node) });
  const functions: SyntaxNode[] = [];

  for (const statement of root.namedChildren) {
    if (!statement || statement.type === NodeKind.comment) continue;
    switch (statement.type) {
      case NodeKind.expressionStatement: {
        const assignment = statement.namedChild(0);
        if (assignment?.type === NodeKind.assignment) assign(assignment);
        else if (assignment?.type === NodeKind.augmentedAssignment) rebind(assignment, `changed by \`${shorten(assignment.text)}\``);
        break;
      }
      case NodeKind.importStatement:
      case NodeKind.importFromStatement:
        importNames(statement);
        break;
      case NodeKind.classDefinition:
        defineClass(statement, statement);
        break;
      case NodeKind.functionDefinition:
        functions.push(statement);
        break;
      case NodeKind.decoratedDefinition: {
        const definition = statement.childForFieldName(FieldName.definition);
        const name = definition?.childForFieldName(FieldName.name)?.text;
        if (definition?.type === NodeKind.classDefinition) defineClass(definition, statement);
        else if (name) unknownAt(name, statement, `\`${name}\`, a decorated function`);
        break;
      }
      default:
        conditional(statement);
    }
  }
  for (const definition of functions) defineFunction(definition);
  for (const statement of root.descendantsOfType(NodeKind.globalStatement)) {
    for (const name of statement?.namedChildren ?? []) {
      if (name && entryOf(names, name.text)) unknownAt(name.text, name, `\`${name.text}\` may be reassigned by a function (\`global ${name.text}\`)`);
    }
  }
  return { names, wildcards };

  function assign(assignment: SyntaxNode): void {
    const left = assignment.childForFieldName(FieldName.left);
    const right = assignment.childForFieldName(FieldName.right);
    if (left?.type !== NodeKind.identifier) return rebind(assignment, `\`${shorten(assignment.text)}\``);
    if (!right) return; // An annotation alone (`TIMEOUT: float`) defines nothing.
    define(left.text, { kind: 'value', expr: summarizeExpression(right, { module: names }), ...site(left) });
  }

  /** Every name a statement binds becomes unknown, with `reason`. */
  function rebind(statement: SyntaxNode, reason: string): void {
    const left = statement.childForFieldName(FieldName.left);
    const targets = left?.type === NodeKind.identifier ? [left] : (left?.descendantsOfType(NodeKind.identifier) ?? []);
    for (const target of targets) if (target) unknownAt(target.text, target, reason);
  }

  function importNames(statement: SyntaxNode): void {
    const table = collectImports([statement]);
    addWildcards(table.wildcardModules);
    for (const [local, target] of table.names) {
      // `import a.b` binds `a` to the package `a`; `import a.b as c` binds `c` to `a.b`.
      define(local, { kind: 'import', target, ...site(statement) });
    }
  }

  /** `from M import *` may replace every value defined before it. */
  function addWildcards(modules: readonly string[]): void {
    if (modules.length === 0) return;
    wildcards.push(...modules);
    const reason = `may be replaced by \`from ${modules.join(', ')} import *\``;
    for (const name of Object.keys(names)) {
      const entry = names[name];
      if (entry.kind === 'value') names[name] = { ...entry, expr: { text: entry.expr.text, value: { kind: 'unknown', reason: `\`${name}\` ${reason}` } } };
    }
  }

  function defineClass(definition: SyntaxNode, statement: SyntaxNode): void {
    const name = definition.childForFieldName(FieldName.name)?.text;
    const body = definition.childForFieldName(FieldName.body);
    if (!name || !body) return;
    const attributes = emptyRecord<SummaryExpr & SummarySite>();
    for (const base of definition.childForFieldName(FieldName.superclasses)?.namedChildren ?? []) {
      const inherited = base?.type === NodeKind.identifier ? entryOf(names, base.text) : undefined;
      if (inherited?.kind === 'class') Object.assign(attributes, inherited.attributes);
    }
    for (const child of body.namedChildren) {
      const assignment = child?.type === NodeKind.expressionStatement ? child.namedChild(0) : undefined;
      if (assignment?.type !== NodeKind.assignment) continue;
      const left = assignment.childForFieldName(FieldName.left);
      const right = assignment.childForFieldName(FieldName.right);
      if (left?.type === NodeKind.identifier && right) attributes[left.text] = { ...summarizeExpression(right, { module: names, classBody: attributes }), ...site(left) };
    }
    define(name, { kind: 'class', attributes, ...site(statement) });
  }

  /** Runs after the whole module: a function reads the module's names as they are when it is called. */
  function defineFunction(definition: SyntaxNode): void {
    const name = definition.childForFieldName(FieldName.name);
    const body = definition.childForFieldName(FieldName.body);
    if (!name || !body) return;
    const statements = body.namedChildren.filter((child): child is SyntaxNode => child !== null && child.type !== NodeKind.comment && !isDocstring(child));
    const returned = statements.length === 1 && statements[0].type === NodeKind.returnStatement ? statements[0].namedChild(0) : undefined;
    const parameters = new Set((definition.childForFieldName(FieldName.parameters)?.descendantsOfType(NodeKind.identifier) ?? []).map((node) => node?.text ?? ''));
    const returns: SummaryExpr = returned
      ? summarizeExpression(returned, { module: names, parameters })
      : { text: name.text, value: { kind: 'unknown', reason: `what \`${name.text}()\` returns` } };
    define(name.text, { kind: 'function', returns, ...site(name) });
  }

  /** A compound statement at module level: what it assigns holds only on some runs. */
  function conditional(statement: SyntaxNode): void {
    const line = site(statement).line;
    for (const assignment of statement.descendantsOfType([NodeKind.assignment, NodeKind.augmentedAssignment])) {
      if (assignment) rebind(assignment, `assigned under a condition (line ${line})`);
    }
    for (const statementInside of statement.descendantsOfType([NodeKind.importStatement, NodeKind.importFromStatement])) {
      if (!statementInside) continue;
      const table = collectImports([statementInside]);
      addWildcards(table.wildcardModules);
      for (const local of table.names.keys()) unknownAt(local, statementInside, `imported under a condition (line ${line})`);
    }
  }
}

function isDocstring(node: SyntaxNode): boolean {
  return node.type === NodeKind.expressionStatement && node.namedChild(0)?.type === NodeKind.string;
}

