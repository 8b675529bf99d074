/**
 * A Python document the core keeps parsed: its text, one tree per version (edited and reparsed
 * incrementally, the old tree deleted), and the analysis of that version, computed once on demand.
 * A text in which no import can name a catalogued module has nothing to analyse and keeps no tree
 * at all (see prefilter.ts): most files open in an editor cost their text only, and the first edit
 * that imports a catalogued module parses the document whole.
 */
import type { Catalog } from '../catalog';
import { analyzeTree, emptyAnalysis, type Analysis, type AnalysisOptions } from './analysis/analyze';
import { importsCatalogModule } from './prefilter';
import type { PythonParser, SyntaxNode, SyntaxTree, TextChange, QueryCapture } from './syntax/parser';

/** The parser, the compiled outline query and the catalog, shared by every document. */
export type AnalysisEngine = {
  readonly parser: PythonParser;
  readonly runOutline: (root: SyntaxNode) => QueryCapture[];
  readonly catalog: Catalog;
};

export class ParsedDocument {
  private tree: SyntaxTree | undefined;
  private cached: { analysis: Analysis; options: AnalysisOptions } | undefined;

  constructor(
    private readonly engine: AnalysisEngine,
    private currentText: string,
  ) {
    this.tree = this.parse(currentText, undefined);
  }

  get text(): string {
    return this.currentText;
  }

  /**
   * Applies changes in order (each in offsets of the text as it is before that change), then
   * reparses incrementally. `textAfter`, when the caller already holds the result (the LSP
   * document), is kept instead of a second copy: building and flattening a large string per
   * keystroke is not free.
   */
  applyChanges(changes: readonly TextChange[], textAfter?: string): void {
    let text = this.currentText;
    changes.forEach((change, index) => {
      if (this.tree) this.engine.parser.editTree(this.tree, text, change);
      text = textAfter !== undefined && index === changes.length - 1 ? textAfter : text.slice(0, change.start) + change.newText + text.slice(change.end);
    });
    this.replace(text, this.tree);
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
    if (this.cached && this.isAnalysed(options)) {
      this.cached.options = options;
      return this.cached.analysis;
    }
    const analysis = this.tree
      ? analyzeTree(this.tree.rootNode, this.currentText, this.engine.catalog, this.engine.runOutline, options)
      : emptyAnalysis(this.currentText, options);
    this.cached = { analysis, options };
    return analysis;
  }

  /** True when `analysis(options)` would answer from the cache, without any work. */
  isAnalysed(options: AnalysisOptions): boolean {
    return this.cached !== undefined && sameOptions(this.cached.options, options);
  }

  /** Frees the tree; the document must not be used afterwards. */
  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.cached = undefined;
  }

  private parse(text: string, editedTree: SyntaxTree | undefined): SyntaxTree | undefined {
    return importsCatalogModule(this.engine.catalog, text) ? this.engine.parser.parse(text, editedTree) : undefined;
  }

  private replace(text: string, editedTree: SyntaxTree | undefined): void {
    const next = this.parse(text, editedTree);
    this.tree?.delete();
    this.tree = next;
    this.currentText = text;
    this.cached = undefined;
  }
}

/** Options are plain data: the same object, or the same JSON. */
function sameOptions(a: AnalysisOptions, b: AnalysisOptions): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
