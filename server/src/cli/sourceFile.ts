/**
 * Reading and writing Python source as the CLI sees it: strict UTF-8 (a file that is not, or
 * cannot be read, is reported and skipped), with a byte-order mark kept aside and restored on write.
 * A caller that can tell from the bytes that it needs no text (no catalogued module named) gets
 * the file validated but not decoded.
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';

export type SourceFile = { readonly path: string; readonly text: string; readonly bom: boolean };

/** Valid UTF-8 that `needsText` turned down: nothing in it to analyse. */
export type UnneededFile = { readonly path: string; readonly unneeded: true };

/** The file's text, or the reason it was skipped; with `needsText`, possibly just that it is valid. */
export function readSource(file: string): SourceFile | { readonly path: string; readonly skipped: string };
export function readSource(file: string, needsText: (bytes: Buffer) => boolean): SourceFile | UnneededFile | { readonly path: string; readonly skipped: string };
export function readSource(file: string, needsText?: (bytes: Buffer) => boolean): SourceFile | UnneededFile | { readonly path: string; readonly skipped: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { path: file, skipped: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  if (needsText && !needsText(bytes)) return isUtf8(bytes) ? { path: file, unneeded: true } : { path: file, skipped: 'not valid UTF-8' };
  try {
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { path: file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom };
  } catch {
    return { path: file, skipped: 'not valid UTF-8' };
  }
}

export function writeSource(source: SourceFile, text: string): void {
  fs.writeFileSync(source.path, (source.bom ? '\ufeff' : '') + text, 'utf8');
}
