/**
 * The state of one server: open documents (the LSP text for positions, the core's parsed document
 * for analysis), the analysis engine, and settings per resource. No globals: a test may start
 * as many sessions as it likes.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions, Analysis, LazyAnalysis } from '../core/analysis/analyze';
import { severitiesFor } from '../core/config/ruleSelection';
import { ParsedDocument, type AnalysisEngine } from '../core/document';
import { findRule } from '../core/rules';
import type { Severity } from '../core/types';
import type { Settings } from '../protocol';
import type { TextChange } from '../core/syntax/parser';
import type { WorkspaceIndex } from '../project/workspaceIndex';
import type { ProjectVersions } from './projectVersions';
import type { DocumentToolConfig, ToolConfigProvider } from './toolConfig';

export type OpenDocument = {
  readonly lsp: TextDocument;
  readonly parsed: ParsedDocument;
};

/** An open document, and the analysis options last computed for it (reused until its version or settings change). */
type Entry = { lsp: TextDocument; parsed: ParsedDocument; options?: { version: number; settings: Settings; generation: number; value: AnalysisOptions } };

export class Session {
  private readonly documents = new Map<string, Entry>();
  /** Settings of open documents only, so that the cache never outgrows them. */
  private readonly settings = new Map<string, Promise<Settings>>();

  constructor(
    readonly engine: AnalysisEngine,
    private readonly fetchSettings: (uri: string) => Promise<Settings>,
    readonly projectVersions: ProjectVersions,
    private readonly toolConfigFor: ToolConfigProvider,
    /** The values of the workspace's other modules; open documents' texts go into it. */
    readonly workspace?: WorkspaceIndex,
  ) {}

  open(uri: string, version: number, text: string): void {
    this.close(uri);
    this.documents.set(uri, { lsp: TextDocument.create(uri, 'python', version, text), parsed: new ParsedDocument(this.engine, text) });
    this.setWorkspaceText(uri, text);
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
    else entry.parsed.applyChanges(offsetChanges, lsp.getText());
    entry.lsp = lsp;
    this.setWorkspaceText(uri, lsp.getText());
  }

  close(uri: string): void {
    if (this.documents.has(uri)) this.setWorkspaceText(uri, undefined);
    this.documents.get(uri)?.parsed.dispose();
    this.documents.delete(uri);
    this.settings.delete(uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  /**
   * The analysis of the document's current version under its resource's settings, or undefined when
   * disabled. With a token, when the analysis is not ready yet (long work ahead), messages already
   * received are let through first and a `$/cancelRequest` among them is honoured: this throws
   * RequestCancelled instead of doing the work.
   */
  async analysis(uri: string, token?: CancellationToken): Promise<{ document: OpenDocument; analysis: Analysis } | undefined> {
    const ready = await this.ready(uri, token);
    return ready && { document: ready.document, analysis: ready.document.parsed.analysis(ready.options) };
  }

  /**
   * Like `analysis`, but calls are bound only as they are asked for (a hover needs the few around
   * the cursor). Use the result at once, before awaiting anything: it reads the current tree.
   */
  async lazyAnalysis(uri: string, token?: CancellationToken): Promise<{ document: OpenDocument; analysis: LazyAnalysis } | undefined> {
    const ready = await this.ready(uri, token);
    return ready && { document: ready.document, analysis: ready.document.parsed.lazyAnalysis(ready.options) };
  }

  /** The open document and its options, once settings are known and (with a token) a pending cancellation was honoured. */
  private async ready(uri: string, token?: CancellationToken): Promise<{ document: Entry; options: AnalysisOptions } | undefined> {
    const settings = await this.settingsFor(uri);
    let document = this.documents.get(uri);
    if (!document || !settings.enable) return undefined;
    if (token && !document.parsed.isAnalysed(this.optionsFor(uri, document, settings))) {
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Pool Guide: request cancelled');
      document = this.documents.get(uri); // A change or close may have come in meanwhile.
      if (!document) return undefined;
    }
    return { document, options: this.optionsFor(uri, document, settings) };
  }

  /**
   * The options of a document: computed (project files read) once per version and settings, and
   * then the same object, so that the hover path neither touches the disk nor compares options.
   */
  private optionsFor(uri: string, document: Entry, settings: Settings): AnalysisOptions {
    const cached = document.options;
    const generation = this.workspace?.generation ?? 0;
    if (cached?.version === document.lsp.version && cached.settings === settings && cached.generation === generation) return cached.value;
    const workspace = this.workspace?.valuesFor(this.workspace.pathOf(uri));
    const value = { ...analysisOptions(settings, this.toolConfigFor(uri)), ...this.projectVersions.optionsFor(uri, settings), ...(workspace ? { workspace } : {}) };
    document.options = { version: document.lsp.version, settings, generation, value };
    return value;
  }

  private setWorkspaceText(uri: string, text: string | undefined): void {
    const file = this.workspace?.pathOf(uri);
    if (file !== undefined) this.workspace?.setOpenText(file, text);
  }

  settingsFor(uri: string): Promise<Settings> {
    let settings = this.settings.get(uri);
    if (!settings) {
      settings = this.fetchSettings(uri);
      if (this.documents.has(uri)) this.settings.set(uri, settings);
    }
    return settings;
  }

  clearSettings(): void {
    this.settings.clear();
  }

  /** Project files changed: every document's options are computed afresh on next use. */
  clearOptions(): void {
    for (const document of this.documents.values()) document.options = undefined;
  }

  dispose(): void {
    for (const uri of this.uris()) this.close(uri);
  }
}

/**
 * Settings and `[tool.pool-guide]` → core options: rule names become codes; the settings win, except
 * over the table's path patterns: an excluded document runs no rule, `per-file-ignores` drop theirs.
 */
export function analysisOptions(settings: Settings, { config: toolConfig, file }: DocumentToolConfig = { config: {}, file: { excluded: false, ignore: [] } }): AnalysisOptions {
  const severity: Record<string, Severity | 'off'> = {};
  for (const [rule, level] of Object.entries(settings.severity)) {
    const code = findRule(rule)?.code;
    if (code) severity[code] = level;
  }
  const defaultTimeout = settings.defaultTimeout ?? toolConfig.defaultTimeout;
  return { versions: settings.versions, severities: severitiesFor([toolConfig, { severity }, file.excluded ? { select: [] } : { ignore: file.ignore }]), ...(defaultTimeout !== undefined ? { defaultTimeout } : {}) };
}
