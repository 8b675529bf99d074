/**
 * A Python document the core keeps parsed: its text, one tree per version (edited and reparsed
 * incrementally, the old tree deleted), and the analysis of that version, computed once on demand
 * (lazily for a hover: only the calls it asks for are bound, see LazyAnalysis).
 * A text in which no import can name a catalogued module has nothing to analyse and keeps no tree
 * at all (see prefilter.ts): most files open in an editor cost their text only, and the first edit
 * that imports a catalogued module parses the document whole.
 */
import type { Catalog } from '../catalog';
import { analyzeLazily, completedAnalysis, emptyAnalysis, type Analysis, type AnalysisOptions, type LazyAnalysis } from './analysis/analyze';
import { carryFileTables, collectFileTables, collectFileTablesOfTree, importsCatalogPath, type FileTables } from './analysis/fileTables';
import { createOutline, type Outline } from './analysis/outline';
import { importsCatalogModule } from './prefilter';
import { reparse, type PythonParser, type RunQuery, type SyntaxTree, type TextChange } from './syntax/parser';

/** The parser, the compiled outline query and the catalog, shared by every document. */
export type AnalysisEngine = {
  readonly parser: PythonParser;
  readonly runOutline: RunQuery;
  readonly catalog: Catalog;
};

export class ParsedDocument {
  private tree: SyntaxTree | undefined;
  /** The outline of `tree`, and its file tables, carried over edits that leave them as they are. */
  private outline: Outline | undefined;
  private tables: FileTables | undefined;
  /** Counts changes: an analysis started before the last one must not read the tree (edited in place or deleted). */
  private revision = 0;
  private cached: { lazy: LazyAnalysis; options: AnalysisOptions; analysis?: Analysis } | undefined;

  constructor(
    private readonly engine: AnalysisEngine,
    private currentText: string,
  ) {
    this.replace(currentText, undefined);
  }

  get text(): string {
    return this.currentText;
  }

  /**
   * Applies changes in order (each in offsets of the text as it is before that change), then
   * reparses incrementally; a single change that keeps every token edits the tree without a parse.
   * `textAfter`, when the caller already holds the result (the LSP document), is kept instead of a
   * second copy: building and flattening a large string per keystroke is not free.
   */
  applyChanges(changes: readonly TextChange[], textAfter?: string): void {
    if (changes.length === 1) {
      textAfter ??= applyChange(this.currentText, changes[0]);
      if (this.editInPlace(changes[0], textAfter)) return;
    }
    let text = this.currentText;
    changes.forEach((change, index) => {
      if (this.tree) this.engine.parser.editTree(this.tree, text, change);
      text = textAfter !== undefined && index === changes.length - 1 ? textAfter : applyChange(text, change);
    });
    this.replace(text, this.tree, changes.length === 1 ? changes[0] : undefined);
  }

  /** Replaces the whole text (full sync). */
  setText(text: string): void {
    this.replace(text, undefined);
  }

  /**
   * The analysis of the current text under these options; computed once per version and options.
   * Passing the same options object again is the fast path: nothing is compared or serialised.
   */
  analysis(options: AnalysisOptions = {}): Analysis {
    const cached = this.cachedFor(options, true);
    return (cached.analysis ??= cached.lazy.complete());
  }

  /**
   * The analysis of the current text under these options, binding calls only as they are asked for
   * (cached like `analysis`). It reads the current tree: use it at once; after a change or `dispose`
   * it throws rather than read a deleted tree, unless it was completed before.
   */
  lazyAnalysis(options: AnalysisOptions = {}): LazyAnalysis {
    return this.cachedFor(options, false).lazy;
  }

  /** True when `analysis(options)` would answer from the cache, without any work. */
  isAnalysed(options: AnalysisOptions): boolean {
    return this.cached?.analysis !== undefined && sameOptions(this.cached.options, options);
  }

