/**
 * Publishes diagnostics for a document shortly after its last change (debounced per document;
 * a newer change cancels the pending run), and clears them when it closes.
 */
import type { Connection } from 'vscode-languageserver';
import { toLspDiagnostic } from '../convert';
import type { Session } from '../session';

/** Quiet time after the last keystroke before a document is analysed. */
const DEBOUNCE_MS = 120;

export type DiagnosticsPublisher = {
  schedule(uri: string): void;
  clear(uri: string): void;
  refreshAll(): void;
};

export function createDiagnosticsPublisher(connection: Connection, session: Session): DiagnosticsPublisher {
  const pending = new Map<string, NodeJS.Timeout>();
  const publish = async (uri: string) => {
    pending.delete(uri);
    try {
      const result = await session.analysis(uri);
      const document = session.get(uri);
      if (!document) return;
      const diagnostics = result ? result.analysis.findings.map((finding) => toLspDiagnostic(result.document.lsp, finding)) : [];
      await connection.sendDiagnostics({ uri, version: document.lsp.version, diagnostics });
    } catch (error) {
      connection.console.error(`Pool Guide: diagnostics for ${uri} failed: ${String(error)}`);
    }
  };
  return {
    schedule(uri) {
      clearTimeout(pending.get(uri));
      pending.set(uri, setTimeout(() => void publish(uri), DEBOUNCE_MS));
    },
    clear(uri) {
      clearTimeout(pending.get(uri));
      pending.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    refreshAll() {
      for (const uri of session.uris()) this.schedule(uri);
    },
  };
}
