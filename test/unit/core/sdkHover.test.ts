/**
 * SDK hover cards (openai, anthropic, boto3/botocore): the SDK's own timeout, retries, pool and
 * redirects; what `http_client=` contributes (its pool, its redirects, its timeout only when that
 * is not httpx's default); `with_options(...)` and a resource method's per-request `timeout=`; a
 * boto3 client's Config (explicit, merged, default), its retries row (the same as the Config's)
 * with what outside the code may change, and `defaults_mode` presets.
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

test('openai 3.x over httpx2 still accepts a plain httpx client: the card says it is plain and shows httpx\'s pool', async () => {
  for (const module of ['httpx', 'httpx2']) {
    const card = await hoverText(`import httpx, httpx2, openai\nc = openai.OpenAI(http_client=${module}.Client())\n`, 'OpenAI(', 1, 0, openaiAt('3.0.0'));
    assert.match(row(card, 'limits.max_connections'), /\| 100 \|/, module);
    assert.ok(card!.includes(`is a plain \`${module}.Client\``), module);
  }
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
  assert.match(row(config, 'retries'), /\| legacy, 5 attempts in all \| mode: the default; attempts: the 'legacy' mode's default \(dynamodb: 10\) — unless set outside the code/);
});

test('every boto3 client shape shows the retries row of its Config, as the Config card does, and what outside the code may change', async () => {
  const source = [
    'import boto3',
    'from botocore.config import Config',
    'a = boto3.client("s3", config=Config(retries={"mode": "standard", "max_attempts": 5}))',
    'session = boto3.Session(region_name="us-east-1")',
    'cfg = Config(retries={"total_max_attempts": 4})',
    'b = session.client("dynamodb", config=cfg)',
    'c = session.resource("s3", config=cfg.merge(Config(retries={"mode": "adaptive"})))',
    'd = boto3.client("dynamodb")',
    'e = boto3.resource("s3", config=Config(connect_timeout=5))',
    '',
  ].join('\n');
  const card = (needle: string, occurrence = 0) => hoverText(source, needle, 1, occurrence);
  const explicit = row(await card('client('), 'retries');
  assert.match(explicit, /\| standard, 6 attempts in all \| explicit: `mode`, `max_attempts` \(5 retries\) \+ the first attempt \|/);
  assert.equal(explicit, row(await card('Config(retries'), 'retries'), 'the client card and the Config card show the same row');
  const named = await card('client(', 1);
  assert.match(row(named, 'retries'), /\| legacy, 4 attempts in all \| mode: the default; attempts: explicit \(`total_max_attempts`\), via `cfg` — unless set outside the code/);
  assert.match(named!, /the mode \(`AWS_RETRY_MODE` or `retry_mode` in `~\/\.aws\/config`; `AWS_DEFAULTS_MODE`/);
  assert.doesNotMatch(named!, /AWS_MAX_ATTEMPTS/, 'the attempts are set in the code');
  assert.match(row(await card('resource('), 'retries'), /\| adaptive, 3 attempts in all \| mode: explicit \(`mode`\); attempts: the 'adaptive' mode's default/);
  const none = await card('client(', 2);
  assert.match(row(none, 'retries'), /\| legacy, 10 attempts in all \| mode: the default; attempts: the 'legacy' mode's default for dynamodb/);
  assert.match(none!, /`AWS_MAX_ATTEMPTS` or `max_attempts` in `~\/\.aws\/config`/);
  assert.match(none!, /with no config object given, sets `connect_timeout` \('standard' 3\.1 s, 'in-region' 1\.1 s/);
  assert.match(row(await card('resource(', 1), 'retries'), /\| legacy, 5 attempts in all \|/);
  assert.match((await hoverText(source, 'retries=', 1)) ?? '', /Here: \*\*standard, 6 attempts in all\*\* \(explicit: `mode`, `max_attempts` \(5 retries\) \+ the first attempt\)/);
});

test("defaults_mode: a literal preset sets the connect timeout and the retry mode, 'auto' names its candidates, legacy and unset keep 60 s", async () => {
  const source = [
    'from botocore.config import Config',
    'standard = Config(defaults_mode="standard")',
    'near = Config(defaults_mode="in-region")',
    'far = Config(defaults_mode="cross-region", retries={"mode": "legacy"})',
    'phone = Config(defaults_mode="mobile", connect_timeout=7)',
    'auto = Config(defaults_mode="auto")',
    'legacy = Config(defaults_mode="legacy")',
    'unset = Config()',
    'wrong = Config(defaults_mode="fast")',
    '',
  ].join('\n');
  const card = (name: string) => hoverText(source, `${name} = Config(`, name.length + 4);
  assert.match(row(await card('standard'), 'connect_timeout'), /\| 3\.1 s \| `defaults_mode='standard'` preset \|/);
  assert.match(row(await card('standard'), 'retries'), /\| standard, 3 attempts in all \| mode: `defaults_mode='standard'`; attempts: the 'standard' mode's default/);
  assert.match(row(await card('near'), 'connect_timeout'), /\| 1\.1 s \| `defaults_mode='in-region'` preset \|/);
  assert.match(row(await card('far'), 'connect_timeout'), /\| 3\.1 s \|/);
  assert.match(row(await card('far'), 'retries'), /\| legacy, 5 attempts in all \| mode: explicit/);
  assert.match(row(await card('phone'), 'connect_timeout'), /\| 7\.0 s \| explicit \|/);
  const auto = await card('auto');
  assert.match(row(auto, 'connect_timeout'), /unknown: `defaults_mode='auto'` picks at run time among 'in-region' 1\.1 s, 'cross-region' 3\.1 s, 'standard' 3\.1 s/);
  assert.match(row(auto, 'retries'), /\| standard, 3 attempts in all \|/);
  for (const name of ['legacy', 'unset']) {
    assert.match(row(await card(name), 'connect_timeout'), /\| 60\.0 s \| `Config\(\)` default \|/, name);
    assert.match(row(await card(name), 'retries'), /\| legacy, 5 attempts in all \|/, name);
  }
  assert.match(await card('unset') ?? '', /`AWS_DEFAULTS_MODE` or `defaults_mode` in `~\/\.aws\/config` naming a preset other than 'legacy' makes it 'standard'\)/);
  assert.doesNotMatch(await card('legacy') ?? '', /AWS_DEFAULTS_MODE/, 'a preset given in the code is not replaced from outside');
  assert.match(row(await card('wrong'), 'connect_timeout'), /error: `defaults_mode='fast'` is not one of the modes/);
  const option = await hoverText(source, 'defaults_mode="mobile"', 1);
  assert.match(option ?? '', /Here: \*\*"mobile"\*\*: connect_timeout \*\*7\.0 s\*\* \(explicit\); retries \*\*standard, 3 attempts in all\*\*\./);
  assert.match((await hoverText(source, 'defaults_mode="in-region"', 1)) ?? '', /connect_timeout \*\*1\.1 s\*\* \(`defaults_mode='in-region'` preset\)/);
});
