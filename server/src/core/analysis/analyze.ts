/**
 * One analysis of one document version: a query pass over the tree collects imports, assignments
 * and calls; calls of catalogued callables are bound; on first use of `findings`, every check runs
 * over them and rule settings and suppression comments decide what is reported. A lazy analysis
 * binds only the calls asked for, and reads only the parts of the tree they need. Without an import
 * of a catalogued module there is nothing to bind (prefilter.ts lets callers skip parsing such
 * texts). Never throws on odd input.
 */
import type { Catalog } from '../../catalog';
import { CHECKS } from '../checks';
import { findRule } from '../rules';
import { collectSuppressions, SUPPRESSION_MARKER } from '../suppressions';
import { NodeKind } from '../syntax/nodeKinds';
import { Capture } from '../syntax/queries';
import type { RunQuery, SyntaxNode } from '../syntax/parser';
import type { AttributeWrite, BoundCall, CallPlace, Finding, Severity, TextEdit, TextSpan } from '../types';
import { collectAttributeWrites } from './attributeWrites';
import { createCallBinder, type CallSiteContext } from './callSites';
import { createCallShapes, type CallShapes } from './callShapes';
import { collectConcurrentUses } from './concurrency';
import type { ConcurrentUse } from './concurrency/types';
import { createEnclosing, type Enclosing } from './enclosing';
import { createPlaces } from './repetition';
import { collectFileTables, importsCatalogPath, type FileTables } from './fileTables';
import { collectImports, type ImportTable } from './imports';
import { collectBindings } from './bindings';
import { createNameResolver, type NameResolver } from './names';
import { createOutline, type Captures, type Outline } from './outline';
import type { WorkspaceValues } from '../workspace/lookup';
import { createEffectiveConfigs, type EffectiveConfigs } from '../config/configQueries';

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
  /** Values other modules of the workspace define; without it, an imported name stays unknown. */
  readonly workspace?: WorkspaceValues;
};

export type Analysis = {
  readonly text: string;
  readonly calls: readonly BoundCall[];
  readonly findings: readonly Finding[];
  readonly imports: ImportTable;
  readonly options: AnalysisOptions;
  /** Shared clients used by concurrent tasks, with how many requests run at once (concurrency/). */
  readonly concurrentUses: readonly ConcurrentUse[];
  /** The effective configuration of each call, computed once and read by the cards, the checks and the fixes. */
  readonly configs: EffectiveConfigs;
};

const EMPTY_IMPORTS: ImportTable = { names: new Map(), wildcardModules: [], fromImportEnds: new Map(), fromImportedNames: new Map() };

/** The analysis of a text in which nothing catalogued occurs (or that could not be parsed). */
export function emptyAnalysis(text: string, options: AnalysisOptions, catalog: Catalog): Analysis {
  return { text, calls: [], findings: [], imports: EMPTY_IMPORTS, options, concurrentUses: [], configs: createEffectiveConfigs(catalog) };
}

/**
 * An analysis that binds calls only when asked: a hover binds the calls around the cursor (and the
 * calls their arguments name), not every call of a large module. It reads the tree, so it must be
 * used before the tree is edited or deleted (ParsedDocument drops it on every change); `complete()`'s
 * result reads no tree.
 */
export type LazyAnalysis = {
  readonly text: string;
  readonly options: AnalysisOptions;
  /** The same object as `complete().configs`. */
  readonly configs: EffectiveConfigs;
  /** The bound calls whose span holds `offset` (either end included), in document order: the very objects of `complete().calls`. */
  callsAround(offset: number): readonly BoundCall[];
  /** The whole analysis, computed once. */
  complete(): Analysis;
};

/** What a lazy analysis starts from: a parsed text, its tree's outline, and the file tables of that tree (see fileTables.ts). */
export type AnalysisInput = {
  readonly root: SyntaxNode;
  readonly text: string;
  readonly catalog: Catalog;
  readonly outline: Outline;
  readonly tables: FileTables;
  readonly options: AnalysisOptions;
};

/** Analyses a parsed document. `runOutline` is the compiled outline query. */
export function analyzeTree(root: SyntaxNode, text: string, catalog: Catalog, runOutline: RunQuery, options: AnalysisOptions = {}): Analysis {
  const outline = createOutline(root, runOutline);
  return analyzeLazily({ root, text, catalog, outline, tables: collectFileTables(outline.all(), catalog), options }).complete();
}

