/**
 * Reading and writing Python source as the CLI sees it: strict UTF-8 (a file that is not, or
 * cannot be read, is reported and skipped), with a byte-order mark kept aside and restored on write.
 * A `SourceReader` reads a whole tree through one buffer that grows as needed (no allocation, no
 * fresh pages per file), and a caller that can tell from the bytes that it needs no text (no
 * catalogued module named) gets the file validated but not decoded.
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import type { Catalog } from '../catalog';
import { importsCatalogModule } from '../core/prefilter';

export type SourceFile = { readonly path: string; readonly text: string; readonly bom: boolean };

/** Valid UTF-8 that `needsText` turned down: nothing in it to analyse. */
export type UnneededFile = { readonly path: string; readonly unneeded: true };

export type SkippedFile = { readonly path: string; readonly skipped: string };

/** A file as a run reads it: its text, unneeded, or skipped; with the digest of its bytes when the run asked for one. */
export type ReadFile = (SourceFile | UnneededFile | SkippedFile) & { readonly digest?: string };

/** The line a skipped file gets on stderr (the same whether it was read now or its outcome was cached). */
export function reportSkipped(file: string, reason: string): void {
  process.stderr.write(`${file}: skipped: ${reason}\n`);
}

/** The file's text, or the reason it was skipped. */
export function readSource(file: string): SourceFile | SkippedFile {
  return new SourceReader().read(file, () => true) as SourceFile | SkippedFile;
}

export class SourceReader {
  private buffer = Buffer.allocUnsafeSlow(1 << 20);

  /** The file's text, the reason it was skipped, or (when `needsText` turns the bytes down) that it is valid. */
  read(file: string, needsText: (bytes: Buffer) => boolean): SourceFile | UnneededFile | SkippedFile {
    let bytes: Buffer;
    try {
      bytes = this.readBytes(file);
    } catch (error) {
      return { path: file, skipped: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
    }
    if (!needsText(bytes)) return isUtf8(bytes) ? { path: file, unneeded: true } : { path: file, skipped: 'not valid UTF-8' };
    try {
      const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      return { path: file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom };
    } catch {
      return { path: file, skipped: 'not valid UTF-8' };
    }
  }

  /** The file's bytes, in the shared buffer: valid until the next read. */
  private readBytes(file: string): Buffer {
    const descriptor = fs.openSync(file, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) this.grow();
        const read = fs.readSync(descriptor, this.buffer, length, this.buffer.length - length, null);
        if (read === 0) return this.buffer.subarray(0, length);
        length += read;
      }
    } finally {
      fs.closeSync(descriptor);
    }
  }

  private grow(): void {
    const larger = Buffer.allocUnsafeSlow(this.buffer.length * 2);
    this.buffer.copy(larger);
    this.buffer = larger;
  }
}

/**
 * Whether a file's bytes may import a catalogued module, decided without decoding them: the import
 * test on the bytes read as Latin-1 (a plain copy; see core/codeWords.ts), which says yes wherever
 * it would for the decoded text.
 */
export function mayImportCatalogModule(catalog: Catalog, bytes: Buffer): boolean {
  return importsCatalogModule(catalog, bytes.toString('latin1'));
}

export function writeSource(source: SourceFile, text: string): void {
  fs.writeFileSync(source.path, (source.bom ? '\ufeff' : '') + text, 'utf8');
}
