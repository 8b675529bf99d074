/**
 * The library versions a document's project uses, for the analysis and the status bar: the
 * `poolGuide.versions` setting first, then what the project files say (see project/detectVersions.ts),
 * else the newest release in the catalog. Documents whose URI maps to no path (see project/projectFiles.ts) have no project.
 */
import * as path from 'path';
import type { LibrarySpec } from '../catalog/schema';
import type { AnalysisOptions } from '../core/analysis/analyze';
import { assumedDecision, describeDecision, exactDecision, type VersionDecision } from '../core/versions/decide';
import type { VersionDetector } from '../project/detectVersions';
import type { ProjectFiles } from '../project/projectFiles';
import type { Settings } from '../protocol';

export type ProjectVersions = {
  /** Library id → decision for a document. */
  decisionsFor(uri: string, settings: Settings): Map<string, VersionDecision>;
  /** The analysis options those decisions imply. */
  optionsFor(uri: string, settings: Settings): Pick<AnalysisOptions, 'versions' | 'versionSources' | 'allowedVersions'>;
  /** A decision's source as the user reads it (file paths relative to the workspace folder). */
  describe(uri: string, decision: VersionDecision): string;
  /** The URI of a file that decided a version, for the client to open. */
  uriOf(file: string): string;
};

export function createProjectVersions(libraries: readonly LibrarySpec[], detector: VersionDetector, files: ProjectFiles, workspaceFolders: () => readonly string[]): ProjectVersions {
  const folderOf = (file: string) => workspaceFolders().find((folder) => file === folder || file.startsWith(folder + path.sep));
  const decisionsFor = (uri: string, settings: Settings) => {
    const file = files.pathOf(uri);
    const detected = file ? detector.decide(file, folderOf(file), interpreterPath(settings.interpreter, folderOf(file) ?? path.dirname(file))) : new Map(libraries.map((library) => [library.id, assumedDecision(library)]));
    for (const library of libraries) {
      const configured = settings.versions[library.id];
      if (configured) detected.set(library.id, exactDecision(library, configured, 'settings'));
    }
    return detected;
  };
  const describe = (uri: string, decision: VersionDecision) => {
    const file = files.pathOf(uri);
    const folder = file ? folderOf(file) : undefined;
    return describeDecision(decision, decision.file && folder ? path.relative(folder, decision.file) : decision.file);
  };
  return {
    decisionsFor,
    describe,
    uriOf: (file) => files.uriOf(file),
    optionsFor(uri, settings) {
      const versions: Record<string, string> = {};
      const versionSources: Record<string, string> = {};
      const allowedVersions: Record<string, readonly string[]> = {};
      for (const [id, decision] of decisionsFor(uri, settings)) {
        versions[id] = decision.version;
        versionSources[id] = describe(uri, decision);
        allowedVersions[id] = decision.allowed;
      }
      return { versions, versionSources, allowedVersions };
    },
  };
}

/** The configured interpreter as an absolute path: relative paths and `${workspaceFolder}` count from the workspace folder. */
export function interpreterPath(setting: string, folder: string): string | undefined {
  if (setting === '') return undefined;
  return path.resolve(folder, setting.replace(/^\$\{workspaceFolder\}[\\/]?/, ''));
}
