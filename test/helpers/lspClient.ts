/**
 * A small LSP test client for the BUNDLED server: spawns `node dist/server.js --stdio`, speaks
 * real JSON-RPC over its stdio (vscode-jsonrpc), answers `workspace/configuration` with settings
 * the test provides, records every `publishDiagnostics` and `window/logMessage`, and awaits them
 * with deadlines (never sleeps). `shutdownAndExit` checks exit code 0 and an empty stderr.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type LogMessageParams,
  type MessageConnection,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The repository root (this file compiles to out/test/helpers/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const BUNDLED_SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

/** Default deadline for any awaited answer or notification. */
export const DEADLINE_MS = 10_000;

/** `poolGuide` settings as the client would return them, per resource uri. */
export type SettingsProvider = (scopeUri: string | undefined) => unknown;

export type ClientOptions = {
  /** Advertise `workspace.configuration` and answer the server's requests with these settings. */
  readonly settings?: unknown | SettingsProvider;
  /** Extra process arguments for node (before the script). */
  readonly nodeArgs?: readonly string[];
  /** Advertise `workspace.inlayHint.refreshSupport` (the server then asks for refreshes). */
  readonly inlayHintRefresh?: boolean;
  /** Advertise `workspace.didChangeWatchedFiles.dynamicRegistration` (the server then registers its file watchers). */
  readonly watchFiles?: boolean;
};

type Waiter = { readonly accept: (params: PublishDiagnosticsParams) => boolean; readonly resolve: (params: PublishDiagnosticsParams) => void };

export class LspTestClient {
  readonly logMessages: LogMessageParams[] = [];
  /** Every publishDiagnostics received, in order, with whether a waiter already took it. */
  readonly published: { params: PublishDiagnosticsParams; taken: boolean }[] = [];
  /** Methods of server→client requests, in order (e.g. workspace/configuration). */
  readonly serverRequests: string[] = [];
  /** What the server registered dynamically (client/registerCapability), in order. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly startedAt: number;
  private stderr = '';
  private readonly waiters = new Set<Waiter>();
  private readonly logWaiters = new Set<{ readonly pattern: RegExp; readonly resolve: (message: string) => void }>();
  private readonly exited: Promise<number | null>;
  private settings: unknown | SettingsProvider;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    private readonly pullsConfiguration: boolean,
    settings: unknown | SettingsProvider,
    private readonly refreshesInlayHints: boolean,
    private readonly watchesFiles = false,
  ) {
    this.startedAt = performance.now();
    this.settings = settings;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const entry = { params, taken: false };
      this.published.push(entry);
      for (const waiter of this.waiters) {
        if (waiter.accept(params)) {
          entry.taken = true;
          this.waiters.delete(waiter);
          waiter.resolve(params);
          break;
        }
      }
    });
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logMessages.push(params);
      for (const waiter of this.logWaiters) if (waiter.pattern.test(params.message)) waiter.resolve(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.serverRequests.push('workspace/configuration');
      return params.items.map((item) => {
        const value = typeof this.settings === 'function' ? (this.settings as SettingsProvider)(item.scopeUri) : this.settings;
        return item.section === 'poolGuide' ? (value ?? null) : null;
      });
    });
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.serverRequests.push('client/registerCapability');
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('workspace/inlayHint/refresh', () => {
      this.serverRequests.push('workspace/inlayHint/refresh');
      return null;
    });
    connection.onUnhandledNotification(() => undefined);
    connection.listen();
  }

  /** Spawns the bundled server. Call `initialize` next. */
  static start(options: ClientOptions = {}): LspTestClient {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BUNDLED_SERVER, '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    return new LspTestClient(child, connection, options.settings !== undefined, options.settings, options.inlayHintRefresh === true, options.watchFiles === true);
  }

  /** initialize + initialized (with these workspace folders, if any); resolves with the server's InitializeResult. */
  async initialize(workspaceFolders: readonly { uri: string; name: string }[] | null = null): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders,
      capabilities: {
        workspace: {
          configuration: this.pullsConfiguration,
          didChangeConfiguration: { dynamicRegistration: true },
          inlayHint: { refreshSupport: this.refreshesInlayHints },
          didChangeWatchedFiles: { dynamicRegistration: this.watchesFiles },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: false },
        },
        general: { positionEncodings: ['utf-16'] },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Sends a request and fails if no answer comes before the deadline. */
  request<R>(method: string, params: unknown, deadlineMs = DEADLINE_MS): Promise<R> {
    return withDeadline(this.connection.sendRequest<R>(method, params), deadlineMs, () => `no answer to ${method} within ${deadlineMs} ms`);
  }

  didOpen(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
  }

