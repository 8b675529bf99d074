/**
 * Finds the version of each catalogued library that a source file's project uses, without running
 * anything: walking up from the file's folder to the boundary (the workspace folder), the nearest
 * folder with evidence decides, and within a folder an installed distribution beats a lock file,
 * which beats a declared pin or range. Results are cached per folder (the most recently used
 * folders only) until `clear()`.
 */
import * as path from 'path';
import type { LibrarySpec } from '../catalog/schema';
import { assumedDecision, declaredDecision, exactDecision, type VersionDecision } from '../core/versions/decide';
import { LOCK_FILES, parseDistInfoMetadata, parseLockFile } from '../core/versions/lockFiles';
import {
  normalizeName,
  parsePyprojectRequirements,
  parseRequirementsTxt,
  parseSetupCfgRequirements,
  type DeclaredRequirements,
} from '../core/versions/requirements';
import { foldersAbove } from './findUp';
import { LruMap } from './lruMap';
import type { ProjectFileSystem } from './projectFiles';

type Found = { readonly value: string; readonly file: string };

/** What one folder says about distributions, by normalised name. */
type FolderEvidence = {
  readonly installed: ReadonlyMap<string, Found>;
  readonly locked: ReadonlyMap<string, Found>;
  readonly declared: ReadonlyMap<string, Found>;
};

const VENV_FOLDERS = ['.venv', 'venv', '.env', 'env'];

/** Folders whose evidence is kept; a workspace has far fewer folders with open files. */
const FOLDER_CACHE_CAPACITY = 512;

export type VersionDetector = {
  /** Library id → decision for a source file. `interpreter` is a configured Python executable, if any. */
  decide(file: string, boundary?: string, interpreter?: string): Map<string, VersionDecision>;
  clear(): void;
};

export function createVersionDetector(libraries: readonly LibrarySpec[], files: ProjectFileSystem): VersionDetector {
  const cache = new LruMap<string, FolderEvidence>(FOLDER_CACHE_CAPACITY);
  const evidenceOf = (folder: string) => {
    let evidence = cache.get(folder);
    if (!evidence) cache.set(folder, (evidence = readFolder(files, folder)));
    return evidence;
  };
  return {
    decide(file, boundary, interpreter) {
      const decisions = new Map<string, VersionDecision>();
      const fromInterpreter = interpreter ? installedFromSitePackages(files, sitePackagesOfInterpreter(files, interpreter)) : new Map<string, Found>();
      for (const library of libraries) {
        const name = normalizeName(library.distribution);
        const configured = fromInterpreter.get(name);
        decisions.set(library.id, configured ? exactDecision(library, configured.value, 'installed', configured.file) : decideFromFolders(library, name, file, boundary, evidenceOf));
      }
      return decisions;
    },
    clear: () => cache.clear(),
  };
}

function decideFromFolders(library: LibrarySpec, name: string, file: string, boundary: string | undefined, evidenceOf: (folder: string) => FolderEvidence): VersionDecision {
  for (const folder of foldersAbove(file, boundary)) {
    const evidence = evidenceOf(folder);
    const installed = evidence.installed.get(name);
    if (installed) return exactDecision(library, installed.value, 'installed', installed.file);
    const locked = evidence.locked.get(name);
    if (locked) return exactDecision(library, locked.value, 'locked', locked.file);
    const declared = evidence.declared.get(name);
    if (declared) return declaredDecision(library, declared.value, declared.file);
  }
  return assumedDecision(library);
}

function readFolder(files: ProjectFileSystem, folder: string): FolderEvidence {
  const installed = new Map<string, Found>();
  for (const venv of VENV_FOLDERS) {
    if (!files.isFile(path.join(folder, venv, 'pyvenv.cfg'))) continue;
    for (const [name, found] of installedFromSitePackages(files, sitePackagesOfVenv(files, path.join(folder, venv)))) if (!installed.has(name)) installed.set(name, found);
  }
  const locked = new Map<string, Found>();
  for (const kind of LOCK_FILES) {
    const file = path.join(folder, kind);
    const text = files.readText(file);
    if (text === undefined) continue;
    for (const [name, version] of attempt(() => parseLockFile(kind, text)) ?? []) if (!locked.has(name)) locked.set(name, { value: version, file });
  }
  const declared = new Map<string, Found>();
  const addDeclared = (file: string, requirements: DeclaredRequirements | undefined) => {
    for (const [name, specifier] of requirements?.requirements ?? []) if (!declared.has(name)) declared.set(name, { value: specifier, file });
  };
  addDeclared(path.join(folder, 'pyproject.toml'), readParsed(files, path.join(folder, 'pyproject.toml'), parsePyprojectRequirements));
  addDeclared(path.join(folder, 'setup.cfg'), readParsed(files, path.join(folder, 'setup.cfg'), parseSetupCfgRequirements));
  for (const file of requirementFiles(files, folder)) readRequirementsTree(files, file, new Set(), addDeclared);
  return { installed, locked, declared };
}

/** `requirements*.txt` in the folder and `*.txt` in its `requirements/` folder, sorted. */
function requirementFiles(files: ProjectFileSystem, folder: string): string[] {
  const found = files.list(folder).filter((name) => /^requirements.*\.txt$/.test(name)).map((name) => path.join(folder, name));
  const nested = path.join(folder, 'requirements');
  found.push(...files.list(nested).filter((name) => name.endsWith('.txt')).map((name) => path.join(nested, name)));
  return found.sort();
}

/** A requirements file and the files it includes with `-r`/`-c`, each read once. */
function readRequirementsTree(files: ProjectFileSystem, file: string, seen: Set<string>, add: (file: string, requirements: DeclaredRequirements | undefined) => void): void {
  if (seen.has(file)) return;
  seen.add(file);
  const requirements = readParsed(files, file, parseRequirementsTxt);
  add(file, requirements);
  for (const include of requirements?.includes ?? []) readRequirementsTree(files, path.resolve(path.dirname(file), include), seen, add);
}

function sitePackagesOfVenv(files: ProjectFileSystem, venv: string): string[] {
  const unix = files.list(path.join(venv, 'lib'))
    .filter((name) => name.startsWith('python'))
    .map((name) => path.join(venv, 'lib', name, 'site-packages'));
  return [...unix, path.join(venv, 'Lib', 'site-packages')];
}

/** `<venv>/bin/python` → that environment's site-packages. */
function sitePackagesOfInterpreter(files: ProjectFileSystem, interpreter: string): string[] {
  return sitePackagesOfVenv(files, path.dirname(path.dirname(path.resolve(interpreter))));
}

function installedFromSitePackages(files: ProjectFileSystem, folders: readonly string[]): Map<string, Found> {
  const installed = new Map<string, Found>();
  for (const folder of folders) {
    for (const entry of files.list(folder).filter((name) => name.endsWith('.dist-info'))) {
      const file = path.join(folder, entry, 'METADATA');
      const metadata = attempt(() => parseDistInfoMetadata(files.readText(file) ?? ''));
      if (metadata && !installed.has(metadata.name)) installed.set(metadata.name, { value: metadata.version, file });
    }
  }
  return installed;
}

function readParsed<T>(files: ProjectFileSystem, file: string, parse: (text: string) => T): T | undefined {
  const text = files.readText(file);
  return text === undefined ? undefined : attempt(() => parse(text));
}

/** A broken project file is ignored rather than allowed to stop the analysis. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
