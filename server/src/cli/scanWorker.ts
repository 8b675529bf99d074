/**
 * The reading half of a large run, in a worker thread (see scan.ts): reads the files it is given,
 * in order, decides on each one's bytes whether it needs its text (sourceFile.ts), and posts what
 * it found in batches: a file's text, or that it is unneeded or skipped with the reason. Bundled on
 * its own (`dist/cliScan.js`): no parser, no analysis, so the thread starts in a few tens of
 * milliseconds. It stays at most `AHEAD` texts ahead of the main thread, which counts the texts it
 * has taken in the shared `taken` counter, so that a tree of large modules is not held in memory
 * at once.
 */
import { parentPort, workerData } from 'worker_threads';
import { AHEAD, readFile, type ScanWork } from './scan';
import { SourceReader, type ReadFile } from './sourceFile';
/** The longest wait before the count is read again (a notification wakes it sooner). */
const WAIT_MS = 1000;
/** Files answered per message when none of them has a text. */
const BATCH = 64;

function scan({ files, digests, taken }: ScanWork): void {
  const takenCount = new Int32Array(taken);
  const reader = new SourceReader();
  let batch: ReadFile[] = [];
  let texts = 0;
  for (const file of files) {
    const source = readFile(reader, file, digests);
    batch.push(source);
    if (!('text' in source) && batch.length < BATCH) continue;
    parentPort!.postMessage(batch);
    batch = [];
    if ('text' in source && ++texts - Atomics.load(takenCount, 0) >= AHEAD) {
      // Waits until the main thread takes a text (it notifies), and checks again.
      for (let seen = Atomics.load(takenCount, 0); texts - seen >= AHEAD; seen = Atomics.load(takenCount, 0)) Atomics.wait(takenCount, 0, seen, WAIT_MS);
    }
  }
  parentPort!.postMessage(batch);
}

scan(workerData as ScanWork);
