/**
 * The syntax layer against the grammar in node_modules: every NodeKind and FieldName constant
 * exists in tree-sitter-python's node-types.json, OUTLINE_QUERY compiles, and every text a quick
 * fix produces on the fixtures (httpx and their httpx2 variants) parses without ERROR or MISSING nodes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FieldName, NodeKind } from '../../../server/src/core/syntax/nodeKinds';
import { OUTLINE_QUERY } from '../../../server/src/core/syntax/queries';
import type { SyntaxNode } from '../../../server/src/core/syntax/parser';
import { testEngine } from '../../helpers/engine';
import { asHttpx2, collectFixCases, FIX_FIXTURES } from '../../helpers/fixFixtures';

type NodeTypeInfo = {
  readonly type: string;
  readonly fields?: Readonly<Record<string, { readonly types: readonly { readonly type: string }[] }>>;
  readonly children?: { readonly types: readonly { readonly type: string }[] };
  readonly subtypes?: readonly { readonly type: string }[];
};

const nodeTypes: readonly NodeTypeInfo[] = JSON.parse(fs.readFileSync(require.resolve('tree-sitter-python/src/node-types.json'), 'utf8'));

/** Every node type named anywhere: top-level entries, and the types of fields, children and subtypes (aliases appear only there). */
function allTypes(): Set<string> {
  const types = new Set<string>();
  for (const info of nodeTypes) {
    types.add(info.type);
    for (const field of Object.values(info.fields ?? {})) for (const child of field.types) types.add(child.type);
    for (const child of info.children?.types ?? []) types.add(child.type);
    for (const subtype of info.subtypes ?? []) types.add(subtype.type);
  }
  return types;
}

test('every NodeKind is a node type of tree-sitter-python', () => {
  const types = allTypes();
  assert.ok(!types.has('no_such_node_kind') && types.has('call'));
  const missing = Object.entries(NodeKind).filter(([, type]) => !types.has(type));
  assert.deepEqual(missing, []);
});

test('every FieldName is a field of some node type of tree-sitter-python', () => {
  const fields = new Set(nodeTypes.flatMap((info) => Object.keys(info.fields ?? {})));
  const missing = Object.entries(FieldName).filter(([, field]) => !fields.has(field));
  assert.deepEqual(missing, []);
});

test('OUTLINE_QUERY compiles, and a query naming an unknown node type does not', async () => {
  const { parser } = await testEngine();
  assert.doesNotThrow(() => parser.compileQuery(OUTLINE_QUERY));
  assert.throws(() => parser.compileQuery('(no_such_node_kind) @x'));
});

/** Each ERROR or MISSING node of a parse of `text`, as "type at offset". */
async function syntaxErrors(text: string): Promise<string[]> {
  const { parser } = await testEngine();
  const tree = parser.parse(text);
  assert.ok(tree, 'the parser gave up');
  const errors: string[] = [];
  const walk = (node: SyntaxNode) => {
    if (node.type === 'ERROR' || node.isMissing) errors.push(`${node.isMissing ? 'MISSING ' : ''}${node.type} at ${node.startIndex}`);
    for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  tree.delete();
  return errors;
}

test('the syntax check finds ERROR and MISSING nodes', async () => {
  assert.deepEqual(await syntaxErrors('import httpx\nc = httpx.Client(timeout=1)\n'), []);
  assert.notDeepEqual(await syntaxErrors('c = httpx.Client(timeout=)\n'), []);
  assert.ok((await syntaxErrors('c = httpx.Client(timeout=(1, 2)\n')).length > 0);
});

test('every fixed text of the fixtures parses cleanly', async () => {
  const cases = [
    ...(await collectFixCases(FIX_FIXTURES, {})),
    // Also at a release with the pre-0.28 transport order, so that PG102 writes the other keyword order.
    ...(await collectFixCases(FIX_FIXTURES, { versions: { httpx: '0.23.3' } })),
    ...(await collectFixCases(FIX_FIXTURES.map((fixture) => ({ ...fixture, source: asHttpx2(fixture.source) })), {})),
  ];
  assert.ok(cases.length > FIX_FIXTURES.length);
  for (const fixture of FIX_FIXTURES) assert.deepEqual(await syntaxErrors(fixture.source), [], `fixture ${fixture.name}`);
  for (const each of cases) assert.deepEqual(await syntaxErrors(each.fixedText), [], `${each.label}\n${each.fixedText}`);
});
