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
  /** Resolves once no diagnostics run is pending or under way (background work waits for it). */
  idle(): Promise<void>;
};

export function createDiagnosticsPublisher(connection: Connection, session: Session): DiagnosticsPublisher {
  const pending = new Map<string, NodeJS.Timeout>();
  let running = 0;
  let waiting: (() => void)[] = [];
  const settle = () => {
    if (pending.size > 0 || running > 0) return;
    const resume = waiting;
    waiting = [];
    for (const resolve of resume) resolve();
  };
  const publish = async (uri: string) => {
    pending.delete(uri);
    running++;
    try {
      const result = await session.analysis(uri);
      const document = session.get(uri);
      if (!document) return;
      const diagnostics = result ? result.analysis.findings.map((finding) => toLspDiagnostic(result.document.lsp, finding)) : [];
      await connection.sendDiagnostics({ uri, version: document.lsp.version, diagnostics });
    } catch (error) {
      connection.console.error(`Pool Guide: diagnostics for ${uri} failed: ${String(error)}`);
    } finally {
      running--;
      settle();
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
      settle();
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    refreshAll() {
      // A run already pending reads the new state when it fires: postponing it would only delay it.
      for (const uri of session.uris()) if (!pending.has(uri)) this.schedule(uri);
    },
    idle() {
      return new Promise((resolve) => {
        waiting.push(resolve);
        settle();
      });
    },
  };
}
