/**
 * Inline Markdown (what cards and messages hold: code spans, bold, links, escaped pipes) as
 * terminal text: code spans and bold painted (their markers dropped), links shortened to their
 * text. With a painter that does not colour, this is the plain text (what `show --format json` gives).
 */
import type { Paint } from './paint';

const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|\\([\\|*`[\]])/g;

export function inlineMarkdown(text: string, paint: Paint): string {
  return text.replace(INLINE, (_match, code?: string, bold?: string, linkText?: string, _url?: string, escaped?: string) => {
    if (code !== undefined) return paint(code, 'inlineCode');
    if (bold !== undefined) return paint(inlineMarkdown(bold, paint), 'bold');
    if (linkText !== undefined) return inlineMarkdown(linkText, paint);
    return escaped ?? '';
  });
}

export function plainText(text: string): string {
  return inlineMarkdown(text, (plain) => plain);
}
