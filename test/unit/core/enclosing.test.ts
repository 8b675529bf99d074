/**
 * The span-based scope and loop lookups (core/analysis/enclosing.ts) against the straightforward
 * definition that walks `node.parent`, for every node of snippets with nested functions, lambdas,
 * classes, loops and comprehensions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEnclosing } from '../../../server/src/core/analysis/enclosing';
import { Capture } from '../../../server/src/core/syntax/queries';
import type { SyntaxNode } from '../../../server/src/core/syntax/parser';
import { testEngine } from '../../helpers/engine';

const SCOPES = new Set(['function_definition', 'lambda', 'class_definition', 'module']);
const LOOPS = new Set(['for_statement', 'while_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

function referenceScope(node: SyntaxNode): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (SCOPES.has(current.type)) return current;
  return undefined;
}

function referenceInLoop(node: SyntaxNode): boolean {
  let child = node;
  for (let parent = node.parent; parent && !SCOPES.has(parent.type); child = parent, parent = parent.parent) {
    if (LOOPS.has(parent.type) && parent.childForFieldName('body')?.id === child.id) return true;
  }
  return false;
}

function allNodes(root: SyntaxNode): SyntaxNode[] {
  const nodes: SyntaxNode[] = [];
  const visit = (node: SyntaxNode) => {
    nodes.push(node);
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return nodes;
}

const SNIPPETS = [
  'import httpx\nc = httpx.Client()\n',
  'for u in urls:\n    c = httpx.Client()\n    def f():\n        return httpx.Client()\n    g = lambda: httpx.Client()\nelse:\n    d = httpx.Client()\n',
  'clients = [hx.AsyncClient() for _ in range(3)]\nx = {k: make(k) for k in ks}\ny = (f(a) for a in b if g(a))\nz = {h(i) for i in j}\n',
  'fns = [lambda: Client() for _ in r]\nwhile True:\n    class A:\n        s = Session()\n        def m(self):\n            self.s = Session()\n    A()\n',
  'def outer(n):\n    for i in range(n):\n        for j in range(i):\n            yield [make(k) for k in (lambda q: q)(j)]\n    return Client()\n',
  '@decorator(call())\nclass K(Base(x)):\n    def __init__(self, a=default()):\n        while a: a = step(a)\n',
  'for broken in (\n    c = httpx.Client(\n',
];

test('scopeOf and inLoop agree with walking node.parent, for every node', async () => {
  const engine = await testEngine();
  for (const snippet of SNIPPETS) {
    const tree = engine.parser.parse(snippet);
    assert.ok(tree);
    const byName = (name: string) => engine.runOutline(tree.rootNode).filter((capture) => capture.name === name).map((capture) => capture.node);
    const enclosing = createEnclosing(tree.rootNode, byName(Capture.scope), byName(Capture.loopBody));
    for (const node of allNodes(tree.rootNode)) {
      const where = `${JSON.stringify(snippet)} ${node.type} @${node.startIndex}-${node.endIndex}`;
      assert.equal(enclosing.scopeOf(node)?.id, referenceScope(node)?.id, `scopeOf ${where}`);
      assert.equal(enclosing.inLoop(node), referenceInLoop(node), `inLoop ${where}`);
    }
    tree.delete();
  }
});
