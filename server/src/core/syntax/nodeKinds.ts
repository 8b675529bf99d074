/**
 * Every tree-sitter-python node type and field name the analysis depends on, as constants. A test
 * checks each against the grammar's node-types.json, so a grammar upgrade that renames one fails loudly.
 */
export const NodeKind = {
  module: 'module',
  call: 'call',
  argumentList: 'argument_list',
  keywordArgument: 'keyword_argument',
  listSplat: 'list_splat',
  dictionarySplat: 'dictionary_splat',
  attribute: 'attribute',
  identifier: 'identifier',
  importStatement: 'import_statement',
  importFromStatement: 'import_from_statement',
  aliasedImport: 'aliased_import',
  dottedName: 'dotted_name',
  wildcardImport: 'wildcard_import',
  assignment: 'assignment',
  augmentedAssignment: 'augmented_assignment',
  functionDefinition: 'function_definition',
  lambda: 'lambda',
  classDefinition: 'class_definition',
  forStatement: 'for_statement',
  whileStatement: 'while_statement',
  listComprehension: 'list_comprehension',
  setComprehension: 'set_comprehension',
  dictionaryComprehension: 'dictionary_comprehension',
  generatorExpression: 'generator_expression',
  tuple: 'tuple',
  parenthesizedExpression: 'parenthesized_expression',
  integer: 'integer',
  float: 'float',
  none: 'none',
  true: 'true',
  false: 'false',
  string: 'string',
  stringContent: 'string_content',
  interpolation: 'interpolation',
  unaryOperator: 'unary_operator',
  comment: 'comment',
  asPattern: 'as_pattern',
  asPatternTarget: 'as_pattern_target',
  parameters: 'parameters',
  typedParameter: 'typed_parameter',
  defaultParameter: 'default_parameter',
  typedDefaultParameter: 'typed_default_parameter',
} as const;

export const FieldName = {
  function: 'function',
  arguments: 'arguments',
  name: 'name',
  value: 'value',
  object: 'object',
  attribute: 'attribute',
  alias: 'alias',
  moduleName: 'module_name',
  left: 'left',
  right: 'right',
  body: 'body',
  parameters: 'parameters',
  argument: 'argument',
  operator: 'operator',
} as const;

/** Scopes whose body runs once per iteration: a construction inside runs again and again. */
export const LOOP_KINDS: ReadonlySet<string> = new Set([
  NodeKind.forStatement,
  NodeKind.whileStatement,
  NodeKind.listComprehension,
  NodeKind.setComprehension,
  NodeKind.dictionaryComprehension,
  NodeKind.generatorExpression,
]);

/** Scopes that own their local names. */
export const SCOPE_KINDS: ReadonlySet<string> = new Set([NodeKind.functionDefinition, NodeKind.lambda, NodeKind.classDefinition, NodeKind.module]);
