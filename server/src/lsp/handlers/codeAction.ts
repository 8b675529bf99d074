/**
 * textDocument/codeAction: the fixes of the findings under the requested range, linked to their
 * diagnostics, each followed by "Ignore PGxxx on this line" (a suppression comment), and, when
 * `only` asks for it, `source.fixAll.poolGuide`, which applies every safe fix that does not
 * overlap another.
 */
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { safeNonOverlappingEdits } from '../../core/fixes/fixAll';
import { ignoreOnLineEdit } from '../../core/suppressionEdit';
import type { Finding } from '../../core/types';
import { toLspCodeAction, toLspDiagnostic, toLspEdits, type DiagnosticData } from '../convert';
import type { Session } from '../session';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.poolGuide`;

export async function handleCodeAction(session: Session, params: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]> {
  const result = await session.analysis(params.textDocument.uri, token);
  if (!result) return [];
  const { document, analysis } = result;
  const only = params.context.only;
  // Source actions (fix-all) only when `only` asks for them, as eslint does: a lightbulb request carries no `only`.
  const wants = (kind: string) =>
    only ? only.some((requested) => kind === requested || kind.startsWith(`${requested}.`)) : !kind.startsWith(`${CodeActionKind.Source}.`);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const start = document.lsp.offsetAt(params.range.start);
    const end = document.lsp.offsetAt(params.range.end);
    for (const finding of analysis.findings) {
      if (finding.span.start > end || finding.span.end < start) continue;
      const diagnostic = matchingDiagnostic(params.context.diagnostics, finding) ?? toLspDiagnostic(document.lsp, finding);
      for (const fix of finding.fixes) actions.push(toLspCodeAction(document.lsp, fix, diagnostic));
      const ignore = ignoreOnLineEdit(analysis.text, finding);
      if (ignore) actions.push(toLspCodeAction(document.lsp, { title: `Ignore ${finding.code} on this line`, edits: [ignore], safe: false, preferred: false }, diagnostic));
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = safeNonOverlappingEdits(analysis.findings);
    if (edits.length > 0) {
      actions.push({ title: 'Pool Guide: apply all safe fixes', kind: FIX_ALL_KIND, edit: { changes: { [document.lsp.uri]: toLspEdits(document.lsp, edits) } } });
    }
  }
  return actions;
}

function matchingDiagnostic(diagnostics: readonly Diagnostic[], finding: Finding): Diagnostic | undefined {
  return diagnostics.find((diagnostic) => {
    const data = diagnostic.data as Partial<DiagnosticData> | undefined;
    return data?.code === finding.code && data.start === finding.span.start && data.end === finding.span.end;
  });
}