  /** Frees the tree; the document must not be used afterwards. */
  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.outline = undefined;
    this.tables = undefined;
    this.cached = undefined;
  }

  /** The cache entry of these options, started afresh when they differ; `whole` when the caller completes it at once. */
  private cachedFor(options: AnalysisOptions, whole: boolean): { lazy: LazyAnalysis; analysis?: Analysis } {
    if (this.cached && sameOptions(this.cached.options, options)) {
      this.cached.options = options;
      return this.cached;
    }
    this.cached = { lazy: this.startAnalysis(options, whole), options };
    return this.cached;
  }

  /**
   * A whole analysis runs the outline query over the whole tree anyway, and its captures hold the
   * file tables' import and class nodes; a lazy one finds them by type (collectFileTablesOfTree).
   */
  private startAnalysis(options: AnalysisOptions, whole: boolean): LazyAnalysis {
    const tree = this.tree;
    const outline = this.outline;
    const revision = this.revision;
    if (!tree || !outline) return completedAnalysis(emptyAnalysis(this.currentText, options, this.engine.catalog));
    const catalog = this.engine.catalog;
    const tables = (this.tables ??= whole ? collectFileTables(outline.all(), catalog) : collectFileTablesOfTree(tree.rootNode, catalog));
    const lazy = analyzeLazily({ root: tree.rootNode, text: this.currentText, catalog, outline, tables, options });
    // The tree is deleted or edited on the next change: a late caller gets an error, never freed memory or other text.
    let completed: Analysis | undefined;
    const live = () => {
      if (this.revision !== revision && !completed) throw new Error('Pool Guide: the document changed since this analysis started');
    };
    return {
      text: lazy.text,
      options,
      get configs() {
        return lazy.configs;
      },
      callsAround(offset) {
        live();
        return lazy.callsAround(offset);
      },
      complete() {
        live();
        return (completed ??= lazy.complete());
      },
    };
  }

  /**
   * The tree of `text`: incremental from `editedTree` (see `reparse` for when it is parsed afresh);
   * without one, none when the text names no catalogued module.
   */
  private parse(text: string, editedTree: SyntaxTree | undefined): { tree: SyntaxTree | undefined; incremental: boolean } {
    if (editedTree) return reparse(this.engine.parser, text, editedTree);
    return importsCatalogModule(this.engine.catalog, text) ? { tree: this.engine.parser.parse(text), incremental: false } : { tree: undefined, incremental: false };
  }

  /** Parses the new text (incrementally from `editedTree`, which `change` alone turned into it, when given). */
  private replace(text: string, editedTree: SyntaxTree | undefined, change?: TextChange): void {
    const { tree: next, incremental } = this.parse(text, editedTree);
    const outline = next && createOutline(next.rootNode, this.engine.runOutline);
    // Changed ranges compare an edited tree with its incremental reparse only, and under error
    // recovery they may miss a region recovered differently (a test shows one): a broken tree
    // collects its tables anew, from its import and class nodes.
    const carried =
      this.tables && editedTree && incremental && next && !next.rootNode.hasError && outline && change
        ? carryFileTables(this.tables, change, this.engine.parser.changedRanges(editedTree, next), outline.around)
        : undefined;
    const tables = carried ?? (next && editedTree ? collectFileTablesOfTree(next.rootNode, this.engine.catalog) : undefined);
    this.adopt(text, next, outline, tables);
  }

  /**
   * Applies a change that keeps every token (see syntax/tokenEdit.ts) to the tree without a parse;
   * false, with nothing done, for any other change. The tree's structure is the same, so the file
   * tables carry over unless the change is in an import or class (then they are collected again,
   * and decide about the prefilter as after a parse).
   */
  private editInPlace(change: TextChange, text: string): boolean {
    const tree = this.tree;
    const parser = this.engine.parser;
    if (!tree || !parser.keepsTokens(tree, this.currentText, change)) return false;
    parser.editWithoutParse(tree, this.currentText, change, text);
    const outline = createOutline(tree.rootNode, this.engine.runOutline);
    const tables = (this.tables && carryFileTables(this.tables, change, [], outline.around)) ?? collectFileTablesOfTree(tree.rootNode, this.engine.catalog);
    this.adopt(text, tree, outline, tables);
    return true;
  }

  /**
   * Makes `tree` (with its outline and tables) the tree of `text`, and deletes every tree no longer
   * held. After an edit the tree's own imports (`tables`) tell whether the prefilter (sound for
   * them) would let the text through: it is asked (a scan of the whole text) only when they name
   * nothing catalogued, and a text it rejects keeps no tree.
   */
  private adopt(text: string, tree: SyntaxTree | undefined, outline: Outline | undefined, tables: FileTables | undefined): void {
    const kept = tree && !(tables && !this.keepsTree(tables, text)) ? tree : undefined;
    for (const held of new Set([this.tree, tree])) if (held && held !== kept) held.delete();
    this.tree = kept;
    this.outline = kept && outline;
    this.tables = kept && tables;
    this.currentText = text;
    this.cached = undefined;
    this.revision++;
  }

  /** Whether a parsed text keeps its tree: its imports name something catalogued, or the prefilter lets it through. */
  private keepsTree(tables: FileTables, text: string): boolean {
    return importsCatalogPath(tables, this.engine.catalog) || importsCatalogModule(this.engine.catalog, text);
  }
}

function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.newText + text.slice(change.end);
}

/** Options are plain data: the same object, or the same JSON. */
function sameOptions(a: AnalysisOptions, b: AnalysisOptions): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
