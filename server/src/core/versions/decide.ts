/**
 * Turns what a project says about a library (an installed or locked version, a pin, a range, a
 * setting, or nothing) into the version the analysis assumes, plus every catalogued release the
 * project allows, so that a name removed anywhere in that range can be flagged.
 */
import * as pep440 from '@renovatebot/pep440';
import type { LibrarySpec } from '../../catalog/schema';

export type VersionEvidenceKind = 'settings' | 'installed' | 'locked' | 'declared' | 'assumed';

export type VersionDecision = {
  readonly libraryId: string;
  /** The version the analysis uses. */
  readonly version: string;
  readonly kind: VersionEvidenceKind;
  /** The file that decided (absolute path), when a file did. */
  readonly file?: string;
  /** The declared specifier, when only a range is known. */
  readonly specifier?: string;
  /** Every catalogued release the evidence allows (just `version` for an exact one). */
  readonly allowed: readonly string[];
};

/** An exact version from settings, an installed distribution or a lock file. */
export function exactDecision(library: LibrarySpec, version: string, kind: 'settings' | 'installed' | 'locked', file?: string): VersionDecision {
  return { libraryId: library.id, version, kind, file, allowed: [version] };
}

/** A declared requirement: `==X` is exact; a range assumes the newest catalogued release it allows. */
export function declaredDecision(library: LibrarySpec, specifier: string, file: string): VersionDecision {
  const exact = /^===?\s*(\d+(?:\.\d+)*)$/.exec(specifier.trim());
  if (exact) return { libraryId: library.id, version: exact[1], kind: 'declared', file, specifier, allowed: [exact[1]] };
  const allowed = specifier.trim() === '' ? [...library.releases] : safeFilter(library.releases, specifier);
  const version = allowed[allowed.length - 1] ?? library.newestVersion;
  return { libraryId: library.id, version, kind: 'declared', file, specifier, allowed: allowed.length > 0 ? allowed : [version] };
}

/** Nothing known: the newest release in the catalog. */
export function assumedDecision(library: LibrarySpec): VersionDecision {
  return { libraryId: library.id, version: library.newestVersion, kind: 'assumed', allowed: [library.newestVersion] };
}

/** A short phrase for hover cards and the status bar: `uv.lock`, `requirements.txt: >=0.27,<0.28`. */
export function describeDecision(decision: VersionDecision, relativeFile?: string): string {
  const file = relativeFile ?? decision.file;
  switch (decision.kind) {
    case 'settings':
      return 'poolGuide.versions setting';
    case 'installed':
      return `installed: ${file}`;
    case 'locked':
      return `${file}`;
    case 'declared':
      return decision.allowed.length > 1 ? `assumed from ${file}: ${decision.specifier}` : `${file}`;
    case 'assumed':
      return 'assumed: newest in the catalog';
  }
}

/** The releases every clause of `specifier` allows: clause by clause, stopping once none is left (pins that contradict each other cost one clause). */
function safeFilter(releases: readonly string[], specifier: string): string[] {
  try {
    let allowed = [...releases];
    for (const clause of specifier.split(',')) {
      if (allowed.length === 0) break;
      if (clause.trim() !== '') allowed = allowed.filter((release) => pep440.satisfies(release, clause));
    }
    return allowed;
  } catch {
    return [];
  }
}
