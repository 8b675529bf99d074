/**
 * SDK hover cards (openai, anthropic, boto3/botocore): the SDK's own timeout, retries, pool and
 * redirects; what `http_client=` contributes (its pool, its redirects, its timeout only when that
 * is not httpx's default); `with_options(...)` and a resource method's per-request `timeout=`; a
 * boto3 client's Config (explicit, merged, default) and the note that retries may be set outside
 * the code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalysisOptions } from '../../../server/src/core/analysis/analyze';
import { hoverText, row } from '../../helpers/hover';

const openaiAt = (version: string): AnalysisOptions => ({ versions: { openai: version } });

test("OpenAI() runs with the SDK's 600 s timeout (connect 5 s), 2 retries, a 1000/100 pool and redirects followed", async () => {
  const card = await hoverText('from openai import OpenAI\nc = OpenAI()\n', 'OpenAI(');
  assert.match(card!, /^\*\*openai\.OpenAI\*\* · pool and timeouts · openai 3\.3\.1/);
  assert.match(row(card, 'connect'), /\| 5\.0 s \| `OpenAI` default \(no `timeout=`\)/);
  assert.match(row(card, 'read'), /\| 600\.0 s \|/);
  assert.match(row(card, 'max_retries'), /\| 2 \|/);
  assert.match(row(card, 'limits.max_connections'), /\| 1000 \| the SDK's own client/);
  assert.match(row(card, 'limits.max_keepalive_connections'), /\| 100 \|/);
  assert.match(row(card, 'follow_redirects'), /\| True \|/);
});

test('before openai 1.15 the SDK built a 100/20 pool, and before 1.10 it did not follow redirects', async () => {
  const card = await hoverText('import openai\nc = openai.OpenAI()\n', 'OpenAI(', 1, 0, openaiAt('1.9.0'));
  assert.match(row(card, 'limits.max_connections'), /\| 100 \|/);
  assert.match(row(card, 'follow_redirects'), /\| False \|/);
});

test("a plain httpx client passed as http_client= brings httpx's pool and redirects, and its timeout only when it is not httpx's default", async () => {
  const options = openaiAt('2.54.0');
  const custom = await hoverText('import httpx, openai\nc = openai.OpenAI(http_client=httpx.Client(timeout=30))\n', 'OpenAI(', 1, 0, options);
  assert.match(row(custom, 'read'), /\| 30\.0 s \| from `http_client=`/);
  assert.match(row(custom, 'limits.max_connections'), /\| 100 \| `http_client=` httpx\.Client/);
  assert.match(row(custom, 'follow_redirects'), /\| False \|/);
  assert.match(custom!, /is a plain `httpx\.Client`.*`openai\.DefaultHttpxClient\(\.\.\.\)`/);
  const defaultTimeout = await hoverText('import httpx, openai\nc = openai.OpenAI(http_client=httpx.Client(timeout=5.0))\n', 'OpenAI(', 1, 0, options);
  assert.match(row(defaultTimeout, 'read'), /\| 600\.0 s \| `OpenAI` default/);
  const unknown = await hoverText('import openai\nc = openai.OpenAI(http_client=make())\n', 'OpenAI(', 1, 0, options);
  assert.match(row(unknown, 'read'), /unknown: the SDK uses the timeout of `http_client=`/);
});

test("the SDK's DefaultHttpxClient keeps the SDK's pool and redirects", async () => {
  const card = await hoverText('import openai\nc = openai.OpenAI(http_client=openai.DefaultHttpxClient(proxy="http://p"))\n', 'OpenAI(');
  assert.match(row(card, 'limits.max_connections'), /\| 1000 \|/);
  assert.match(row(card, 'follow_redirects'), /\| True \|/);
  assert.match(row(card, 'read'), /\| 600\.0 s \|/);
  assert.doesNotMatch(card!, /is a plain/);
});

test('with_options and a per-request timeout= say what the call runs with; without one a request inherits the client', async () => {
  const source = 'from anthropic import Anthropic\nc = Anthropic(timeout=20)\nm = c.with_options(max_retries=0).messages.create(model="m", max_tokens=5, messages=[])\nn = c.messages.create(model="m", max_tokens=5, messages=[], timeout=90)\n';
  const options = await hoverText(source, 'with_options');
  assert.match(row(options, 'max_retries'), /\| 0 \| explicit/);
  assert.match(row(options, 'read'), /\| 20\.0 s \| from the `Anthropic`/);
  const inherited = await hoverText(source, 'create');
  assert.match(inherited!, /^\*\*anthropic\.Anthropic\.messages\.create\*\*/);
  assert.match(row(inherited, 'read'), /\| 20\.0 s \| from the `with_options`: from the `Anthropic`/);
  assert.match(row(await hoverText(source, 'create', 1, 1), 'read'), /\| 90\.0 s \| explicit/);
});

test("boto3 clients show the Config's timeouts and pool, botocore's defaults without one, and that retries may come from outside the code", async () => {
  const source =
    'import boto3\nfrom botocore.config import Config\nbase = Config(read_timeout=30)\na = boto3.client("s3")\nb = boto3.Session().client("s3", config=base.merge(Config(connect_timeout=2)))\n';
  const plain = await hoverText(source, 'client');
  assert.match(row(plain, 'connect_timeout'), /\| 60\.0 s \|/);
  assert.match(row(plain, 'max_pool_connections'), /\| 10 \|/);
  assert.match(plain!, /AWS_RETRY_MODE.*~\/\.aws\/config/);
  const merged = await hoverText(source, 'client', 1, 1);
  assert.match(row(merged, 'connect_timeout'), /\| 2\.0 s \| explicit/);
  assert.match(row(merged, 'read_timeout'), /\| 30\.0 s \| not set by the merged Config, so the receiver's/);
  const config = await hoverText(source, 'Config(read');
  assert.match(row(config, 'retries'), /None: the mode and attempts from the environment or the AWS config file/);
});
