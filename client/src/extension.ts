/**
 * The VS Code desktop client (the web one is webExtension.ts): starts the bundled language server
 * over node IPC for Python files, forwards the `poolGuide` settings and project-file changes, and
 * shows the detected library versions in the status bar; a restart command and an output channel.
 * No analysis here.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { VERSION_FILE_GLOB } from '../../server/src/protocol';
import { startClient } from './lifecycle';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Pool Guide', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    synchronize: { configurationSection: 'poolGuide', fileEvents: vscode.workspace.createFileSystemWatcher(VERSION_FILE_GLOB) },
    outputChannel,
  };
  client = new LanguageClient('poolGuide', 'Pool Guide', serverOptions, clientOptions);
  await startClient(context, client, outputChannel);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
