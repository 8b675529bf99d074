/**
 * The effective configuration of a call is computed once per analysis and shared: the card on a
 * call and the rule that checks it read the very same object, and asking again computes nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Catalog } from '../../../server/src/catalog';
import type { LazyAnalysis } from '../../../server/src/core/analysis/analyze';
import { inconsistentLimits } from '../../../server/src/core/checks/inconsistentLimits';
import type { CheckContext } from '../../../server/src/core/checks/context';
import { createEffectiveConfigs, type EffectiveConfigs } from '../../../server/src/core/config/configQueries';
import { ParsedDocument } from '../../../server/src/core/document';
import { calleeCardData } from '../../../server/src/core/hover/calleeCard';
import type { BoundCall } from '../../../server/src/core/types';
import { offsetOf, testEngine } from '../../helpers/engine';

const TEXT = [
  'import httpx',
  'limits = httpx.Limits(max_connections=5, max_keepalive_connections=10)',
  'client = httpx.Client(limits=limits, timeout=httpx.Timeout(5.0))',
  '',
].join('\n');

/** The same configs, recording every object handed out for a call. */
function recording(shared: EffectiveConfigs, handed: Map<BoundCall, unknown[]>): EffectiveConfigs {
  const note = <T>(call: BoundCall, value: T): T => {
    handed.set(call, [...(handed.get(call) ?? []), value]);
    return value;
  };
  return {
    catalog: shared.catalog,
    ofCall: (call) => note(call, shared.ofCall(call)),
    ofParam: (call, param) => note(call, shared.ofParam(call, param)),
    ofObjectCall: (call) => note(call, shared.ofObjectCall(call)),
    clientDefault: (call, config, field) => shared.clientDefault(call, config, field),
  };
}

test('the card on a call and the rule that checks it get the same effective configuration object', async () => {
  const engine = await testEngine();
  const document = new ParsedDocument(engine, TEXT);
  try {
    const lazy = document.lazyAnalysis();
    const [limits] = lazy.callsAround(offsetOf(TEXT, 'Limits'));
    assert.equal(limits.callable.name, 'Limits');
    const byCard = new Map<BoundCall, unknown[]>();
    const cardAnalysis: LazyAnalysis = { text: lazy.text, options: lazy.options, configs: recording(lazy.configs, byCard), callsAround: (offset) => lazy.callsAround(offset), complete: () => lazy.complete() };
    const card = calleeCardData(limits, cardAnalysis, engine.catalog);
    assert.ok(card.rows.some((row) => row.option === '`max_connections`'));

    const analysis = lazy.complete();
    assert.equal(analysis.configs, lazy.configs, 'the lazy and the complete analysis share one store');
    const byRule = new Map<BoundCall, unknown[]>();
    const context: CheckContext = { text: TEXT, catalog: engine.catalog, configs: recording(analysis.configs, byRule), imports: analysis.imports, calls: analysis.calls, attributeWrites: [], placeOf: () => ({}), concurrentUses: [] };
    assert.deepEqual(inconsistentLimits(context).map((finding) => finding.code), ['PG402']);
    assert.ok(analysis.findings.some((finding) => finding.code === 'PG402'));

    const [cardObject] = byCard.get(limits) ?? [];
    const [ruleObject] = byRule.get(limits) ?? [];
    assert.ok(cardObject !== undefined, 'the card asked for the call');
    assert.equal(ruleObject, cardObject, 'the rule got the very object the card got');
    assert.equal(analysis.configs.ofObjectCall(limits), cardObject);
  } finally {
    document.dispose();
  }
});

test('asking again for a call computes nothing: nested configs (a client’s limits) come from the same store', async () => {
  const engine = await testEngine();
  const document = new ParsedDocument(engine, TEXT);
  try {
    const analysis = document.analysis();
    let lookups = 0;
    const counting: Catalog = Object.create(engine.catalog, {
      config: {
        value: (...args: Parameters<Catalog['config']>) => {
          lookups++;
          return engine.catalog.config(...args);
        },
      },
    });
    const configs = createEffectiveConfigs(counting);
    const client = analysis.calls.find((call) => call.callable.name === 'Client')!;
    const first = configs.ofCall(client);
    const afterFirst = lookups;
    assert.ok(afterFirst > 0);
    assert.equal(configs.ofCall(client), first);
    const limitsParam = client.callable.params.find((param) => param.name === 'limits')!;
    assert.ok(first.includes(configs.ofParam(client, limitsParam)!), 'ofCall is made of the ofParam entries');
    const limits = analysis.calls.find((call) => call.callable.name === 'Limits')!;
    configs.ofObjectCall(limits); // Already computed while the client's `limits=limits` was read.
    assert.equal(lookups, afterFirst, 'no config was computed twice');
  } finally {
    document.dispose();
  }
});
