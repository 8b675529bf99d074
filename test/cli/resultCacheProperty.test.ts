/**
 * Property: through any sequence of changes to a small project — a constant another module imports,
 * the calls of a module, a module added or removed (an import's resolution, the tree's list of
 * modules), the pyproject's rules, the requirements pin, a touch — a run over one result cache
 * kept from step to step prints exactly what a run without a cache prints.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cachedRun, coldRun } from '../helpers/cacheRuns';
import { tempTree } from '../helpers/cli';
import { assertProperty } from '../helpers/seed';

const ARGS = ['--format', 'json', '.'];

const START: Readonly<Record<string, string>> = {
  'pyproject.toml': '[tool.pool-guide]\nignore = []\n',
  'requirements.txt': 'httpx==0.23.0\n',
  'app/__init__.py': '',
  'app/settings.py': 'TIMEOUT = None\n',
  'app/main.py': 'import httpx\nfrom .settings import TIMEOUT\nfrom .conf import SLOW\nclient = httpx.Client(timeout=TIMEOUT)\nslow = httpx.Client(timeout=SLOW)\n',
};

const CALLS = [
  'client = httpx.Client(timeout=TIMEOUT)',
  'client = httpx.Client(timeout=(3.05, 27))',
  'client = httpx.Client(pool_limits=httpx.Limits(max_connections=5), timeout=TIMEOUT)',
  'client = httpx.Client()',
];

type Step =
  | { readonly kind: 'constant'; readonly value: string }
  | { readonly kind: 'call'; readonly call: string }
  | { readonly kind: 'conf'; readonly value: string | undefined }
  | { readonly kind: 'extra module'; readonly present: boolean }
  | { readonly kind: 'rules'; readonly ignore: string }
  | { readonly kind: 'pin'; readonly version: string }
  | { readonly kind: 'touch'; readonly file: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('constant' as const), value: fc.constantFrom('None', '5.0', '(1, 2)') }),
  fc.record({ kind: fc.constant('call' as const), call: fc.constantFrom(...CALLS) }),
  fc.record({ kind: fc.constant('conf' as const), value: fc.constantFrom('None', undefined) }),
  fc.record({ kind: fc.constant('extra module' as const), present: fc.boolean() }),
  fc.record({ kind: fc.constant('rules' as const), ignore: fc.constantFrom('[]', '["PG201"]', '["PG3"]') }),
  fc.record({ kind: fc.constant('pin' as const), version: fc.constantFrom('0.16.1', '0.23.0', '0.28.1') }),
  fc.record({ kind: fc.constant('touch' as const), file: fc.constantFrom('app/main.py', 'app/settings.py', 'requirements.txt') }),
);

function apply(root: string, change: Step): void {
  const at = (file: string) => path.join(root, file);
  const replaceLine = (file: string, pattern: RegExp, line: string) => fs.writeFileSync(at(file), fs.readFileSync(at(file), 'utf8').replace(pattern, line));
  switch (change.kind) {
    case 'constant':
      return fs.writeFileSync(at('app/settings.py'), `TIMEOUT = ${change.value}\n`);
    case 'call':
      return replaceLine('app/main.py', /^client = .*$/m, change.call);
    case 'conf':
      return change.value === undefined ? fs.rmSync(at('app/conf.py'), { force: true }) : fs.writeFileSync(at('app/conf.py'), `SLOW = ${change.value}\n`);
    case 'extra module':
      return change.present ? fs.writeFileSync(at('app/extra.py'), '"""Mentions httpx only."""\n') : fs.rmSync(at('app/extra.py'), { force: true });
    case 'rules':
      return replaceLine('pyproject.toml', /^ignore = .*$/m, `ignore = ${change.ignore}`);
    case 'pin':
      return fs.writeFileSync(at('requirements.txt'), `httpx==${change.version}\n`);
    case 'touch':
      return fs.writeFileSync(at(change.file), fs.readFileSync(at(change.file)));
  }
}

describe('CLI result cache: any sequence of changes', () => {
  test('after each change, the cached run prints what the cold run prints', async () => {
    await assertProperty(
      fc.property(fc.array(step, { minLength: 2, maxLength: 5 }), (steps) => {
        const { root, cleanup } = tempTree(START);
        try {
          const cache = `${root}-cache`;
          assert.deepEqual(cachedRun(ARGS, root, cache), coldRun(ARGS, root), 'at the start');
          for (const change of steps) {
            apply(root, change);
            assert.deepEqual(cachedRun(ARGS, root, cache), coldRun(ARGS, root), `after ${JSON.stringify(change)}`);
          }
        } finally {
          cleanup();
          fs.rmSync(`${root}-cache`, { recursive: true, force: true });
        }
      }),
      6,
    );
  });
});
