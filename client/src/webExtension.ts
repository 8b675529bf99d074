/**
 * The VS Code web client (vscode.dev, github.dev, any browser extension host): starts the same
 * language server in a Web Worker (`dist/web/server.js`) for Python files of any scheme, tells it
 * where the wasm files are, and, because the worker cannot read files, reads the project files
 * that decide versions and `[tool.pool-guide]` through `vscode.workspace.fs` (virtual file systems
 * included) and sends their texts: all of them at start, then each as it changes.
 */
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  BrowserMessageReader,
  BrowserMessageWriter,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type LanguageClientOptions,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import { PROJECT_FILES_NOTIFICATION, VERSION_FILE_GLOB, type ProjectFileContent, type ProjectFilesParams, type WebInitializationOptions } from '../../server/src/protocol';
import { startClient } from './lifecycle';

/** Bounds on what is read at start: a project has far fewer files that name versions. */
const MAX_PROJECT_FILES = 2000;
const MAX_PROJECT_FILE_BYTES = 2 * 1024 * 1024;

/** The browser's Worker, as far as this module uses it (the extension is compiled without the DOM library). */
type WorkerPort = ConstructorParameters<typeof BrowserMessageReader>[0] & { terminate(): void };
declare const Worker: new (url: string) => WorkerPort;

/** A client that starts a fresh worker on every start (the first, a restart, after a crash). */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: WorkerPort | undefined;

  constructor(options: LanguageClientOptions, private readonly serverUrl: string) {
    super('poolGuide', 'Pool Guide', options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    this.worker = new Worker(this.serverUrl);
    return Promise.resolve({ reader: new BrowserMessageReader(this.worker), writer: new BrowserMessageWriter(this.worker) });
  }
}

let client: WorkerLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Pool Guide', { log: true });
  const inDist = (file: string) => browserUrl(vscode.Uri.joinPath(context.extensionUri, 'dist', file));
  const [runtime, grammar, serverUrl] = await Promise.all([inDist('web-tree-sitter.wasm'), inDist('tree-sitter-python.wasm'), inDist('web/server.js')]);
  // The project files as they are now, kept up to date, for every (re)start of the worker.
  const projectFiles = new Map<string, ProjectFileContent>();
  for (const file of await Promise.all((await vscode.workspace.findFiles(VERSION_FILE_GLOB, undefined, MAX_PROJECT_FILES)).map(readProjectFile))) projectFiles.set(file.uri, file);
  const initializationOptions = (): WebInitializationOptions => ({
    wasm: { runtime, grammar },
    projectFiles: [...projectFiles.values()],
  });
  client = new WorkerLanguageClient(
    { documentSelector: [{ language: 'python' }], synchronize: { configurationSection: 'poolGuide' }, initializationOptions, outputChannel },
    serverUrl,
  );
  const watcher = vscode.workspace.createFileSystemWatcher(VERSION_FILE_GLOB);
  const forward = (type: FileChangeType) => async (uri: vscode.Uri) => {
    // The text first, then the event that makes the server read it again: both in order on one channel.
    const file = type === FileChangeType.Deleted ? { uri: uri.toString(), text: null } : await readProjectFile(uri);
    projectFiles.set(file.uri, file);
    const params: ProjectFilesParams = { files: [file] };
    await client?.sendNotification(PROJECT_FILES_NOTIFICATION, params);
    await client?.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri.toString(), type }] });
  };
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(forward(FileChangeType.Created)),
    watcher.onDidChange(forward(FileChangeType.Changed)),
    watcher.onDidDelete(forward(FileChangeType.Deleted)),
  );
  await startClient(context, client, outputChannel);
}

/**
 * A URL the worker can load: the extension's own on the web (https). An extension installed on a
 * remote (code-server: `vscode-remote:`) cannot start a worker from its URI, and the worker's fetch
 * does not know that scheme; the extension host's fetch does, and the response says which http URL
 * it came from (the browser cache then serves the worker).
 */
async function browserUrl(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'https' || uri.scheme === 'http') return uri.toString(true);
  const response = await fetch(uri.toString(true));
  if (!response.ok || !/^https?:/.test(response.url)) throw new Error(`Pool Guide: cannot load ${uri.toString(true)} (${response.status} ${response.url})`);
  void response.body?.cancel();
  return response.url;
}

/** A project file's text; null when it cannot be read or is too large to be a project file. */
async function readProjectFile(uri: vscode.Uri): Promise<ProjectFileContent> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { uri: uri.toString(), text: bytes.byteLength > MAX_PROJECT_FILE_BYTES ? null : new TextDecoder().decode(bytes) };
  } catch {
    return { uri: uri.toString(), text: null };
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
