import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { summarizeText } from '../../../server/src/core/workspace/summarize';
import { nodeProjectFiles } from '../../../server/src/project/nodeProjectFiles';
import { WorkspaceIndex, type IndexLimits } from '../../../server/src/project/workspaceIndex';
import { testEngine } from '../../helpers/engine';

let root: string;
const file = (relative: string) => path.join(root, relative);

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-index-unit-'));
  for (const [relative, text] of Object.entries({
    'app/__init__.py': '',
    'app/settings.py': 'POOL = 5\nBIG = 1\n',
    'app/main.py': 'from .settings import POOL\n',
    'app/.venv/lib/site.py': 'POOL = 99\n',
    'node_modules/x/y.py': '',
  })) {
    fs.mkdirSync(path.dirname(file(relative)), { recursive: true });
    fs.writeFileSync(file(relative), text);
  }
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

async function index(limits?: IndexLimits, onChange?: () => void): Promise<WorkspaceIndex> {
  const { parser } = await testEngine();
  return new WorkspaceIndex(nodeProjectFiles, (text) => summarizeText(parser, text), { limits, onChange });
}

const valueOf = (index: WorkspaceIndex, dotted = '.settings.POOL') => index.valuesFor(file('app/main.py')).lookup(dotted, false);

describe('workspace index', () => {
  test('answers "still being built" until the walk is done, then the value; skips installed code', async () => {
    let changes = 0;
    const workspace = await index(undefined, () => changes++);
    assert.deepEqual(valueOf(workspace), { kind: 'unknown', reason: 'the workspace index is still being built' });
    await workspace.build([root]);
    assert.equal(workspace.fileCount, 3);
    assert.equal(changes, 1, 'an analysis was told "still being built": it hears that the index is ready');
    await workspace.build([root]);
    assert.equal(changes, 1, 'nobody asked since: nobody to tell');
    const found = valueOf(workspace);
    assert.equal(found?.kind === 'found' && found.expr.value.kind === 'number' ? found.expr.value.value : undefined, 5);
  });

  test('a new generation only when something an analysis read changes; an open text wins over the file', async () => {
    const workspace = await index();
    await workspace.build([root]);
    const start = workspace.generation;
    assert.equal(workspace.setOpenText(file('app/main.py'), 'x = 1\n'), false, 'nothing read main.py');
    valueOf(workspace);
    assert.equal(workspace.setOpenText(file('app/settings.py'), 'POOL = 6\n'), true);
    assert.equal(workspace.generation, start + 1);
    const edited = valueOf(workspace);
    assert.equal(edited?.kind === 'found' && edited.expr.value.kind === 'number' ? edited.expr.value.value : undefined, 6);
    assert.equal(workspace.fileChanged(file('app/settings.py'), 'changed'), false, 'the open text wins over the disk');
    assert.equal(workspace.setOpenText(file('app/settings.py'), undefined), true);
    const closed = valueOf(workspace);
    assert.equal(closed?.kind === 'found' && closed.expr.value.kind === 'number' ? closed.expr.value.value : undefined, 5);
    assert.equal(workspace.fileChanged(file('app/other.py'), 'created'), true, 'a new module may answer a lookup that failed');
  });

  test('bounded: files beyond the limit are not indexed (and lookups say so), a large module is not summarised', async () => {
    const small = await index({ maxFiles: 1, maxFileBytes: 1_000_000, maxSummaries: 10 });
    await small.build([root]);
    assert.equal(small.fileCount, 1);
    assert.deepEqual(valueOf(small, 'missing.module.X'), { kind: 'unknown', reason: 'not found in the first 1 files of the workspace' });
    const tiny = await index({ maxFiles: 100, maxFileBytes: 4, maxSummaries: 10 });
    await tiny.build([root]);
    const size = fs.readFileSync(file('app/settings.py'), 'utf8').length;
    assert.deepEqual(valueOf(tiny), { kind: 'unknown', reason: `app/settings.py is too large to index (${size} characters)` });
  });

  test('the walk gives way to foreground work: it goes on only when `idle` lets it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-guide-index-idle-'));
    try {
      for (let module = 0; module < 100; module++) fs.writeFileSync(path.join(folder, `m${module}.py`), `X = ${module}\n`);
      const workspace = await index();
      let release: () => void = () => {};
      let reached: () => void = () => {};
      const gate = new Promise<void>((resolve) => (reached = resolve));
      const busy = new Promise<void>((resolve) => (release = resolve));
      let asked = 0;
      let done = false;
      const walk = workspace.build([folder], () => {
        asked++;
        reached();
        return busy;
      }).then(() => (done = true));
      await gate;
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
      assert.ok(asked === 1 && !done && !workspace.ready, 'waits at the first turn while the foreground is busy');
      release();
      await walk;
      assert.equal(workspace.fileCount, 100);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a walk can be cancelled: the index stays as it was', async () => {
    const workspace = await index();
    const walk = workspace.build([root]);
    workspace.cancel();
    await walk;
    assert.equal(workspace.ready, false);
  });
});
