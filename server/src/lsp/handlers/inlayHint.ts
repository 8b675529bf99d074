/**
 * textDocument/inlayHint: the core's labels for tuple items and ambiguous positional arguments in
 * the requested range, unless `poolGuide.inlayHints.enable` is off for the document.
 */
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { inlayHints } from '../../core/inlayHints';
import { toLspInlayHint } from '../convert';
import type { Session } from '../session';

export async function handleInlayHint(session: Session, params: InlayHintParams, token?: CancellationToken): Promise<InlayHint[]> {
  const settings = await session.settingsFor(params.textDocument.uri);
  if (!settings.inlayHints.enable) return [];
  const result = await session.analysis(params.textDocument.uri, token);
  if (!result) return [];
  const lsp = result.document.lsp;
  const range = { start: lsp.offsetAt(params.range.start), end: lsp.offsetAt(params.range.end) };
  return inlayHints(result.analysis, session.engine.catalog, range).map((hint) => toLspInlayHint(lsp, hint));
}
