/**
 * PG404's fix: the plain client becomes the SDK's own default client with the same arguments,
 * written the way the file imports the SDK; it changes the pool, so it is not safe; none where the
 * SDK has no such client yet; the message gives the passed client's pool only where it is known.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { applyEdits } from '../../../server/src/core/fixes/fixAll';
import { analyzeText } from '../../helpers/engine';

async function pg404(source: string, options: AnalysisOptions = {}) {
  const findings = (await analyzeText(source, options)).findings.filter((finding) => finding.code === 'PG404');
  assert.equal(findings.length, 1, `one PG404 in ${source}`);
  return findings[0];
}

test('PG404 fix: DefaultHttpxClient with the same arguments, through the module alias or added to the from-import', async () => {
  const options = { versions: { openai: '2.54.0' } };
  const alias = await pg404('import httpx\nimport openai as oa\nc = oa.OpenAI(http_client=httpx.Client(timeout=30, proxy="http://p"))\n', options);
  assert.equal(alias.fixes[0].safe, false);
  assert.match(alias.fixes[0].title, /changes behaviour/);
  assert.equal(applyEdits('import httpx\nimport openai as oa\nc = oa.OpenAI(http_client=httpx.Client(timeout=30, proxy="http://p"))\n', alias.fixes[0].edits), 'import httpx\nimport openai as oa\nc = oa.OpenAI(http_client=oa.DefaultHttpxClient(timeout=30, proxy="http://p"))\n');
  const source = 'import httpx\nfrom anthropic import AsyncAnthropic\nc = AsyncAnthropic(http_client=httpx.AsyncClient())\n';
  const from = await pg404(source);
  assert.equal(applyEdits(source, from.fixes[0].edits), 'import httpx\nfrom anthropic import AsyncAnthropic, DefaultAsyncHttpxClient\nc = AsyncAnthropic(http_client=DefaultAsyncHttpxClient())\n');
});

test('PG404 has no fix before the SDK had DefaultHttpxClient, and no finding when the client sets limits= or comes from **kwargs', async () => {
  const old = await pg404('import httpx, openai\nc = openai.OpenAI(http_client=httpx.Client())\n', { versions: { openai: '1.15.0' } });
  assert.deepEqual(old.fixes, []);
  for (const source of ['import httpx, openai\nc = openai.OpenAI(http_client=httpx.Client(limits=httpx.Limits(max_connections=5)))\n', 'import httpx, openai\nc = openai.OpenAI(http_client=httpx.Client(**kw))\n']) {
    const findings = (await analyzeText(source, { versions: { openai: '2.54.0' } })).findings.filter((finding) => finding.code === 'PG404');
    assert.deepEqual(findings, [], source);
  }
});

test('PG404 message: the passed client pool with its numbers, or without numbers when a transport sets it', async () => {
  const plain = await pg404('import httpx\nfrom anthropic import Anthropic\nc = Anthropic(http_client=httpx.Client())\n');
  assert.match(plain.message, /runs with httpx\.Client's own defaults: a pool of 100\/20 instead of the SDK's 1000\/100, and redirects not followed\./);
  const transport = await pg404('import httpx\nfrom anthropic import AsyncAnthropic\nc = AsyncAnthropic(http_client=httpx.AsyncClient(transport=t))\n');
  assert.match(transport.message, /runs with httpx\.AsyncClient's own pool instead of the SDK's 1000\/100/);
  assert.doesNotMatch(transport.message, /pool of \//);
});
