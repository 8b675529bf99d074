/**
 * The tree-sitter queries of the analysis, one constant each, compiled once per language. One
 * pass over a tree yields every call, import and assignment that the analysis looks at.
 */
import type { PythonParser, RunQuery } from './parser';

/** Capture names of OUTLINE_QUERY. */
export const Capture = {
  call: 'call',
  importStatement: 'import',
  assignment: 'assignment',
  rebinding: 'rebinding',
  withAlias: 'withAlias',
  /** Every `... as name` (`with`, `except`, `case`); those of a `with` are also captured as withAlias. */
  asAlias: 'asAlias',
  /** Statements that bind or unbind names in ways values cannot follow: walrus, `del`, `global`, `nonlocal`. */
  opaqueBinding: 'opaqueBinding',
  /** `d["key"] = value`: a key added to a dict that may be passed as `**d`. */
  subscriptAssignment: 'subscriptAssignment',
  attributeAssignment: 'attributeAssignment',
  classDefinition: 'classDefinition',
  scope: 'scope',
  loopBody: 'loopBody',
  loop: 'loop',
  decorated: 'decorated',
} as const;

/**
 * Calls, imports, single-name assignments, `with ... as name` aliases, attribute assignments
 * (`self.session = ...`, `session.timeout = ...`), other statements that rebind a name (so that
 * the name's value there is unknown), walrus, `del`, `global` and `nonlocal` (opaque bindings),
 * class definitions (a subclass of a catalogued class may stand for it), scopes, loops and their
 * bodies (see analysis/enclosing.ts), and decorated definitions (a route or task handler runs
 * repeatedly: analysis/repetition.ts). Comments are not
 * captured: a large file has thousands, and only the few with a suppression marker matter
 * (analyze.ts finds those by text).
 */
export const OUTLINE_QUERY = `
(call) @call
(import_statement) @import
(import_from_statement) @import
(assignment left: (identifier)) @assignment
(augmented_assignment left: (identifier)) @rebinding
(for_statement left: (identifier)) @rebinding
(for_statement left: (pattern_list)) @rebinding
(for_statement left: (tuple_pattern)) @rebinding
(for_statement left: (list_pattern)) @rebinding
(assignment left: (pattern_list)) @rebinding
(assignment left: (tuple_pattern)) @rebinding
(assignment left: (list_pattern)) @rebinding
(named_expression) @opaqueBinding
(delete_statement) @opaqueBinding
(global_statement) @opaqueBinding
(nonlocal_statement) @opaqueBinding
(as_pattern alias: (as_pattern_target (identifier))) @asAlias
(with_item value: (as_pattern alias: (as_pattern_target (identifier))) @withAlias)
(assignment left: (attribute)) @attributeAssignment
(assignment left: (subscript)) @subscriptAssignment
(class_definition) @classDefinition @scope
(function_definition) @scope
(lambda) @scope
(decorated_definition) @decorated
(for_statement body: (_) @loopBody) @loop
(while_statement body: (_) @loopBody) @loop
(list_comprehension body: (_) @loopBody) @loop
(set_comprehension body: (_) @loopBody) @loop
(dictionary_comprehension body: (_) @loopBody) @loop
(generator_expression body: (_) @loopBody) @loop
`;

/** Compiles the outline query once; the returned function runs it over a tree, or over the nodes that overlap a range. */
export function createOutlineQuery(parser: PythonParser): RunQuery {
  return parser.compileQuery(OUTLINE_QUERY);
}
