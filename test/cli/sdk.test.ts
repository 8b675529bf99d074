/**
 * The SDK clients through the CLI: `show` prints the same cards as the hover (boto3's retries row
 * and `defaults_mode` preset, the SDK clients' own defaults, PG404 on a plain `http_client=`), and
 * `check` reports the SDK findings of the annotated fixture alike in its JSON and SARIF outputs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as Sarif from 'sarif';
import { runCli } from '../helpers/cli';

type ShownRow = { readonly option: string; readonly value: string; readonly origin: string };
type Shown = { readonly line: number; readonly callee: string; readonly rows: readonly ShownRow[]; readonly notes: readonly string[]; readonly findings: readonly { readonly code: string }[] };

function shown(file: string): Shown[] {
  const run = runCli(['show', '--format', 'json', file]);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout) as Shown[];
}

const value = (entry: Shown, option: string) => entry.rows.find((row) => row.option === option)?.value;

test('show: every boto3 client and resource has its timeouts, pool and retries; a preset sets the connect timeout and the mode', () => {
  const entries = shown('examples/app/aws.py').filter((entry) => entry.callee.startsWith('boto3.'));
  assert.ok(entries.length >= 4);
  for (const entry of entries) {
    for (const option of ['connect_timeout', 'read_timeout', 'max_pool_connections', 'retries']) assert.doesNotMatch(value(entry, option) ?? 'missing', /unknown|missing/, `${entry.callee} line ${entry.line}: ${option}`);
  }
  const byLine = (line: number) => entries.find((entry) => entry.line === line)!;
  assert.equal(value(byLine(12), 'retries'), 'standard, 4 attempts in all');
  assert.equal(value(byLine(14), 'retries'), 'legacy, 10 attempts in all', 'a dynamodb resource without a Config');
  assert.match(byLine(14).notes.join('\n'), /AWS_RETRY_MODE.*AWS_DEFAULTS_MODE.*AWS_MAX_ATTEMPTS/s);
  assert.equal(value(byLine(17), 'connect_timeout'), '3.1 s');
  assert.equal(value(byLine(17), 'retries'), 'standard, 3 attempts in all');
});

test('show: the SDK clients run with their own defaults, and a plain http_client= is PG404', () => {
  const entries = shown('examples/app/llm_clients.py');
  const chat = entries.find((entry) => entry.line === 7 && entry.callee === 'openai.OpenAI')!;
  assert.deepEqual(['connect', 'read', 'max_retries', 'limits.max_connections', 'follow_redirects'].map((option) => value(chat, option)), ['5.0 s', '600.0 s', '2', '1000', 'True']);
  const proxied = entries.find((entry) => entry.line === 10 && entry.callee === 'openai.OpenAI')!;
  assert.deepEqual(proxied.findings.map((finding) => finding.code), ['PG404']);
  assert.equal(value(proxied, 'limits.max_connections'), '100');
});

test('check: the SDK findings of the annotated fixture are the same in JSON and in SARIF', () => {
  const file = 'test/fixtures/diagnostics/sdk.py';
  const json = JSON.parse(runCli(['check', '--format', 'json', file]).stdout) as { code: string; line: number; column: number }[];
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', file]).stdout) as Sarif.Log;
  const results = sarif.runs[0].results ?? [];
  const fromSarif = results.map((result) => `${result.ruleId} ${result.locations?.[0].physicalLocation?.region?.startLine}:${result.locations?.[0].physicalLocation?.region?.startColumn}`);
  assert.deepEqual(fromSarif.sort(), json.map((finding) => `${finding.code} ${finding.line}:${finding.column}`).sort());
  for (const code of ['PG102', 'PG302', 'PG303', 'PG404', 'PG501']) assert.ok(fromSarif.some((entry) => entry.startsWith(code)), code);
  assert.equal(fromSarif.filter((entry) => entry.startsWith('PG404')).length, 4);
});
