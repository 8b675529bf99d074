/**
 * A file's stamp for the result cache: size, modification and change times, and inode — what a
 * stat says, so that a warm run decides without reading. A file changed within the file system's
 * timestamp granularity of being read could change again without its stamp changing ("racy", as
 * git calls it): its entry keeps the content's digest and is trusted only after a read.
 */
import * as fs from 'fs';

export type FileStamp = {
  /** size:mtime:ctime:inode, compared as a whole. */
  readonly key: string;
  /** The later of the modification and change times, in milliseconds. */
  readonly changedMs: number;
};

/** Coarser than any timestamp granularity met in practice (FAT's is 2 s). */
const GRANULARITY_MS = 2000;

/**
 * undefined when the file cannot be stat'ed (reading it will say why). Times in milliseconds with
 * a fraction (a double keeps them to about a quarter of a microsecond): two changes closer than
 * that are both within the racy window of any read between them.
 */
export function stampOf(file: string): FileStamp | undefined {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat && { key: `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`, changedMs: Math.max(stat.mtimeMs, stat.ctimeMs) };
  } catch {
    return undefined;
  }
}

/** Whether a change after `readSinceMs` (when the run began reading) could leave the stamp as it is. */
export function isRacy(stamp: FileStamp, readSinceMs: number): boolean {
  return stamp.changedMs > readSinceMs - GRANULARITY_MS;
}
