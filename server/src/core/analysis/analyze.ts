/**
 * One analysis of one document version: a single query pass over the tree collects imports,
 * assignments and calls; calls of catalogued callables are bound; on first use of `findings`,
 * every check runs over them and rule settings and suppression comments decide what is reported.
 * Without an import of a catalogued module there is nothing to bind (prefilter.ts lets callers skip
 * parsing such texts). Never throws on odd input.
 */
import type { Catalog } from '../../catalog';
import { CHECKS } from '../checks';
import { collectSuppressions, SUPPRESSION_MARKER } from '../suppressions';
import { NodeKind } from '../syntax/nodeKinds';
import { Capture } from '../syntax/queries';
import type { QueryCapture, SyntaxNode } from '../syntax/parser';
import type { BoundCall, Finding, Severity, TextSpan } from '../types';
import { collectAttributeWrites } from './attributeWrites';
import { createCallBinder } from './callSites';
import { createEnclosing } from './enclosing';
import { collectImports, type ImportTable } from './imports';
import { createNameResolver } from './names';
import { collectSubclasses } from './subclasses';

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

const EMPTY_IMPORTS: ImportTable = { names: new Map(), wildcardModules: [], fromImportEnds: new Map(), fromImportedNames: new Map() };

/** The analysis of a text in which nothing catalogued occurs (or that could not be parsed). */
export function emptyAnalysis(text: string, options: AnalysisOptions): Analysis {
  return { text, calls: [], findings: [], imports: EMPTY_IMPORTS, options };
}

/** Analyses a parsed document. `runOutline` is the compiled outline query. */
export function analyzeTree(
  root: SyntaxNode,
  text: string,
  catalog: Catalog,
  runOutline: (root: SyntaxNode) => QueryCapture[],
  options: AnalysisOptions = {},
): Analysis {
  const byName = groupCaptures(runOutline(root));
  const imports = collectImports(byName(Capture.importStatement));
  // Every callee is bound through an import (or a subclass of an imported class): no import of a
  // catalogued callable or of a module or class above one, nothing to bind.
  const importsAnyCatalogPath = [...imports.names.values(), ...imports.wildcardModules].some((qualified) => catalog.knowsPath(qualified));
  if (!importsAnyCatalogPath) return { ...emptyAnalysis(text, options), imports };

  const versionOf = (libraryId: string) => options.versions?.[libraryId] ?? catalog.libraries.find((library) => library.id === libraryId)?.newestVersion ?? '0';
  const enclosing = createEnclosing(root, byName(Capture.scope), byName(Capture.loopBody));
  const resolveName = createNameResolver(
    {
      assignments: byName(Capture.assignment),
      rebindings: byName(Capture.rebinding),
      withAliases: byName(Capture.withAlias),
      attributeAssignments: byName(Capture.attributeAssignment),
    },
    enclosing,
  );
  const bind = createCallBinder({
    text,
    catalog,
    imports,
    resolveName,
    versionOf,
    allowedVersionsOf: (libraryId) => options.allowedVersions?.[libraryId] ?? [versionOf(libraryId)],
    subclasses: collectSubclasses(byName(Capture.classDefinition), imports, catalog),
    enclosing,
  });
  const calls = byName(Capture.call)
    .map((node) => bind(node))
    .filter((call): call is BoundCall => call !== undefined);
  const attributeWrites = collectAttributeWrites(byName(Capture.attributeAssignment), { text, resolveName, bindCall: bind });

  // Checks and suppressions run on first use of `findings` (hovers need only `calls`); they read
  // text and BoundCalls, never the tree, so this is safe after the tree is replaced.
  const comments = suppressionComments(root, text);
  let findings: readonly Finding[] | undefined;
  const computeFindings = () => {
    const context = { text, catalog, imports, calls, attributeWrites, defaultTimeout: options.defaultTimeout };
    const suppressions = collectSuppressions(text, comments);
    return CHECKS.flatMap((check) => check(context))
      .map((finding) => withSeverity(finding, options))
      .filter((finding): finding is Finding => finding !== undefined && !suppressions.isSuppressed(finding))
      .sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  };
  return {
    text,
    calls,
    imports,
    options,
    get findings() {
      return (findings ??= computeFindings());
    },
  };
}

/** One pass over the captures: capture name → nodes, in document order. */
function groupCaptures(captures: readonly QueryCapture[]): (name: string) => SyntaxNode[] {
  const groups = new Map<string, SyntaxNode[]>();
  for (const { name, node } of captures) {
    const group = groups.get(name);
    if (group) group.push(node);
    else groups.set(name, [node]);
  }
  return (name) => groups.get(name) ?? [];
}

/** The spans of the comments that hold a suppression marker: found in the text, confirmed in the tree. */
function suppressionComments(root: SyntaxNode, text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(SUPPRESSION_MARKER)) {
    const node = root.descendantForIndex(match.index);
    if (node?.type === NodeKind.comment && spans.at(-1)?.start !== node.startIndex) spans.push({ start: node.startIndex, end: node.endIndex });
  }
  return spans;
}

function withSeverity(finding: Finding, options: AnalysisOptions): Finding | undefined {
  const setting = options.severities?.[finding.code];
  if (setting === 'off') return undefined;
  return setting ? { ...finding, severity: setting } : finding;
}
