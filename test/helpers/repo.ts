/**
 * Where things are on disk for tests that read files: the repository root (found from the
 * compiled test's own folder, so it works from `out/`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

/** The folder holding the extension's package.json and tsconfig.test.json (`out/` may hold a copy of package.json only). */
export function repoRoot(): string {
  if (root) return root;
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    const isRepo = fs.existsSync(path.join(dir, 'tsconfig.test.json')) && fs.existsSync(manifest);
    if (isRepo && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'pool-guide') return (root = dir);
  }
  throw new Error(`no pool-guide package.json above ${__dirname}`);
}

/** The independent record of the real libraries' signatures (`test/fixtures/library-facts/`, see its README). */
export function libraryFactsPath(): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'library-facts', 'library-facts.json');
}

/** Every file under `dir` (relative to the repo root) whose name ends with one of `extensions`. */
export function listFiles(dir: string, extensions: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (absolute: string) => {
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      const child = path.join(absolute, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (extensions.some((extension) => entry.name.endsWith(extension))) found.push(path.relative(repoRoot(), child).split(path.sep).join('/'));
    }
  };
  walk(path.join(repoRoot(), dir));
  return found.sort();
}
