/**
 * Method calls on catalogued objects: `s.get(...)` is bound when `s` is a construction assigned
 * once, a `with ... as s` alias, `self.s` assigned once in the class, or the construction itself;
 * never when the receiver is unknown. Uses a small catalog made for this test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCatalog } from '../../../server/src/catalog';
import type { CallableSpec, LibrarySpec } from '../../../server/src/catalog/schema';
import { analyzeTree } from '../../../server/src/core/analysis/analyze';
import { testEngine } from '../../helpers/engine';

const SOURCE = { repo: 'example/fakelib', tag: '1.0', path: 'fakelib/__init__.py' };
const timeoutParam = { name: 'timeout', default: 'None', unit: 'seconds', type: 'float | None', meaning: 'Seconds to wait.', source: SOURCE } as const;
const session: CallableSpec = { name: 'Session', kind: 'client', summary: 'A session.', docs: 'https://example.org', params: [], positional: [{ versions: {}, names: [], source: SOURCE }], source: SOURCE };
const get: CallableSpec = { ...session, name: 'get', receiver: 'Session', kind: 'request-method', params: [timeoutParam], positional: [{ versions: {}, names: [], source: SOURCE }] };
const fakelib: LibrarySpec = { id: 'fakelib', displayName: 'fakelib', modules: ['fakelib'], newestVersion: '1.0', releases: ['1.0'], distribution: 'fakelib', repo: 'example/fakelib', callables: [session, get], configs: [] };

async function methodCalls(source: string): Promise<string[]> {
  const engine = await testEngine();
  const tree = engine.parser.parse(source)!;
  const analysis = analyzeTree(tree.rootNode, source, createCatalog([fakelib]), engine.runOutline);
  tree.delete();
  return analysis.calls.filter((call) => call.receiver).map((call) => `${source.slice(call.calleeSpan.start, call.calleeSpan.end)}→${call.qualifiedName}@${source.slice(call.receiver!.span.start, call.receiver!.span.end)}`);
}

test('methods bind through names, with-aliases, self attributes and direct chains', async () => {
  const source = [
    'import fakelib',
    's = fakelib.Session()',
    's.get(timeout=1)',
    'with fakelib.Session() as w:',
    '    w.get()',
    'class Api:',
    '    def __init__(self):',
    '        self.http = fakelib.Session()',
    '    def fetch(self):',
    '        return self.http.get()',
    'fakelib.Session().get()',
    '',
  ].join('\n');
  assert.deepEqual(await methodCalls(source), [
    's.get→fakelib.Session.get@fakelib.Session()',
    'w.get→fakelib.Session.get@fakelib.Session()',
    'self.http.get→fakelib.Session.get@fakelib.Session()',
    'fakelib.Session().get→fakelib.Session.get@fakelib.Session()',
  ]);
});

test('unknown or reassigned receivers, and unknown methods, are not bound', async () => {
  const source = [
    'import fakelib',
    'def f(s):',
    '    s.get()',
    't = fakelib.Session()',
    't = other()',
    't.get()',
    'u = fakelib.Session()',
    'u.post()',
    'class Api:',
    '    def __init__(self):',
    '        self.http = fakelib.Session()',
    '        self.http = None',
    '    def fetch(self):',
    '        return self.http.get()',
    '',
  ].join('\n');
  assert.deepEqual(await methodCalls(source), []);
});
