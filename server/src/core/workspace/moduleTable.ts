/**
 * Which file of the workspace a module name stands for. Every `.py` file gets a key from its path
 * under its workspace folder (`src/myapp/config.py` → `src.myapp.config`, a package's
 * `__init__.py` → the package). An absolute import names a suffix of such a key: the source root
 * (`src/`, a monorepo's service folder, or none) is the rest, and a file under the importer's own
 * root wins; namespace packages (folders without `__init__.py`) need nothing special. A relative
 * import counts its dots up from the importer's package.
 */

/** A Python file of the workspace, by module key. `label` and `uri` are for people and links. */
export type ModuleFile = {
  readonly key: string;
  readonly isPackage: boolean;
  /** The path as shown (`myapp/settings.py`). */
  readonly label: string;
  /** A link to the file, when the caller can give one. */
  readonly uri?: string;
  /** The caller's own handle (the file's path). */
  readonly path: string;
};

/** Keys deeper than this many names are not indexed by their suffixes. */
const MAX_DEPTH = 12;

/** A path of identifiers only (no `.` or empty parts), as nearly every path of a tree is: its key is read off in one match. */
const PLAIN_MODULE_PATH = /^(?:[A-Za-z_][A-Za-z0-9_]*\/)*([A-Za-z_][A-Za-z0-9_]*)\.py$/;

/** `src/myapp/__init__.py` → `{ key: 'src.myapp', isPackage: true }`; undefined for a path no import can name. */
export function moduleKeyOf(relativePath: string): { key: string; isPackage: boolean } | undefined {
  const plain = PLAIN_MODULE_PATH.exec(relativePath);
  if (plain) {
    const isPackage = plain[1] === '__init__';
    const key = (isPackage ? relativePath.slice(0, -'/__init__.py'.length) : relativePath.slice(0, -'.py'.length)).replaceAll('/', '.');
    return isPackage && relativePath === '__init__.py' ? undefined : { key, isPackage };
  }
  const parts = relativePath.split('/').filter((part) => part !== '' && part !== '.');
  const file = parts.pop();
  if (!file?.endsWith('.py')) return undefined;
  const stem = file.slice(0, -3);
  const isPackage = stem === '__init__';
  const names = isPackage ? parts : [...parts, stem];
  if (names.length === 0 || !names.every(isIdentifier)) return undefined;
  return { key: names.join('.'), isPackage };
}

export type ModuleTable = {
  readonly size: number;
  /** The file of module `dotted` as imported from `importer` (absolute or, with leading dots, relative). */
  resolve(dotted: string, importer: ModuleFile | undefined): { file: ModuleFile } | { ambiguous: number } | undefined;
  byKey(key: string): ModuleFile | undefined;
};

export function createModuleTable(files: Iterable<ModuleFile>): ModuleTable {
  const byKey = new Map<string, ModuleFile>();
  for (const file of files) {
    // A package folder and a module of the same name: Python takes the package.
    const existing = byKey.get(file.key);
    if (existing && existing.isPackage) continue;
    byKey.set(file.key, file);
  }
  // An absolute import names a suffix of keys (at most MAX_DEPTH names): the files whose key ends
  // in its last name are indexed, the suffix is checked on lookup (a tree's thousands of files
  // cost one entry each, and only the names imported are ever looked at).
  const byLastName = new Map<string, ModuleFile[]>();
  for (const file of byKey.values()) {
    const last = file.key.slice(file.key.lastIndexOf('.') + 1);
    const list = byLastName.get(last);
    if (list) list.push(file);
    else byLastName.set(last, [file]);
  }
  const endsWith = (file: ModuleFile, dotted: string) => file.key === dotted || file.key.endsWith(`.${dotted}`);
  return {
    size: byKey.size,
    byKey: (key) => byKey.get(key),
    resolve(dotted, importer) {
      if (dotted.startsWith('.')) {
        const key = importer ? relativeKey(dotted, importer) : undefined;
        const file = key === undefined ? undefined : byKey.get(key);
        return file && { file };
      }
      if (dotted.split('.').length > MAX_DEPTH) return undefined;
      const candidates = byLastName.get(dotted.slice(dotted.lastIndexOf('.') + 1))?.filter((file) => endsWith(file, dotted));
      if (!candidates || candidates.length === 0) return undefined;
      if (candidates.length === 1) return { file: candidates[0] };
      return pickRoot(candidates, dotted, importer);
    },
  };
}

/** Among files of the same module name under several roots: the one under the importer's root (the longest), else the top-level one. */
function pickRoot(candidates: readonly ModuleFile[], dotted: string, importer: ModuleFile | undefined): { file: ModuleFile } | { ambiguous: number } {
  const importerKey = importer ? `${importer.key}.` : '';
  let best: ModuleFile | undefined;
  let bestLength = -1;
  let tied = false;
  for (const candidate of candidates) {
    const root = candidate.key.slice(0, candidate.key.length - dotted.length);
    if (root !== '' && !importerKey.startsWith(root)) continue;
    if (root.length > bestLength) [best, bestLength, tied] = [candidate, root.length, false];
    else if (root.length === bestLength) tied = true;
  }
  return best && !tied ? { file: best } : { ambiguous: candidates.length };
}

/** `..core.config` from `app.api.client` → `app.core.config`; undefined when the dots climb above the top. */
function relativeKey(dotted: string, importer: ModuleFile): string | undefined {
  const level = dotted.length - dotted.replace(/^\.+/, '').length;
  const rest = dotted.slice(level);
  const packageNames = importer.key.split('.');
  if (!importer.isPackage) packageNames.pop();
  if (level - 1 > packageNames.length) return undefined;
  const base = packageNames.slice(0, packageNames.length - (level - 1));
  const names = rest === '' ? base : [...base, ...rest.split('.')];
  return names.length === 0 ? undefined : names.join('.');
}

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
