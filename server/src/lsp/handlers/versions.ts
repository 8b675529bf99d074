/**
 * `poolGuide/versions`: for the status bar, the catalogued libraries a document imports, the
 * version assumed for each, and the file that decided it.
 */
import type { LibraryVersionReport, VersionsParams, VersionsReport } from '../../protocol';
import type { Session } from '../session';

export async function handleVersions(session: Session, params: VersionsParams): Promise<VersionsReport> {
  const result = await session.analysis(params.uri);
  if (!result) return { libraries: [] };
  const importedModules = new Set([...result.analysis.imports.names.values(), ...result.analysis.imports.wildcardModules].map((name) => name.split('.')[0]));
  const settings = await session.settingsFor(params.uri);
  const decisions = session.projectVersions.decisionsFor(params.uri, settings);
  const libraries: LibraryVersionReport[] = [];
  for (const library of session.engine.catalog.libraries) {
    const decision = decisions.get(library.id);
    if (!decision || !library.modules.some((module) => importedModules.has(module))) continue;
    libraries.push({
      library: library.displayName,
      version: decision.version,
      source: session.projectVersions.describe(params.uri, decision),
      fileUri: decision.file ? session.projectVersions.uriOf(decision.file) : undefined,
    });
  }
  return { libraries };
}
