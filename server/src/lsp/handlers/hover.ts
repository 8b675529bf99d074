/**
 * textDocument/hover: the card for the callee or option under the cursor, or nothing. Right after an
 * edit, only the calls under the cursor are bound (the whole analysis waits for the diagnostics).
 */
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../../core/hover/hover';
import { toLspHover } from '../convert';
import type { Session } from '../session';

export async function handleHover(session: Session, params: HoverParams, token?: CancellationToken): Promise<Hover | null> {
  const result = await session.lazyAnalysis(params.textDocument.uri, token);
  if (!result) return null;
  const lsp = result.document.lsp;
  const offset = lsp.offsetAt(params.position);
  const hover = hoverAt(result.analysis, offset, session.engine.catalog);
  return hover ? toLspHover(lsp, hover) : null;
}
