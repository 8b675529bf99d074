/**
 * Attribute writes: only an attribute some catalogued callable lists as never read (`timeout` on a
 * requests Session) has its object evaluated; the writes found are those PG305 reads.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultCatalog } from '../../../server/src/catalog';
import { collectAttributeWrites } from '../../../server/src/core/analysis/attributeWrites';
import { createOutline } from '../../../server/src/core/analysis/outline';
import type { NameResolver } from '../../../server/src/core/analysis/names';
import { Capture } from '../../../server/src/core/syntax/queries';
import { analyzeText, testEngine } from '../../helpers/engine';

const SOURCE = ['import requests', 'session = requests.Session()', 'other = requests.Session()', 'other.headers = {}', 'session.timeout = 5', ''].join('\n');

test("an attribute assignment's object is evaluated only for an attribute a catalogued callable ignores", async () => {
  const engine = await testEngine();
  const tree = engine.parser.parse(SOURCE)!;
  const asked: string[] = [];
  const unbound = { kind: 'unbound', reason: 'not followed in this test' } as const;
  const resolveName: NameResolver = {
    name: (identifier) => (asked.push(identifier.text), unbound),
    selfAttribute: () => undefined,
    classAttribute: () => unbound,
    argumentsFor: () => [],
    dictWrites: () => [],
  };
  const assignments = createOutline(tree.rootNode, engine.runOutline).all()(Capture.attributeAssignment);
  collectAttributeWrites(assignments, defaultCatalog, { text: SOURCE, resolveName, bindCall: () => undefined });
  tree.delete();
  assert.equal(assignments.length, 2);
  assert.ok(defaultCatalog.hasIgnoredAttribute('timeout') && !defaultCatalog.hasIgnoredAttribute('headers'));
  assert.deepEqual(asked, ['session']);
});

test('PG305 still reports the ignored attribute and nothing else', async () => {
  const findings = (await analyzeText(SOURCE)).findings.filter((finding) => finding.code === 'PG305');
  assert.deepEqual(
    findings.map((finding) => SOURCE.slice(finding.span.start, finding.span.end)),
    ['session.timeout'],
  );
});
