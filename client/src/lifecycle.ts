/**
 * What the desktop and the web client share once they have a language client: the output channel
 * and the restart command, the start itself, and the version status bar.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { createVersionStatusBar } from './statusBar';

export async function startClient(context: vscode.ExtensionContext, client: BaseLanguageClient, outputChannel: vscode.OutputChannel): Promise<void> {
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('poolGuide.restartServer', async () => {
      await client.stop();
      await client.start();
    }),
  );
  await client.start();
  context.subscriptions.push(createVersionStatusBar(client));
}
