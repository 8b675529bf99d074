/**
 * The only place where core offsets become LSP positions and back, and where core findings, fixes
 * and hovers become LSP objects.
 */
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InlayHintKind,
  MarkupKind,
  type Diagnostic,
  type Hover as LspHover,
  type InlayHint as LspInlayHint,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from '../core/hover/hover';
import type { InlayHint } from '../core/inlayHints';
import { findRule, ruleDocsUrl } from '../core/rules';
import type { Finding, Fix, Severity, TextSpan } from '../core/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';

export function toLspRange(document: TextDocument, span: TextSpan): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back to the server in code-action requests. */
export type DiagnosticData = { readonly code: string; readonly start: number; readonly end: number };

export function toLspDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const rule = findRule(finding.code);
  const data: DiagnosticData = { code: finding.code, start: finding.span.start, end: finding.span.end };
  return {
    range: toLspRange(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: rule ? { href: ruleDocsUrl(rule) } : undefined,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    tags: finding.deprecated ? [DiagnosticTag.Deprecated] : undefined,
    data,
  };
}

export function toLspHover(document: TextDocument, hover: Hover): LspHover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toLspRange(document, hover.span) };
}

export function toLspCodeAction(document: TextDocument, fix: Fix, diagnostic: Diagnostic | undefined): CodeAction {
  const action = CodeAction.create(fix.title, { changes: { [document.uri]: toLspEdits(document, fix.edits) } }, CodeActionKind.QuickFix);
  if (diagnostic) action.diagnostics = [diagnostic];
  if (fix.preferred) action.isPreferred = true;
  return action;
}

export function toLspEdits(document: TextDocument, edits: Fix['edits']) {
  return edits.map((edit) => ({ range: toLspRange(document, edit.span), newText: edit.newText }));
}

/** A label before its offset, spaced from the code it names (`connect: 3.05`). */
export function toLspInlayHint(document: TextDocument, hint: InlayHint): LspInlayHint {
  return { position: document.positionAt(hint.offset), label: hint.label, kind: InlayHintKind.Parameter, paddingRight: true };
}
