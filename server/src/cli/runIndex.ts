/**
 * The workspace index of a CLI run: the `.py` files of the run's tree by module name, built on the
 * first question (a run in which no file imports a catalogued module never builds it), reading each
 * module it summarises through a reader that keeps the digest of the bytes read — what the result
 * cache (cache/) records as an analysis's dependency on that module.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { WorkspaceValues } from '../core/workspace/lookup';
import type { ModuleSummary } from '../core/workspace/summary';
import { nodeProjectFiles } from '../project/nodeProjectFiles';
import type { ProjectFiles } from '../project/projectFiles';
import { WorkspaceIndex, type IndexObserver } from '../project/workspaceIndex';
import { contentDigest } from './cache/digest';

/** The tree a run covers: the paths given and the `.py` files under them, indexed so that imports between them resolve. */
export type RunTree = { readonly roots: readonly string[]; readonly files: readonly string[] };

export type RunIndex = {
  valuesFor(file: string, observer?: IndexObserver): WorkspaceValues;
  /** The digest of the bytes `file`'s summary was made from (undefined: not read, or not readable). */
  summaryDigest(file: string): string | undefined;
};

/** The folders the index names modules from: each path given, or a file's own folder. */
export function indexFolders(tree: RunTree): string[] {
  return tree.roots.map((root) => (fs.statSync(root).isDirectory() ? root : path.dirname(root)));
}

export function createRunIndex(tree: RunTree, summarize: (text: string) => ModuleSummary | undefined): RunIndex {
  const digests = new Map<string, string>();
  const files: ProjectFiles = {
    ...nodeProjectFiles,
    readText(file) {
      try {
        const bytes = fs.readFileSync(file);
        digests.set(file, contentDigest(bytes));
        return bytes.toString('utf8');
      } catch {
        digests.delete(file);
        return undefined;
      }
    },
  };
  let index: WorkspaceIndex | undefined;
  const built = () => {
    if (index) return index;
    index = new WorkspaceIndex(files, summarize, { labelOf: (file) => path.relative(process.cwd(), file).split(path.sep).join('/'), links: false });
    index.setFiles(indexFolders(tree), tree.files);
    return index;
  };
  return {
    valuesFor: (file, observer) => built().valuesFor(path.resolve(file), observer),
    summaryDigest: (file) => digests.get(file),
  };
}
