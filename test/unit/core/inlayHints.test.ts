/**
 * Inlay hints: tuple items named by the config's tuple order, positional arguments of ambiguous
 * callables named by the order of the version in use; nothing for variables or keyword arguments.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlayHints } from '../../../server/src/core/inlayHints';
import { analyzeText, offsetOf, testEngine } from '../../helpers/engine';

async function labelled(source: string, options = {}): Promise<string> {
  const analysis = await analyzeText(source, options);
  let text = source;
  for (const hint of inlayHints(analysis, (await testEngine()).catalog).reverse()) text = `${text.slice(0, hint.offset)}${hint.label} ${text.slice(hint.offset)}`;
  return text;
}

test('timeout tuples: each item named, also in a nested Timeout(tuple) and for 4-tuples', async () => {
  assert.equal(await labelled('import httpx\nc = httpx.Client(timeout=(3.05, 27))\n'), 'import httpx\nc = httpx.Client(timeout=(connect: 3.05, read: 27))\n');
  assert.equal(
    await labelled('import httpx\nt = httpx.Timeout((1, 2, 3, 4))\n'),
    'import httpx\nt = httpx.Timeout((connect: 1, read: 2, write: 3, pool: 4))\n',
  );
  assert.equal(
    await labelled('import httpx as hx\nc = hx.AsyncClient(timeout=(1, 2, 3))\n'),
    'import httpx as hx\nc = hx.AsyncClient(timeout=(connect: 1, read: 2, write: 3))\n',
  );
});

test('positional arguments of an ambiguous callable, by the version in use', async () => {
  const source = 'import httpx\nt = httpx.HTTPTransport(True, None, False)\n';
  assert.equal(await labelled(source), 'import httpx\nt = httpx.HTTPTransport(verify: True, cert: None, trust_env: False)\n');
  const older = await labelled(source, { versions: { httpx: '0.27.2' } });
  assert.notEqual(older, await labelled(source), 'the names follow the version (the order changed in 0.28)');
});

test('no hints for tuples through variables, keyword arguments, or unambiguous callables', async () => {
  for (const source of [
    'import httpx\nT = (1, 2)\nc = httpx.Client(timeout=T)\n',
    'import httpx\nt = httpx.HTTPTransport(verify=True)\n',
    'import httpx\nl = httpx.Limits(10, 5)\n',
    'x = (1, 2)\n',
  ]) {
    const analysis = await analyzeText(source);
    assert.deepEqual(inlayHints(analysis, (await testEngine()).catalog), [], source);
  }
});

test('only hints inside the requested range', async () => {
  const source = 'import httpx\na = httpx.Client(timeout=(1, 2))\nb = httpx.Client(timeout=(3, 4))\n';
  const analysis = await analyzeText(source);
  const range = { start: offsetOf(source, 'b ='), end: source.length };
  assert.deepEqual(inlayHints(analysis, (await testEngine()).catalog, range), [
    { offset: offsetOf(source, '3,'), label: 'connect:' },
    { offset: offsetOf(source, '4)'), label: 'read:' },
  ]);
});
