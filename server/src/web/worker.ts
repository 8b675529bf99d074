/**
 * The language server in a Web Worker (vscode.dev, github.dev, code-server's browser extension
 * host): the same `startServer` as `node dist/server.js`, over the worker's message port. Only the
 * edges differ: the wasm files are fetched from the URLs the client passes in `initializationOptions`,
 * and project files are the texts the client sends (`PROJECT_FILES_NOTIFICATION`). No Node API.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { PROJECT_FILES_NOTIFICATION, type ProjectFilesParams, type WebInitializationOptions } from '../protocol';
import { createMemoryProjectFiles } from './memoryProjectFiles';

/** The worker's global scope, as far as this module uses it. */
type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0] & { setImmediate?: (callback: () => void) => void };

const scope = globalThis as unknown as WorkerScope;
// The session yields once with setImmediate (Node) to let pending messages in; a worker has timers only.
scope.setImmediate ??= (callback: () => void) => setTimeout(callback, 0);

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const files = createMemoryProjectFiles();
connection.onNotification(PROJECT_FILES_NOTIFICATION, (params: ProjectFilesParams) => files.update(params.files));
startServer(connection, {
  wasm: (params) => {
    const options = params.initializationOptions as WebInitializationOptions;
    files.update(options.projectFiles);
    return options.wasm;
  },
  files,
  runtime: 'web worker',
});
connection.listen();
