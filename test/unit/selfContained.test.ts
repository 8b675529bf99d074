/**
 * The repository is self-contained: no tracked file refers to a folder outside it, neither by a
 * relative path that climbs above the repository root nor by the sibling folders our own machines
 * happen to have. A fresh clone in an empty folder needs nothing beside it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';

const TEXT_FILE = /\.(ts|js|mjs|cjs|json|md|py|sh|yaml|yml|toml|txt|lua|vim)$|^\.ci\/|(^|\/)\.[\w-]+ignore$/;

function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot(), encoding: 'utf8' }).split('\0').filter(Boolean);
  return listed.filter((file) => TEXT_FILE.test(file) && !file.endsWith('package-lock.json') && fs.existsSync(path.join(repoRoot(), file)));
}

/** Relative paths in `text` (runs of `../` followed by a name) that, read from `file`'s folder, leave the repository. */
export function escapingPaths(file: string, text: string): string[] {
  const root = repoRoot();
  const folder = path.dirname(path.join(root, file));
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\w.])((?:\.\.\/)+)([\w@-][\w.@-]*)/g)) {
    const target = path.resolve(folder, match[1], match[2]);
    if (path.relative(root, target).startsWith('..')) found.push(match[0]);
  }
  return found;
}

/** Sibling folders of the repository on the developers' machines that a clone does not have. */
const OUTSIDE_NAMES = [['shared', 'docs'].join('/'), ['', 'work', ''].join('/'), ['', '.library', ''].join('/')];

test('escapingPaths finds a path that climbs out of the repository and passes one that stays inside', () => {
  // Built at run time, so that this file does not itself hold a path that leaves the repository.
  const up = (levels: number) => '../'.repeat(levels);
  assert.deepEqual(escapingPaths('test/unit/a.ts', `import x from '${up(3)}sibling/x'`), [`${up(3)}sibling`]);
  assert.deepEqual(escapingPaths('test/unit/a.ts', `import x from '${up(1)}helpers/repo'`), []);
  assert.deepEqual(escapingPaths('README.md', `see ${up(1)}elsewhere/notes.md`), [`${up(1)}elsewhere`]);
});

test('no tracked file refers to a path outside the repository', () => {
  const files = trackedTextFiles();
  assert.ok(files.length > 100, `only ${files.length} tracked text files found`);
  const offending: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(repoRoot(), file), 'utf8');
    for (const escaping of escapingPaths(file, text)) offending.push(`${file}: ${escaping}`);
    for (const name of OUTSIDE_NAMES) if (text.includes(name)) offending.push(`${file}: names ${name}`);
  }
  assert.deepEqual(offending, []);
});
