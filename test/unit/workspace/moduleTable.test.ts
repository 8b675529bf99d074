import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createModuleTable, moduleKeyOf, type ModuleFile } from '../../../server/src/core/workspace/moduleTable';

function table(paths: readonly string[]) {
  const files = paths.map((path): ModuleFile => ({ ...moduleKeyOf(path)!, path, label: path }));
  return { table: createModuleTable(files), file: (path: string) => files.find((file) => file.path === path) };
}

function resolved(result: ReturnType<ReturnType<typeof createModuleTable>['resolve']>): string | undefined {
  if (result === undefined) return undefined;
  return 'file' in result ? result.file.path : `ambiguous: ${result.ambiguous}`;
}

describe('module keys', () => {
  test('a module, a package and a path no import can name', () => {
    assert.deepEqual(moduleKeyOf('src/myapp/config.py'), { key: 'src.myapp.config', isPackage: false });
    assert.deepEqual(moduleKeyOf('myapp/__init__.py'), { key: 'myapp', isPackage: true });
    assert.equal(moduleKeyOf('my-app/config.py'), undefined);
    assert.equal(moduleKeyOf('notes.txt'), undefined);
    assert.equal(moduleKeyOf('__init__.py'), undefined);
    assert.deepEqual(moduleKeyOf('./src//myapp/./config.py'), { key: 'src.myapp.config', isPackage: false });
  });

  // The key read part by part: empty and `.` parts dropped, every name an identifier.
  const keyByParts = (relativePath: string) => {
    const parts = relativePath.split('/').filter((part) => part !== '' && part !== '.');
    const file = parts.pop();
    if (!file?.endsWith('.py')) return undefined;
    const isPackage = file === '__init__.py';
    const names = isPackage ? parts : [...parts, file.slice(0, -3)];
    return names.length > 0 && names.every((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) ? { key: names.join('.'), isPackage } : undefined;
  };

  test('every path of up to three parts reads as it does part by part', () => {
    const parts = ['a', 'b_1', '__init__', '__init__.py', 'x.py', '.', '', '1x', 'my-app', 'c.txt', 'é.py', '.py'];
    let paths = [''];
    for (let depth = 0; depth < 3; depth++) paths = paths.flatMap((path) => parts.map((part) => (path === '' ? part : `${path}/${part}`)));
    for (const path of paths) assert.deepEqual(moduleKeyOf(path), keyByParts(path), path);
  });
});

describe('module resolution', () => {
  const { table: modules, file } = table([
    'myapp/__init__.py',
    'myapp/config.py',
    'myapp/api/__init__.py',
    'myapp/api/client.py',
    'myapp/core/settings/__init__.py',
    'src/billing/http/defaults.py',
    'src/billing/http/session.py',
    'services/a/src/shared/conf.py',
    'services/a/src/shared/use.py',
    'services/b/src/shared/conf.py',
    'tests/test_it.py',
  ]);

  test('relative imports count dots up from the package of the importer', () => {
    const client = file('myapp/api/client.py');
    assert.equal(resolved(modules.resolve('..config', client)), 'myapp/config.py');
    assert.equal(resolved(modules.resolve('.', client)), 'myapp/api/__init__.py');
    assert.equal(resolved(modules.resolve('..core.settings', client)), 'myapp/core/settings/__init__.py');
    assert.equal(resolved(modules.resolve('.config', file('myapp/__init__.py'))), 'myapp/config.py', 'a package imports relative to itself');
    assert.equal(resolved(modules.resolve('....config', client)), undefined, 'beyond the top');
  });

  test('absolute imports find src/ layouts and namespace packages', () => {
    assert.equal(resolved(modules.resolve('myapp.config', file('tests/test_it.py'))), 'myapp/config.py');
    assert.equal(resolved(modules.resolve('billing.http.defaults', file('src/billing/http/session.py'))), 'src/billing/http/defaults.py');
    assert.equal(resolved(modules.resolve('billing.http.defaults', file('tests/test_it.py'))), 'src/billing/http/defaults.py');
    assert.equal(resolved(modules.resolve('httpx', file('tests/test_it.py'))), undefined);
  });

  test('the same module name under two roots: the importer’s own root wins, else it is ambiguous', () => {
    assert.equal(resolved(modules.resolve('shared.conf', file('services/a/src/shared/use.py'))), 'services/a/src/shared/conf.py');
    assert.equal(resolved(modules.resolve('shared.conf', file('tests/test_it.py'))), 'ambiguous: 2');
  });

  test('an import names at most twelve trailing names of a key', () => {
    const names = Array.from({ length: 13 }, (_, index) => `n${index}`);
    const { table: deep } = table([`${names.join('/')}.py`]);
    assert.equal(resolved(deep.resolve(names.slice(1).join('.'), undefined)), `${names.join('/')}.py`);
    assert.equal(resolved(deep.resolve(names.join('.'), undefined)), undefined);
  });

  test('a package wins over a module of the same name', () => {
    const { table: both } = table(['pkg/mod.py', 'pkg/mod/__init__.py']);
    assert.equal(resolved(both.resolve('pkg.mod', undefined)), 'pkg/mod/__init__.py');
    const { table: reversed } = table(['pkg/mod/__init__.py', 'pkg/mod.py']);
    assert.equal(resolved(reversed.resolve('pkg.mod', undefined)), 'pkg/mod/__init__.py');
  });
});
