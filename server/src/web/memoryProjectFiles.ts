/**
 * Project files for the web worker server, which has no file system: the texts its client read
 * through `vscode.workspace.fs` (so virtual file systems work too), kept in memory. A document URI
 * `scheme://authority/some/path` maps to the POSIX path `/scheme/authority/some/path`, so that
 * folder walks (project/findUp.ts) work unchanged and distinct roots never mix.
 */
import type { ProjectFiles } from '../project/projectFiles';
import type { ProjectFileContent } from '../protocol';

const URI = /^([a-zA-Z][\w+.-]*):\/\/([^/?#]*)([^?#]*)/;
/** Stands for an empty authority (`file:///…`), so that the path keeps one segment per part. */
const NO_AUTHORITY = '-';

export type MemoryProjectFiles = ProjectFiles & {
  /** Stores new texts and forgets deleted files. */
  update(files: readonly ProjectFileContent[]): void;
};

export function createMemoryProjectFiles(): MemoryProjectFiles {
  const texts = new Map<string, { text: string; stamp: number }>();
  let stamp = 0;
  const pathOf = (uri: string): string | undefined => {
    const match = URI.exec(uri);
    if (!match) return undefined;
    const [, scheme, authority, rest] = match;
    try {
      return `/${scheme}/${authority || NO_AUTHORITY}${decodeURIComponent(rest || '/')}`;
    } catch {
      return undefined;
    }
  };
  return {
    pathOf,
    uriOf(file) {
      const [, scheme = '', authority = '', ...rest] = file.split('/');
      return `${scheme}://${authority === NO_AUTHORITY ? '' : authority}${encodeURI(`/${rest.join('/')}`)}`;
    },
    readText: (file) => texts.get(file)?.text,
    isFile: (file) => texts.has(file),
    changeStamp: (file) => texts.get(file)?.stamp,
    list(folder) {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      const names = new Set<string>();
      for (const file of texts.keys()) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]!);
      return [...names];
    },
    update(files) {
      for (const { uri, text } of files) {
        const file = pathOf(uri);
        if (file === undefined) continue;
        if (text === null) texts.delete(file);
        else texts.set(file, { text, stamp: ++stamp });
      }
    },
  };
}
