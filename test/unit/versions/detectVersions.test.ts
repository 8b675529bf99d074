/**
 * Version detection over fixture workspaces: installed distributions beat lock files, which beat
 * declared pins and ranges; ranges assume the newest catalogued release they allow; the nearest
 * project of a monorepo decides; broken project files are ignored.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { LIBRARIES } from '../../../server/src/catalog';
import { interpreterPath } from '../../../server/src/lsp/projectVersions';
import { createVersionDetector } from '../../../server/src/project/detectVersions';
import { nodeProjectFiles } from '../../../server/src/project/nodeProjectFiles';

const WORKSPACES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'workspaces');

function decide(workspace: string, file: string) {
  const root = path.join(WORKSPACES, workspace);
  const decision = createVersionDetector(LIBRARIES, nodeProjectFiles).decide(path.join(root, file), root).get('httpx')!;
  return { ...decision, file: decision.file && path.relative(root, decision.file) };
}

test('an installed distribution in .venv beats the lock file next to it', () => {
  const decision = decide('installed', 'app/main.py');
  assert.equal(decision.version, '0.27.2');
  assert.equal(decision.kind, 'installed');
  assert.equal(decision.file, path.join('.venv', 'lib', 'python3.11', 'site-packages', 'httpx-0.27.2.dist-info', 'METADATA'));
});

test('each lock file format gives its exact version, ahead of a declared range', () => {
  for (const [workspace, version, file] of [
    ['uvlock', '0.23.3', 'uv.lock'],
    ['poetry', '0.18.2', 'poetry.lock'],
    ['pdm', '0.26.0', 'pdm.lock'],
    ['pipfile', '0.25.2', 'Pipfile.lock'],
  ]) {
    const decision = decide(workspace, 'main.py');
    assert.deepEqual([decision.version, decision.kind, decision.file], [version, 'locked', file], workspace);
  }
});

test('a declared range assumes the newest catalogued release it allows, and keeps the range', () => {
  const range = decide('range', 'main.py');
  assert.equal(range.version, '0.13.3');
  assert.equal(range.specifier, '>=0.13,<0.14');
  assert.deepEqual(range.allowed, ['0.13.0', '0.13.1', '0.13.2', '0.13.3']);
  assert.equal(decide('poetry-caret', 'main.py').version, '0.16.1');
  assert.equal(decide('setupcfg', 'main.py').version, '0.21.3');
  assert.equal(decide('groups', 'main.py').version, '0.24.1');
});

test('requirements files follow -r includes', () => {
  const decision = decide('includes', 'main.py');
  assert.deepEqual([decision.version, decision.file], ['0.17.1', 'base.txt']);
});

test('in a monorepo the nearest project decides, and the root applies where no nearer one speaks', () => {
  assert.equal(decide('monorepo', 'services/a/app.py').version, '0.13.3');
  assert.equal(decide('monorepo', 'services/b/app.py').version, '0.28.1');
  const root = decide('monorepo', 'tools/script.py');
  assert.deepEqual([root.version, root.file, root.specifier], ['0.21.3', 'requirements.txt', '~=0.21.0']);
});

test('without evidence, or with broken files, the newest catalogued release is assumed', () => {
  for (const workspace of ['none', 'broken']) {
    const decision = decide(workspace, 'main.py');
    assert.deepEqual([decision.version, decision.kind], ['0.28.1', 'assumed'], workspace);
  }
});

test('a configured interpreter decides from its environment, ahead of the project files', () => {
  const root = path.join(WORKSPACES, 'uvlock');
  const interpreter = path.join(WORKSPACES, 'installed', '.venv', 'bin', 'python');
  const decision = createVersionDetector(LIBRARIES, nodeProjectFiles).decide(path.join(root, 'main.py'), root, interpreter).get('httpx')!;
  assert.deepEqual([decision.version, decision.kind], ['0.27.2', 'installed']);
  assert.equal(decision.file, path.join(WORKSPACES, 'installed', '.venv', 'lib', 'python3.11', 'site-packages', 'httpx-0.27.2.dist-info', 'METADATA'));
});

test('the interpreter setting counts relative paths and ${workspaceFolder} from the workspace folder', () => {
  assert.equal(interpreterPath('.venv/bin/python', '/home/user/project'), path.resolve('/home/user/project/.venv/bin/python'));
  assert.equal(interpreterPath('${workspaceFolder}/.venv/bin/python', '/home/user/project'), path.resolve('/home/user/project/.venv/bin/python'));
  assert.equal(interpreterPath('/opt/py/bin/python', '/home/user/project'), path.resolve('/opt/py/bin/python'));
  assert.equal(interpreterPath('', '/home/user/project'), undefined);
});

test('the SDKs are detected like the HTTP libraries: a range assumes its newest catalogued release, a pin is exact', () => {
  const root = path.join(WORKSPACES, 'sdks');
  const decisions = createVersionDetector(LIBRARIES, nodeProjectFiles).decide(path.join(root, 'main.py'), root);
  const versions = Object.fromEntries(['openai', 'anthropic', 'boto3', 'botocore'].map((id) => [id, [decisions.get(id)!.version, decisions.get(id)!.kind]]));
  assert.deepEqual(versions, {
    openai: ['2.54.0', 'declared'],
    anthropic: ['0.40.0', 'declared'],
    boto3: ['1.43.78', 'declared'],
    // Below 1.30: the last catalogued release with connect_timeout at position 4.
    botocore: ['1.29.165', 'declared'],
  });
});
