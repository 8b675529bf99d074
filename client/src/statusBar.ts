/**
 * The status bar item: the library versions Pool Guide assumes for the active Python file, where
 * each came from (tooltip), and a click that opens the file that decided.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { VERSIONS_CHANGED_NOTIFICATION, VERSIONS_REQUEST, type VersionsReport } from '../../server/src/protocol';

export const OPEN_VERSION_SOURCE_COMMAND = 'poolGuide.openVersionSource';

export function createVersionStatusBar(client: BaseLanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('poolGuide.versions', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Pool Guide versions';
  let report: VersionsReport = { libraries: [] };

  const refresh = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'python') {
      item.hide();
      return;
    }
    const uri = editor.document.uri.toString();
    report = await client.sendRequest<VersionsReport>(VERSIONS_REQUEST, { uri });
    if (vscode.window.activeTextEditor?.document.uri.toString() !== uri) return;
    if (report.libraries.length === 0) {
      item.hide();
      return;
    }
    item.text = `Pool Guide: ${report.libraries.map((entry) => `${entry.library} ${entry.version}`).join(' · ')}`;
    item.accessibilityInformation = { label: `${item.text}. ${report.libraries.map((entry) => `${entry.library} ${entry.version} from ${entry.source}`).join('; ')}` };
    item.tooltip = new vscode.MarkdownString(report.libraries.map((entry) => `**${entry.library} ${entry.version}** — ${entry.source}`).join('\n\n'));
    item.command = report.libraries.some((entry) => entry.fileUri) ? OPEN_VERSION_SOURCE_COMMAND : undefined;
    item.show();
  };

  const openSource = async () => {
    const sources = report.libraries.filter((entry) => entry.fileUri);
    const chosen =
      sources.length === 1
        ? sources[0]
        : (await vscode.window.showQuickPick(sources.map((entry) => ({ label: `${entry.library} ${entry.version}`, description: entry.source, entry })), { title: 'Open the file that decided the version' }))?.entry;
    if (chosen?.fileUri) await vscode.window.showTextDocument(vscode.Uri.parse(chosen.fileUri));
  };

  const refreshSafely = () => void refresh().catch(() => item.hide());
  refreshSafely();
  return vscode.Disposable.from(
    item,
    vscode.commands.registerCommand(OPEN_VERSION_SOURCE_COMMAND, openSource),
    vscode.window.onDidChangeActiveTextEditor(refreshSafely),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('poolGuide') && refreshSafely()),
    client.onNotification(VERSIONS_CHANGED_NOTIFICATION, refreshSafely),
  );
}
