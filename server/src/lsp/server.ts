/**
 * The whole server on one screen: capabilities, and one table of which handler serves which
 * notification or request. Handlers are thin shells over the core; each catches its own errors.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { createEngine } from '../core/engine';
import type { WasmPaths } from '../core/syntax/parser';
import { FIX_ALL_KIND, handleCodeAction } from './handlers/codeAction';
import { createDiagnosticsPublisher } from './handlers/diagnostics';
import { handleHover } from './handlers/hover';
import { handleInlayHint } from './handlers/inlayHint';
import { handleVersions } from './handlers/versions';
import { createProjectVersions } from './projectVersions';
import { Session } from './session';
import { createVersionDetector } from '../project/detectVersions';
import type { ProjectFiles } from '../project/projectFiles';
import { VERSIONS_CHANGED_NOTIFICATION, VERSIONS_REQUEST } from '../protocol';
import { createSettingsFetcher } from './settings';
import { WorkspaceIndex } from '../project/workspaceIndex';
import { summarizeText } from '../core/workspace/summarize';
import { createToolConfigProvider } from './toolConfig';

/**
 * What differs between the Node server and the web worker one: where the two wasm files are (the
 * worker learns it from its client's initialize request), how project files are read, and what
 * runs it (for the log).
 */
export type ServerOptions = {
  readonly wasm: WasmPaths | ((params: InitializeParams) => WasmPaths);
  readonly files: ProjectFiles;
  readonly runtime: string;
};

export const SERVER_NAME = 'pool-guide';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection, options: ServerOptions): void {
  let session: Session | undefined;
  let pullsConfiguration = false;
  let publisher: ReturnType<typeof createDiagnosticsPublisher> | undefined;
  let workspaceFolders: string[] = [];
  let clearVersionCache = () => {};
  let refreshesInlayHints = false;
  let watchesFiles = false;
  let workspaceIndex: WorkspaceIndex | undefined;

  /**
   * Runs a handler once the session exists, turning exceptions into a log line and an empty answer;
   * a ResponseError (a honoured cancellation) goes back to the client as it is.
   */
  const guarded =
    <P, R>(name: string, empty: R, handler: (session: Session, params: P, token?: CancellationToken) => Promise<R> | R) =>
    async (params: P, token?: CancellationToken): Promise<R> => {
      if (!session) return empty;
      try {
        return await handler(session, params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`Pool Guide: ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return empty;
      }
    };

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    const engine = await createEngine(typeof options.wasm === 'function' ? options.wasm(params) : options.wasm);
    const { files } = options;
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => files.pathOf(folder.uri)).filter((folder): folder is string => folder !== undefined);
    const detector = createVersionDetector(engine.catalog.libraries, files);
    const projectVersions = createProjectVersions(engine.catalog.libraries, detector, files, () => workspaceFolders);
    const toolConfig = createToolConfigProvider(files, () => workspaceFolders, (message) => connection.console.warn(message));
    // Answers that read other modules may change: diagnostics are published again (hovers ask anew anyway).
    workspaceIndex = new WorkspaceIndex(files, (text) => summarizeText(engine.parser, text), { onChange: () => publisher?.refreshAll() });
    session = new Session(engine, createSettingsFetcher(connection, () => pullsConfiguration), projectVersions, toolConfig, workspaceIndex);
    watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    refreshesInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    clearVersionCache = () => detector.clear();
    publisher = createDiagnosticsPublisher(connection, session);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        inlayHintProvider: true,
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    connection.console.info(`Pool Guide ${SERVER_VERSION} ready (${options.runtime})`);
    if (pullsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (watchesFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.py' }] });
    // In the background: the first diagnostics and hovers do not wait for it, and it waits for diagnostics under way.
    const index = workspaceIndex;
    const started = performance.now();
    void index
      ?.build(workspaceFolders, () => publisher?.idle() ?? Promise.resolve())
      .then(() => index.ready && connection.console.info(`Pool Guide: workspace index: ${index.fileCount} modules in ${Math.round(performance.now() - started)} ms`))
      .catch((error) => connection.console.error(`Pool Guide: workspace index failed: ${String(error)}`));
  });

  connection.onDidOpenTextDocument(
    guarded('didOpen', undefined, (current, params) => {
      current.open(params.textDocument.uri, params.textDocument.version, params.textDocument.text);
      publisher?.schedule(params.textDocument.uri);
    }),
  );
  connection.onDidChangeTextDocument(
    guarded('didChange', undefined, (current, params) => {
      current.change(params.textDocument.uri, params.textDocument.version, params.contentChanges);
      publisher?.schedule(params.textDocument.uri);
    }),
  );
  connection.onDidCloseTextDocument(
    guarded('didClose', undefined, (current, params) => {
      current.close(params.textDocument.uri);
      publisher?.clear(params.textDocument.uri);
    }),
  );
  connection.onDidChangeConfiguration(
    guarded('didChangeConfiguration', undefined, (current) => {
      current.clearSettings();
      publisher?.refreshAll();
      if (refreshesInlayHints) void connection.languages.inlayHint.refresh();
    }),
  );
  connection.onDidChangeWatchedFiles(
    guarded('didChangeWatchedFiles', undefined, (current, params) => {
      const sources = params.changes.filter((change) => change.uri.endsWith('.py'));
      for (const change of sources) {
        const file = options.files.pathOf(change.uri);
        if (file) workspaceIndex?.fileChanged(file, change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed');
      }
      if (sources.length === params.changes.length && sources.length > 0) return;
      clearVersionCache();
      current.clearOptions();
      publisher?.refreshAll();
      // Versions decide which arguments are positional and so which get inlay hints.
      if (refreshesInlayHints) void connection.languages.inlayHint.refresh();
      void connection.sendNotification(VERSIONS_CHANGED_NOTIFICATION);
    }),
  );
  connection.onRequest(VERSIONS_REQUEST, guarded('versions', { libraries: [] }, handleVersions));
  connection.onHover(guarded('hover', null, handleHover));
  connection.onCodeAction(guarded('codeAction', [], handleCodeAction));
  connection.languages.inlayHint.on(guarded('inlayHint', [], handleInlayHint));
  connection.onShutdown(() => {
    workspaceIndex?.cancel();
    session?.dispose();
  });
}
