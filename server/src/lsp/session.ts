/**
 * The state of one server: open documents (the LSP text for positions, the core's parsed document
 * for analysis), the analysis engine, and settings per resource. No globals: a test may start
 * as many sessions as it likes.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions, Analysis } from '../core/analysis/analyze';
import { ParsedDocument, type AnalysisEngine } from '../core/document';
import { findRule } from '../core/rules';
import type { Severity } from '../core/types';
import type { Settings } from '../protocol';
import type { TextChange } from '../core/syntax/parser';
import type { ProjectVersions } from './projectVersions';

export type OpenDocument = {
  readonly lsp: TextDocument;
  readonly parsed: ParsedDocument;
};

export class Session {
  private readonly documents = new Map<string, { lsp: TextDocument; parsed: ParsedDocument }>();
  private readonly settings = new Map<string, Promise<Settings>>();

  constructor(
    readonly engine: AnalysisEngine,
    private readonly fetchSettings: (uri: string) => Promise<Settings>,
    readonly projectVersions: ProjectVersions,
  ) {}

  open(uri: string, version: number, text: string): void {
    this.close(uri);
    this.documents.set(uri, { lsp: TextDocument.create(uri, 'python', version, text), parsed: new ParsedDocument(this.engine, text) });
  }

  /** Applies LSP content changes in order, incrementally when they carry ranges. Ignores out-of-order versions. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const entry = this.documents.get(uri);
    if (!entry || version <= entry.lsp.version) return;
    let lsp = entry.lsp;
    const offsetChanges: TextChange[] = [];
    let fullText: string | undefined;
    for (const change of changes) {
      if ('range' in change) {
        offsetChanges.push({ start: lsp.offsetAt(change.range.start), end: lsp.offsetAt(change.range.end), newText: change.text });
      } else {
        fullText = change.text;
        offsetChanges.length = 0;
      }
      lsp = TextDocument.update(lsp, [change], version);
    }
    // After a full replacement, later ranged changes are relative to it: reparse the final text whole.
    if (fullText !== undefined) entry.parsed.setText(lsp.getText());
    else entry.parsed.applyChanges(offsetChanges);
    entry.lsp = lsp;
  }

  close(uri: string): void {
    this.documents.get(uri)?.parsed.dispose();
    this.documents.delete(uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  /** The analysis of the document's current version under its resource's settings, or undefined when disabled. */
  async analysis(uri: string): Promise<{ document: OpenDocument; analysis: Analysis } | undefined> {
    const settings = await this.settingsFor(uri);
    const document = this.documents.get(uri);
    if (!document || !settings.enable) return undefined;
    return { document, analysis: document.parsed.analysis({ ...analysisOptions(settings), ...this.projectVersions.optionsFor(uri, settings) }) };
  }

  settingsFor(uri: string): Promise<Settings> {
    let settings = this.settings.get(uri);
    if (!settings) this.settings.set(uri, (settings = this.fetchSettings(uri)));
    return settings;
  }

  clearSettings(): void {
    this.settings.clear();
  }

  dispose(): void {
    for (const uri of this.uris()) this.close(uri);
  }
}

/** Settings → core options: rule names become codes. */
export function analysisOptions(settings: Settings): AnalysisOptions {
  const severities: Record<string, Severity | 'off'> = {};
  for (const [rule, severity] of Object.entries(settings.severity)) {
    const code = findRule(rule)?.code;
    if (code) severities[code] = severity;
  }
  return { versions: settings.versions, severities };
}
