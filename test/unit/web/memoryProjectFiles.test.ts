/**
 * The web worker's project files (texts sent by the client, in memory) decide what the disk decides:
 * every fixture workspace, loaded under a virtual-file-system URI, gives the same version decisions
 * and `[tool.pool-guide]` tables as the same files read from disk. Also: URIs map to paths and
 * back, URIs without a path have no project, and updates and deletions are seen.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LIBRARIES } from '../../../server/src/catalog';
import { createVersionDetector } from '../../../server/src/project/detectVersions';
import { nodeProjectFiles } from '../../../server/src/project/nodeProjectFiles';
import { createToolConfigLoader } from '../../../server/src/project/toolConfigFile';
import { createMemoryProjectFiles } from '../../../server/src/web/memoryProjectFiles';
import { repoRoot } from '../../helpers/repo';

const WORKSPACES = path.join(repoRoot(), 'test', 'fixtures', 'workspaces');
const VIRTUAL_ROOT = 'vscode-vfs://github/pool-guide/fixtures';

/** Every file under `dir`, relative, '/'-separated. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

test('every fixture workspace decides the same versions and tool config from memory as from disk', () => {
  let compared = 0;
  for (const workspace of fs.readdirSync(WORKSPACES)) {
    const root = path.join(WORKSPACES, workspace);
    const files = filesUnder(root);
    const memory = createMemoryProjectFiles();
    memory.update(files.filter((file) => !file.endsWith('.py')).map((file) => ({ uri: `${VIRTUAL_ROOT}/${workspace}/${file}`, text: fs.readFileSync(path.join(root, file), 'utf8') })));
    const onDisk = { detector: createVersionDetector(LIBRARIES, nodeProjectFiles), toolConfig: createToolConfigLoader(nodeProjectFiles) };
    const inMemory = { detector: createVersionDetector(LIBRARIES, memory), toolConfig: createToolConfigLoader(memory) };
    const virtualRoot = memory.pathOf(`${VIRTUAL_ROOT}/${workspace}`)!;
    for (const source of files.filter((file) => file.endsWith('.py'))) {
      const diskFile = path.join(root, source);
      const memoryFile = memory.pathOf(`${VIRTUAL_ROOT}/${workspace}/${source}`)!;
      const relative = (decisionFile: string | undefined, base: string) => decisionFile && path.relative(base, decisionFile).split(path.sep).join('/');
      for (const library of LIBRARIES) {
        const disk = onDisk.detector.decide(diskFile, root).get(library.id)!;
        const mem = inMemory.detector.decide(memoryFile, virtualRoot).get(library.id)!;
        assert.deepEqual({ ...mem, file: relative(mem.file, virtualRoot) }, { ...disk, file: relative(disk.file, root) }, `${workspace}/${source} ${library.id}`);
      }
      const diskConfig = onDisk.toolConfig(diskFile, root);
      const memoryConfig = inMemory.toolConfig(memoryFile, virtualRoot);
      assert.deepEqual([memoryConfig.config, memoryConfig.problems], [diskConfig.config, diskConfig.problems], `${workspace}/${source} tool config`);
      compared++;
    }
  }
  assert.ok(compared >= 5, `${compared} source files compared`);
});

test('URIs map to paths and back; a URI without a path has no project', () => {
  const memory = createMemoryProjectFiles();
  for (const uri of ['vscode-vfs://github/owner/repo/src/app.py', 'vscode-remote://127.0.0.1:8080/tmp/ws/a%20b/pyproject.toml', 'file:///home/me/project/requirements.txt']) {
    const file = memory.pathOf(uri)!;
    assert.ok(file.startsWith('/'), file);
    assert.equal(memory.uriOf(file), uri);
  }
  assert.equal(memory.pathOf('vscode-remote://127.0.0.1:8080/tmp/ws/a%20b/x.py'), '/vscode-remote/127.0.0.1:8080/tmp/ws/a b/x.py');
  assert.notEqual(memory.pathOf('vscode-vfs://github/a/b.py'), memory.pathOf('vscode-vfs://gitlab/a/b.py'));
  assert.equal(memory.pathOf('untitled:Untitled-1'), undefined);
});

test('an update changes the text and its stamp; a deletion forgets the file and its folder', () => {
  const memory = createMemoryProjectFiles();
  const uri = 'vscode-vfs://github/o/r/requirements/base.txt';
  const file = memory.pathOf(uri)!;
  memory.update([{ uri, text: 'httpx==0.27.2\n' }]);
  const stamp = memory.changeStamp(file);
  assert.deepEqual([memory.isFile(file), memory.readText(file), memory.list('/vscode-vfs/github/o/r'), memory.list('/vscode-vfs/github/o/r/requirements')], [true, 'httpx==0.27.2\n', ['requirements'], ['base.txt']]);
  memory.update([{ uri, text: 'httpx==0.28.1\n' }]);
  assert.equal(memory.readText(file), 'httpx==0.28.1\n');
  assert.notEqual(memory.changeStamp(file), stamp);
  memory.update([{ uri, text: null }]);
  assert.deepEqual([memory.isFile(file), memory.readText(file), memory.changeStamp(file), memory.list('/vscode-vfs/github/o/r')], [false, undefined, undefined, []]);
});
