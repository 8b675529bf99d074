/**
 * A Python document the core keeps parsed: its text, one tree per version (edited and reparsed
 * incrementally, the old tree deleted), and the analysis of that version, computed once on demand.
 */
import type { Catalog } from '../catalog';
import { analyzeTree, EMPTY_IMPORTS, type Analysis, type AnalysisOptions } from './analysis/analyze';
import type { PythonParser, SyntaxNode, SyntaxTree, TextChange, QueryCapture } from './syntax/parser';

/** The parser, the compiled outline query and the catalog, shared by every document. */
export type AnalysisEngine = {
  readonly parser: PythonParser;
  readonly runOutline: (root: SyntaxNode) => QueryCapture[];
  readonly catalog: Catalog;
};

export class ParsedDocument {
  private tree: SyntaxTree | undefined;
  private cached: { analysis: Analysis; optionsKey: string } | undefined;

  constructor(
    private readonly engine: AnalysisEngine,
    private currentText: string,
  ) {
    this.tree = engine.parser.parse(currentText);
  }

  get text(): string {
    return this.currentText;
  }

  /** Applies changes in order (each in offsets of the text as it is before that change), then reparses incrementally. */
  applyChanges(changes: readonly TextChange[]): void {
    let text = this.currentText;
    for (const change of changes) {
      if (this.tree) this.engine.parser.editTree(this.tree, text, change);
      text = text.slice(0, change.start) + change.newText + text.slice(change.end);
    }
    this.replace(text, this.tree);
  }

  /** Replaces the whole text (full sync). */
  setText(text: string): void {
    this.replace(text, undefined);
  }

  /** The analysis of the current text under these options; computed once per version and options. */
  analysis(options: AnalysisOptions = {}): Analysis {
    const optionsKey = JSON.stringify(options);
    if (this.cached?.optionsKey === optionsKey) return this.cached.analysis;
    const analysis = this.tree
      ? analyzeTree(this.tree.rootNode, this.currentText, this.engine.catalog, this.engine.runOutline, options)
      : { text: this.currentText, calls: [], findings: [], imports: EMPTY_IMPORTS, options };
    this.cached = { analysis, optionsKey };
    return analysis;
  }

  /** Frees the tree; the document must not be used afterwards. */
  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.cached = undefined;
  }

  private replace(text: string, editedTree: SyntaxTree | undefined): void {
    const next = this.engine.parser.parse(text, editedTree);
    this.tree?.delete();
    this.tree = next;
    this.currentText = text;
    this.cached = undefined;
  }
}
