/**
 * Hovers and diagnostics follow the version in use: defaults of that release, PG201 by its
 * lifecycle (deprecated → warning, removed → error, not there yet → nothing), and the source of
 * the version in the card.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../../server/src/core/hover/hover';
import { analyzeText, offsetOf, testEngine } from '../../helpers/engine';

const OLD_CONFIG = 'import httpx\nc = httpx.Client(pool_limits=httpx.PoolLimits(max_keepalive=5, max_connections=10))\n';

async function pg201(source: string, version: string) {
  const analysis = await analyzeText(source, { versions: { httpx: version } });
  return analysis.findings.filter((finding) => finding.code === 'PG201').map((finding) => `${source.slice(finding.span.start, finding.span.end)}:${finding.severity}`);
}

test('PG201 follows the lifecycle of each name at the version in use', async () => {
  assert.deepEqual(await pg201(OLD_CONFIG, '0.13.3'), []);
  assert.deepEqual(await pg201(OLD_CONFIG, '0.14.2'), ['pool_limits:warning', 'httpx.PoolLimits:warning', 'max_keepalive:warning']);
  assert.deepEqual(await pg201(OLD_CONFIG, '0.16.1'), ['pool_limits:warning', 'httpx.PoolLimits:error', 'max_keepalive:error']);
  assert.deepEqual(await pg201(OLD_CONFIG, '0.18.0'), ['pool_limits:error', 'httpx.PoolLimits:error', 'max_keepalive:error']);
  assert.deepEqual(await pg201('import httpx\nc = httpx.Client(limits=httpx.Limits(max_connections=1))\n', '0.13.3'), []);
});

test('the client defaults are those of the release: 10 kept alive before 0.14, 20 after', async () => {
  const engine = await testEngine();
  const source = 'import httpx\nc = httpx.Client()\n';
  const card = async (version: string) =>
    hoverAt(await analyzeText(source, { versions: { httpx: version }, versionSources: { httpx: 'requirements.txt' } }), offsetOf(source, 'Client'), engine.catalog)!.markdown;
  const old = await card('0.13.3');
  assert.match(old, /^\*\*httpx\.Client\*\* · pool and timeouts · httpx 0\.13\.3 \(requirements\.txt\)/);
  assert.match(old, /\| `max_keepalive_connections` \| 10 \|/);
  assert.match(await card('0.13.2'), /\| `keepalive_expiry` \| None: never expires \|/);
  assert.match(await card('0.14.0'), /\| `max_keepalive_connections` \| 20 \|/);
});

test('before 0.15 a Timeout without a default leaves the other phases at None instead of raising', async () => {
  const engine = await testEngine();
  const source = 'import httpx\nt = httpx.Timeout(connect=5.0)\n';
  const at = async (version: string) => analyzeText(source, { versions: { httpx: version } });
  assert.deepEqual((await at('0.14.3')).findings.map((finding) => finding.code), []);
  assert.deepEqual((await at('0.15.0')).findings.map((finding) => finding.code), ['PG303']);
  const card = hoverAt(await at('0.14.3'), offsetOf(source, 'Timeout'), engine.catalog)!.markdown;
  assert.match(card, /\| `read` \| None: no limit \| `Timeout\(\)` default \|/);
});

test('an option that the release does not have yet says so', async () => {
  const engine = await testEngine();
  const source = 'import httpx\nc = httpx.Client(limits=httpx.Limits(max_connections=1))\n';
  const card = hoverAt(await analyzeText(source, { versions: { httpx: '0.13.3' } }), offsetOf(source, 'limits='), engine.catalog)!.markdown;
  assert.match(card, /\*\*Not available\*\* before httpx 0\.14\.0\./);
});