/** A complete analysis seen as a lazy one: nothing is left to bind. */
export function completedAnalysis(analysis: Analysis): LazyAnalysis {
  return { text: analysis.text, options: analysis.options, configs: analysis.configs, callsAround: (offset) => callsAround(analysis.calls, offset), complete: () => analysis };
}

/**
 * Starts an analysis; calls wait until asked for. Until every call is, the passes over the whole
 * tree wait too: a call's loop bodies are found around it, and names (assignments anywhere in its
 * scope) are indexed on first use.
 */
export function analyzeLazily({ root, text, catalog, outline, tables, options }: AnalysisInput): LazyAnalysis {
  // Every callee is bound through an import (or a subclass of an imported class): no import of a
  // catalogued callable or of a module or class above one, nothing to bind.
  if (!importsCatalogPath(tables, catalog)) return completedAnalysis({ ...emptyAnalysis(text, options, catalog), imports: collectImports(outline.all()(Capture.importStatement)) });

  let wholeEnclosing: Enclosing | undefined;
  const fileEnclosing = () => (wholeEnclosing ??= createEnclosing(root, outline.all()(Capture.scope), outline.all()(Capture.loopBody)));
  const enclosingAround = (node: SyntaxNode) => {
    const around = outline.around({ start: node.startIndex, end: node.endIndex });
    return createEnclosing(root, around(Capture.scope), around(Capture.loopBody));
  };
  const enclosing: Enclosing = {
    scopeOf: (node) => fileEnclosing().scopeOf(node),
    inLoop: (node) => (wholeEnclosing ?? enclosingAround(node)).inLoop(node),
    loopBodyAround: (node) => (wholeEnclosing ?? enclosingAround(node)).loopBodyAround(node),
  };
  let names: NameResolver | undefined;
  const nameResolver = () => (names ??= createResolver(outline.all(), fileEnclosing(), shapes));
  const resolveName: NameResolver = {
    name: (identifier) => nameResolver().name(identifier),
    selfAttribute: (attribute) => nameResolver().selfAttribute(attribute),
    classAttribute: (classNode, name) => nameResolver().classAttribute(classNode, name),
    argumentsFor: (parameter) => nameResolver().argumentsFor(parameter),
    dictWrites: (holder, built) => nameResolver().dictWrites(holder, built),
  };
  const shapes = createCallShapes();
  const versionOf = (libraryId: string) => options.versions?.[libraryId] ?? catalog.libraries.find((library) => library.id === libraryId)?.newestVersion ?? '0';
  const context: CallSiteContext = {
    text,
    catalog,
    imports: tables.imports,
    resolveName,
    versionOf,
    allowedVersionsOf: (libraryId) => options.allowedVersions?.[libraryId] ?? [versionOf(libraryId)],
    subclasses: tables.subclasses,
    enclosing,
    workspace: options.workspace,
    shapes,
  };
  let binder = createCallBinder(context);
  const configs = createEffectiveConfigs(catalog); // Keyed by BoundCall: the calls of a replaced binder simply drop out.
  let analysis: Analysis | undefined;

  // Binding all calls in document order is what the analysis means. Binding a few first gives the
  // same objects as long as no call was reached again while being bound (a cycle through names):
  // then the order would matter, and the whole analysis starts again from scratch.
  const complete = (): Analysis => {
    if (analysis) return analysis;
    const all = outline.all();
    fileEnclosing(); // Every call asks whether it runs in a loop: find all loop bodies at once.
    const placeOfNode = createPlaces({ text, enclosing: fileEnclosing(), calls: all(Capture.call), shapes, loops: all(Capture.loop), decorated: all(Capture.decorated) });
    const places = new Map<BoundCall, CallPlace>();
    const calls: BoundCall[] = [];
    // Error recovery may make a call of junk (`(.Limits( pool-guide: ignore[P))`): no fix edits one.
    const brokenCalls: TextSpan[] = [];
    for (const node of all(Capture.call)) {
      if (node.hasError) brokenCalls.push({ start: node.startIndex, end: node.endIndex });
      const call = binder.bind(node);
      if (call === undefined) continue;
      calls.push(call);
      places.set(call, placeOfNode(node));
    }
    const attributeWrites = collectAttributeWrites(all(Capture.attributeAssignment), catalog, { text, resolveName, bindCall: binder.bind });
    const imports = collectImports(all(Capture.importStatement));
    const concurrentUses = collectConcurrentUses({
      evaluation: { text, resolveName, bindCall: binder.bind },
      catalog,
      imports: tables.imports,
      enclosing,
      callNodes: all(Capture.call),
      functions: all(Capture.scope).filter((scope) => scope.type === NodeKind.functionDefinition),
      bound: calls,
      shapes,
    });
    analysis = withFindings({ text, calls, imports, options, concurrentUses, configs }, { catalog, attributeWrites, places, brokenCalls, comments: suppressionComments(root, text) });
    return analysis;
  };
  return {
    text,
    options,
    configs,
    callsAround(offset) {
      if (analysis) return callsAround(analysis.calls, offset);
      const around = outline
        .around({ start: Math.max(0, offset - 1), end: offset + 1 })(Capture.call)
        .filter((node) => node.startIndex <= offset && offset <= node.endIndex)
        .map((node) => binder.bind(node))
        .filter((call): call is BoundCall => call !== undefined);
      if (!binder.sawCycle()) return around;
      binder = createCallBinder(context);
      return callsAround(complete().calls, offset);
    },
    complete,
  };
}

