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

  test('a package wins over a module of the same name', () => {
    const { table: both } = table(['pkg/mod.py', 'pkg/mod/__init__.py']);
    assert.equal(resolved(both.resolve('pkg.mod', undefined)), 'pkg/mod/__init__.py');
    const { table: reversed } = table(['pkg/mod/__init__.py', 'pkg/mod.py']);
    assert.equal(resolved(reversed.resolve('pkg.mod', undefined)), 'pkg/mod/__init__.py');
  });
});
