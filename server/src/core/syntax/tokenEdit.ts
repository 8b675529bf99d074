/**
 * Edits that keep every token: typing or deleting inside one comment, name, number or piece of
 * string text, where it stays the same kind of token and its neighbours are untouched. The lexer
 * then reads the same tokens (one of them longer or shorter), so the parser, whose choices depend on
 * the kinds of tokens only, builds the same tree with positions shifted; in a module without errors
 * (whose recovery would weigh lengths too) such an edit needs no parse. That matters on a large
 * module: tree-sitter-python cannot reuse its statement lists whole, so an incremental reparse
 * visits every top-level statement (milliseconds for 10,000 lines), however small the edit.
 */
import { NodeKind } from './nodeKinds';
import type { SyntaxNode, TextChange } from './parser';

/** Characters never typed or deleted by such an edit: line breaks and other controls, which end comments and lines. */
const CONTROL = /[\0-\x1f\x7f\x85\u2028\u2029]/;
/** In a string's text: also quotes, the backslash, and the braces of formatted strings, which the string's lexer stops at. */
const STRING_SPECIAL = /[\0-\x1f\x7f\x85\u2028\u2029\\'"{}]/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INTEGER = /^[0-9]+$/;
const FLOAT = /^[0-9]+\.[0-9]+$/;
/** A character that may continue a name or number token, or turn a name into a string prefix. */
const TOKEN_CONTINUES = /[A-Za-z0-9_.'"]/;

/**
 * True when `change` of `text` stays inside the token `leaf` (the smallest node around the change
 * and the character before it, see parser.ts) and leaves it a token of the same kind with the same neighbours. `keywords` are
 * the grammar's words (`if`, `match`, `print`, …): a name that is or becomes one may change the
 * tree.
 */
export function keepsTokens(leaf: SyntaxNode, text: string, change: TextChange, keywords: ReadonlySet<string>): boolean {
  const { start, end, newText } = change;
  // The token's first character stays: the change starts after it and ends within the token.
  if (!(leaf.startIndex < start && end <= leaf.endIndex)) return false;
  const removed = text.slice(start, end);
  const before = text.slice(leaf.startIndex, leaf.endIndex);
  const after = before.slice(0, start - leaf.startIndex) + newText + before.slice(end - leaf.startIndex);
  const next = text.charAt(leaf.endIndex);
  switch (leaf.type) {
    case NodeKind.comment:
      return !CONTROL.test(newText) && !CONTROL.test(removed);
    case NodeKind.identifier:
      return NAME.test(before) && NAME.test(after) && !keywords.has(before) && !keywords.has(after) && !TOKEN_CONTINUES.test(next);
    case NodeKind.integer:
      return INTEGER.test(before) && INTEGER.test(after) && !TOKEN_CONTINUES.test(next);
    case NodeKind.float:
      return FLOAT.test(before) && FLOAT.test(after) && !TOKEN_CONTINUES.test(next);
    case NodeKind.stringContent:
      return keepsStringText(leaf, text, change, removed);
    default:
      return false;
  }
}

/**
 * In a string's text: no special character typed or deleted, none just before the change (a
 * backslash would escape what is typed), none just after a deletion (it could close up with the one
 * before), and away from the escape sequences and doubled braces inside it.
 */
function keepsStringText(content: SyntaxNode, text: string, { start, end, newText }: TextChange, removed: string): boolean {
  if (STRING_SPECIAL.test(newText) || STRING_SPECIAL.test(removed) || STRING_SPECIAL.test(text.charAt(start - 1))) return false;
  if (end > start && STRING_SPECIAL.test(text.charAt(end))) return false;
  return content.children.every((child) => child === null || child.endIndex < start - 1 || child.startIndex > end + 1);
}
