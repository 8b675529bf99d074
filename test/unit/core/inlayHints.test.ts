/**
 * Inlay hints: tuple items named by the config's tuple order, positional arguments of ambiguous
 * callables named by the order of the version in use (exactly the names of each release, from the
 * library facts and the installed httpx); nothing for variables or keyword arguments.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { inlayHints } from '../../../server/src/core/inlayHints';
import { analyzeText, offsetOf, testEngine } from '../../helpers/engine';
import { factEntries, readHttpxFacts, versionsToCheck } from '../../helpers/libraryFacts';
import { installedHttpxVersion, SYSTEM_PYTHON } from '../../helpers/python';

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

test('positional labels are exactly the parameter names of each release: the library facts, and the httpx /usr/bin/python3 imports', async () => {
  const source = 'import httpx\nt = httpx.HTTPTransport(True, None, False)\n';
  const expected = (names: readonly string[]) => `import httpx\nt = httpx.HTTPTransport(${names[0]}: True, ${names[1]}: None, ${names[2]}: False)\n`;
  const { entries } = factEntries(readHttpxFacts(), 'HTTPTransport');
  const checked = new Set<string>();
  for (const entry of entries) {
    const positional = (entry.params ?? []).flatMap((param) => {
      const position = /^positional:(\d+)$/.exec(param.position_or_keyword_only);
      return position ? [{ name: param.name, index: Number(position[1]) }] : [];
    });
    const names = positional.sort((a, b) => a.index - b.index).map((param) => param.name);
    for (const version of versionsToCheck(entry.versions)) {
      assert.equal(await labelled(source, { versions: { httpx: version } }), expected(names), `httpx ${version}`);
      checked.add(names.slice(0, 3).join(','));
    }
  }
  assert.ok(checked.size >= 3, 'the facts hold several orders');
  const installed = installedHttpxVersion();
  const signature = spawnSync(SYSTEM_PYTHON, ['-c', 'import httpx, inspect, json; print(json.dumps(list(inspect.signature(httpx.HTTPTransport.__init__).parameters)[1:]))'], { encoding: 'utf8' });
  assert.equal(await labelled(source, { versions: { httpx: installed } }), expected(JSON.parse(signature.stdout) as string[]), `the installed httpx ${installed}`);
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
