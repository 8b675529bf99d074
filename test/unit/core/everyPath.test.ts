/**
 * Rules on "one of" values: where every path triggers a rule, the finding says it holds on every
 * path and names each path's value once; a value with one path keeps its message; beyond the bound
 * on paths a rule stays quiet. The spans and the quiet cases are in fixtures/diagnostics/values.py.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../helpers/engine';

const VALUES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'diagnostics', 'values.py');

test('a rule every path triggers says so, with each path’s value side by side; a single value keeps its message', async () => {
  const text = fs.readFileSync(VALUES, 'utf8');
  const messages = (await analyzeText(text)).findings.map((finding) => `${finding.code} ${finding.message}`);
  const find = (needle: string) => messages.find((message) => message.includes(needle));
  assert.match(find('is above `max_connections=5`') ?? '', /^PG402 On every path: `max_keepalive_connections=10` is above `max_connections=5` or `max_connections=8`: the pool never holds/);
  assert.match(find('`timeout=30`') ?? '', /^PG303 On every path: `timeout=30` or `timeout=60` is not accepted by aiohttp /);
  assert.match(find('20 tasks') ?? '', /^PG601 On every path: .* whose pool allows `max_connections` = 5 or 8 connections per client/);
  assert.match(find('httpx.Limits(...) leaves') ?? '', /^PG304 On every path: httpx\.Limits\(\.\.\.\) leaves max_keepalive_connections at None \(.*\), not the client default 20\./);
  assert.match(find('`max_keepalive_connections=50`') ?? '', /^PG402 `max_keepalive_connections=50` is above `max_connections=10`:/);
});

test('more combinations of alternatives than the bound (16): the rule stays quiet rather than guess', async () => {
  const branching = (name: string, first: number, count: number) => [`${name} = ${first}`, ...Array.from({ length: count - 1 }, (_, index) => `if flag_${name}_${index}:\n    ${name} = ${first + index + 1}`)];
  const module = (caps: number) => ['import httpx', ...branching('cap', 1, caps), ...branching('keep', 100, 4), 'limits = httpx.Limits(max_connections=cap, max_keepalive_connections=keep)', ''].join('\n');
  const within = await analyzeText(module(4));
  assert.deepEqual(within.findings.map((finding) => finding.code), ['PG402'], '4 × 4 combinations, each above the cap');
  const beyond = await analyzeText(module(5));
  assert.deepEqual(beyond.findings.map((finding) => finding.code), [], '5 × 4 combinations');
});
