/**
 * Digests for the result cache: of a file's bytes (or a string), and of the tool itself — the
 * bundle and the WebAssembly files beside it, and the Node version running them — so that any other
 * build, not only another version, reads none of this build's results.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';

/** A short digest of bytes or text (SHA-1: fast, and collisions are no concern for a cache). */
export function contentDigest(content: Uint8Array | string): string {
  return createHash('sha1').update(content).digest('base64url');
}

/** The digest of the running build: its own file and the WebAssembly it loads, under this Node; undefined when a file cannot be read. */
export function toolDigest(files: readonly string[]): string | undefined {
  const hash = createHash('sha1').update(process.version).update('\0');
  try {
    for (const file of files) hash.update(fs.readFileSync(file)).update('\0');
  } catch {
    return undefined;
  }
  return hash.digest('base64url');
}
