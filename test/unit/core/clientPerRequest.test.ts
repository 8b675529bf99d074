/**
 * PG501 messages say why a call repeats: the loop and its line, the loop that calls the function,
 * the route or task decorator, the coroutine, or the other such calls of the same function.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../helpers/engine';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'diagnostics', 'repetition.py'), 'utf8');

async function messageAt(text: string, needle: string): Promise<string> {
  const offset = text.indexOf(needle);
  assert.notEqual(offset, -1, needle);
  const found = (await analyzeText(text)).findings.find((finding) => finding.code === 'PG501' && finding.span.start === offset);
  assert.ok(found, `no PG501 at ${needle}`);
  return found.message;
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

test('a request function in a loop or comprehension names the loop line', async () => {
  assert.match(await messageAt(FIXTURE, 'requests.get(url, timeout=5)'), new RegExp(`runs once per iteration of the loop at line ${lineOf(FIXTURE, 'for url in urls:\n        requests')}: no connection is reused`));
  assert.match(await messageAt(FIXTURE, 'httpx.get(url) for'), new RegExp(`loop at line ${lineOf(FIXTURE, 'httpx.get(url) for')}`));
});

test('a client in a function that a loop calls names the function and the loop', async () => {
  const message = await messageAt(FIXTURE, 'httpx.Client(timeout=10)');
  assert.match(message, new RegExp(`runs on every call of \`fetch_one\`, which the loop at line ${lineOf(FIXTURE, 'for url in urls:\n        fetch_one')} calls once per iteration`));
});

test('route and task handlers, coroutines and repeated calls say why they repeat', async () => {
  assert.match(await messageAt(FIXTURE, 'requests.get("https://upstream'), /runs on every request to this route \(`@app\.route`\)/);
  assert.match(await messageAt(FIXTURE, 'requests.Session()\n#'), /runs on every request to this route \(`@router\.post`\)/);
  assert.match(await messageAt(FIXTURE, 'httpx.get("https://example.org/refresh")'), /runs every time this task runs \(`@shared_task`\)/);
  assert.match(await messageAt(FIXTURE, 'aiohttp.ClientSession() as session'), /every call of the coroutine `handle`/);
  const head = lineOf(FIXTURE, 'requests.head(url');
  assert.match(await messageAt(FIXTURE, 'requests.head(url'), new RegExp(`one of 2 such calls in \`check_twice\` \\(lines ${head}, ${head + 2}\\)`));
});

test('a one-off request is a hint that says so; a one-off or kept client is not reported', async () => {
  const analysis = await analyzeText(FIXTURE);
  const oneOff = analysis.findings.find((finding) => finding.span.start === FIXTURE.indexOf('requests.get("https://example.org/version"'));
  assert.equal(oneOff?.severity, 'hint');
  assert.match(oneOff.message, /if this code runs repeatedly/);
  for (const kept of ['requests.Session()\n\n', 'httpx.Client(timeout=5)\n\n    async', 'aiohttp.ClientSession()\n\n', 'httpx.Client(base_url', 'httpx.Client(timeout=5)\n\nif', 'httpx.AsyncClient()']) {
    const offset = FIXTURE.indexOf(kept);
    assert.notEqual(offset, -1, kept);
    assert.equal(analysis.findings.filter((finding) => finding.code === 'PG501' && finding.span.start === offset).length, 0, kept);
  }
});

test('a coroutine that the module calls without a runner still counts as a handler', async () => {
  const source = 'import httpx\n\nasync def fetch():\n    async with httpx.AsyncClient() as c:\n        return await c.get("u")\n\nasync def main():\n    await fetch()\n';
  assert.match(await messageAt(source, 'httpx.AsyncClient()'), /every call of the coroutine `fetch`/);
});