  didChange(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  didClose(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Replaces the settings the client answers with, and tells the server they changed. */
  changeSettings(settings: unknown | SettingsProvider): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  codeAction(uri: string, range: Range, context: CodeActionContext): Promise<(CodeAction | { command: string })[] | null> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context });
  }

  /**
   * The next not-yet-taken publishDiagnostics for `uri` with exactly `version` (null: without a
   * version, as sent on close). Looks at what already arrived first; fails at the deadline with a
   * list of everything that did arrive.
   */
  diagnostics(uri: string, version: number | null, deadlineMs = DEADLINE_MS): Promise<PublishDiagnosticsParams> {
    const accept = (params: PublishDiagnosticsParams) => params.uri === uri && (params.version ?? null) === version;
    const earlier = this.published.find((entry) => !entry.taken && accept(entry.params));
    if (earlier) {
      earlier.taken = true;
      return Promise.resolve(earlier.params);
    }
    let waiter: Waiter | undefined;
    const arrived = new Promise<PublishDiagnosticsParams>((resolve) => {
      waiter = { accept, resolve };
      this.waiters.add(waiter);
    });
    return withDeadline(arrived, deadlineMs, () => {
      if (waiter) this.waiters.delete(waiter);
      const seen = this.published.map(({ params, taken }) => `${params.uri}@${params.version ?? 'none'}: ${params.diagnostics.length} diagnostic(s)${taken ? ' (taken)' : ''}`);
      return `no publishDiagnostics for ${uri} version ${version ?? 'none'} within ${deadlineMs} ms; arrived: [${seen.join('; ') || 'nothing'}]`;
    });
  }

  /** The first log message (already received or still to come) that matches `pattern`; fails at the deadline. */
  logged(pattern: RegExp, deadlineMs = DEADLINE_MS): Promise<string> {
    const earlier = this.logMessages.find((params) => pattern.test(params.message));
    if (earlier) return Promise.resolve(earlier.message);
    let waiter: { pattern: RegExp; resolve: (message: string) => void } | undefined;
    const arrived = new Promise<string>((resolve) => this.logWaiters.add((waiter = { pattern, resolve })));
    return withDeadline(arrived, deadlineMs, () => {
      if (waiter) this.logWaiters.delete(waiter);
      return `no log message matching ${pattern} within ${deadlineMs} ms`;
    });
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the server wrote to stderr so far. */
  get stderrText(): string {
    return this.stderr;
  }

  /** shutdown → exit; resolves with the exit code and stderr once the process has ended. */
  async shutdownAndExit(deadlineMs = DEADLINE_MS): Promise<{ code: number | null; stderr: string }> {
    await this.request('shutdown', undefined, deadlineMs);
    await this.connection.sendNotification('exit');
    const code = await withDeadline(this.exited, deadlineMs, () => `server did not exit within ${deadlineMs} ms after exit`);
    this.connection.dispose();
    return { code, stderr: this.stderr };
  }

  /** Kills the process if a test left it running (for `after` hooks). */
  dispose(): void {
    this.connection.dispose();
    if (this.alive) this.child.kill();
  }
}

/** Resolves or rejects like `promise`, or rejects with `message()` after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** The line index of the last text asked about (tests ask many positions of one large text). */
let lastDocument: TextDocument | undefined;

function documentOf(text: string): TextDocument {
  if (lastDocument?.getText() !== text) lastDocument = TextDocument.create('untitled:positions', 'python', 0, text);
  return lastDocument;
}

/**
 * The LSP position (UTF-16 columns) of an offset in `text`, as an LSP client computes it
 * (vscode-languageserver-textdocument: `\n`, `\r\n` and a lone `\r` each end a line).
 */
export function positionAt(text: string, offset: number): Position {
  return documentOf(text).positionAt(offset);
}

/** The offset of an LSP position in `text` (clamped to the text, as an LSP client does). */
export function offsetAt(text: string, position: Position): number {
  return documentOf(text).offsetAt(position);
}

/** The range of text[start, end). */
export function rangeOf(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}

/** The range of the `occurrence`-th (0-based) `needle` in `text`; throws if it is absent. */
export function rangeOfText(text: string, needle: string, occurrence = 0): Range {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" (occurrence ${occurrence}) not found`);
  }
  return rangeOf(text, index, index + needle.length);
}

/** Applies LSP text edits (non-overlapping, ranges in the original text) to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const resolved = edits.map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }));
  resolved.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of resolved) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The edits a WorkspaceEdit makes to one document (`changes` form). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

/** Applies one incremental change to a text, as the server should. */
export function applyChange(text: string, change: { range: Range; text: string }): string {
  return text.slice(0, offsetAt(text, change.range.start)) + change.text + text.slice(offsetAt(text, change.range.end));
}

/** Diagnostics reduced to what tests compare: code, severity and range. */
export function summarize(diagnostics: readonly Diagnostic[]): { code: unknown; severity: unknown; range: Range }[] {
  return diagnostics.map((diagnostic) => ({ code: diagnostic.code, severity: diagnostic.severity, range: diagnostic.range }));
}