/**
 * The analysis with its findings: checks and suppressions run on first use of `findings` (hovers
 * need only `calls`); they read text and BoundCalls, never the tree, so this is safe after the tree
 * is replaced.
 */
function withFindings(
  base: Omit<Analysis, 'findings'>,
  {
    catalog,
    attributeWrites,
    places,
    brokenCalls,
    comments,
  }: { catalog: Catalog; attributeWrites: readonly AttributeWrite[]; places: ReadonlyMap<BoundCall, CallPlace>; brokenCalls: readonly TextSpan[]; comments: readonly TextSpan[] },
): Analysis {
  const { text, calls, imports, options, concurrentUses, configs } = base;
  let findings: readonly Finding[] | undefined;
  const computeFindings = () => {
    const placeOf = (call: BoundCall) => places.get(call) ?? {};
    const context = { text, catalog, configs, imports, calls, attributeWrites, placeOf, concurrentUses, defaultTimeout: options.defaultTimeout };
    const suppressions = collectSuppressions(text, comments);
    // A construction that is only compared configures nothing: rules about use stay silent on it.
    const compared = new Set(calls.filter((call) => places.get(call)?.compared).map((call) => spanKey(call.span)));
    return CHECKS.flatMap((check) => check(context))
      .filter((finding) => !(findRule(finding.code)?.aboutUse && compared.has(spanKey(finding.callSpan))))
      .map((finding) => withoutFixesInside(finding, brokenCalls))
      .map((finding) => withSeverity(finding, options))
      .filter((finding): finding is Finding => finding !== undefined && !suppressions.isSuppressed(finding))
      .sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  };
  return {
    text,
    calls,
    imports,
    options,
    concurrentUses,
    configs,
    get findings() {
      return (findings ??= computeFindings());
    },
  };
}

/** The finding without the fixes that edit inside one of `spans`. */
function withoutFixesInside(finding: Finding, spans: readonly TextSpan[]): Finding {
  const inside = (edit: TextEdit) => spans.some((span) => span.start <= edit.span.start && edit.span.end <= span.end);
  const fixes = finding.fixes.filter((fix) => !fix.edits.some(inside));
  return fixes.length === finding.fixes.length ? finding : { ...finding, fixes };
}

function callsAround(calls: readonly BoundCall[], offset: number): readonly BoundCall[] {
  return calls.filter((call) => call.span.start <= offset && offset <= call.span.end);
}

/** The name resolver of a whole tree: every binding by scope, `self.x` assignments, every call (for the arguments passed to parameters). */
function createResolver(all: Captures, enclosing: Enclosing, shapes: CallShapes): NameResolver {
  const bindings = collectBindings(
    {
      assignments: all(Capture.assignment),
      rebindings: all(Capture.rebinding),
      withAliases: all(Capture.withAlias),
      asAliases: all(Capture.asAlias),
      opaqueBindings: all(Capture.opaqueBinding),
      imports: all(Capture.importStatement),
      scopes: all(Capture.scope),
    },
    enclosing,
  );
  const sources = {
    attributeAssignments: all(Capture.attributeAssignment),
    subscriptAssignments: all(Capture.subscriptAssignment),
    deletions: all(Capture.opaqueBinding),
    calls: all(Capture.call),
    shapes,
  };
  return createNameResolver(bindings, sources, enclosing);
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

function spanKey(span: TextSpan): string {
  return `${span.start}:${span.end}`;
}

function withSeverity(finding: Finding, options: AnalysisOptions): Finding | undefined {
  const setting = options.severities?.[finding.code];
  if (setting === 'off') return undefined;
  return setting ? { ...finding, severity: setting } : finding;
}
