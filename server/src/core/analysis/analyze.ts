/**
 * One analysis of one document version: a single query pass over the tree collects imports,
 * assignments and calls; calls of catalogued callables are bound; every check runs over them;
 * rule settings and suppression comments decide what is reported. Never throws on odd input.
 */
import type { Catalog } from '../../catalog';
import { CHECKS } from '../checks';
import { collectSuppressions } from '../suppressions';
import { Capture } from '../syntax/queries';
import type { QueryCapture, SyntaxNode } from '../syntax/parser';
import type { BoundCall, Finding, Severity } from '../types';
import { createCallBinder } from './callSites';
import { collectImports, type ImportTable } from './imports';
import { createNameResolver } from './names';

/** What a user (settings, pyproject, CLI flags) decides about an analysis. */
export type AnalysisOptions = {
  /** Library id → version in use; libraries not named get the catalog's newest version. */
  readonly versions?: Readonly<Record<string, string>>;
  /** Library id → every release the project allows, when only a range is known. */
  readonly allowedVersions?: Readonly<Record<string, readonly string[]>>;
  /** Library id → where its version came from ("settings", "uv.lock"), shown next to the version. */
  readonly versionSources?: Readonly<Record<string, string>>;
  /** Rule code → severity, or "off". */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** Seconds the PG301 fix writes as `timeout=` (settings, else pyproject `default-timeout`). */
  readonly defaultTimeout?: number;
};

export type Analysis = {
  readonly text: string;
  readonly calls: readonly BoundCall[];
  readonly findings: readonly Finding[];
  readonly imports: ImportTable;
  readonly options: AnalysisOptions;
};

export const EMPTY_IMPORTS: ImportTable = { names: new Map(), wildcardModules: [], fromImportEnds: new Map() };

/** Analyses a parsed document. `runOutline` is the compiled outline query. */
export function analyzeTree(
  root: SyntaxNode,
  text: string,
  catalog: Catalog,
  runOutline: (root: SyntaxNode) => QueryCapture[],
  options: AnalysisOptions = {},
): Analysis {
  const captures = runOutline(root);
  const byName = (name: string) => captures.filter((capture) => capture.name === name).map((capture) => capture.node);
  const imports = collectImports(byName(Capture.importStatement));
  const knowsAnyImport = [...imports.names.values(), ...imports.wildcardModules].some((qualified) => catalog.knowsModule(qualified.split('.')[0]));
  if (!knowsAnyImport) return { text, calls: [], findings: [], imports, options };

  const versionOf = (libraryId: string) => options.versions?.[libraryId] ?? catalog.libraries.find((library) => library.id === libraryId)?.newestVersion ?? '0';
  const bind = createCallBinder({
    text,
    catalog,
    imports,
    resolveName: createNameResolver({
      assignments: byName(Capture.assignment),
      rebindings: byName(Capture.rebinding),
      withAliases: byName(Capture.withAlias),
      attributeAssignments: byName(Capture.attributeAssignment),
    }),
    versionOf,
    allowedVersionsOf: (libraryId) => options.allowedVersions?.[libraryId] ?? [versionOf(libraryId)],
  });
  const calls = byName(Capture.call)
    .map((node) => bind(node))
    .filter((call): call is BoundCall => call !== undefined);

  const context = { text, catalog, imports, calls };
  const suppressions = collectSuppressions(
    text,
    byName(Capture.comment).map((node) => ({ start: node.startIndex, end: node.endIndex })),
  );
  const findings = CHECKS.flatMap((check) => check(context))
    .map((finding) => withSeverity(finding, options))
    .filter((finding): finding is Finding => finding !== undefined && !suppressions.isSuppressed(finding))
    .sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { text, calls, findings, imports, options };
}

function withSeverity(finding: Finding, options: AnalysisOptions): Finding | undefined {
  const setting = options.severities?.[finding.code];
  if (setting === 'off') return undefined;
  return setting ? { ...finding, severity: setting } : finding;
}
