/**
 * The files of a run as the CLI reads them (sourceFile.ts), in the order given: each one's text
 * when its bytes may import a catalogued module, else that it is unneeded or skipped, and why. A
 * large run on a machine with a core to spare reads in a worker thread (scanWorker.ts,
 * `dist/cliScan.js` beside the bundle) while the main thread indexes the tree, loads the parser and
 * analyses the files read so far: the two halves of the work overlap. Otherwise the main thread
 * reads: a thread costs more to start than a small run takes to read, and on a machine whose
 * cores are all busy it only adds to the wait. Either way the files come in the same order with
 * the same contents, so the findings and their order are the same.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { defaultCatalog } from '../catalog';
import { contentDigest } from './cache/digest';
import { mayImportCatalogModule, SourceReader, type ReadFile } from './sourceFile';

/** What the main thread gives the reading thread: the files, whether to digest their bytes, and the count of texts it has taken (one 32-bit integer). */
export type ScanWork = { readonly files: readonly string[]; readonly digests: boolean; readonly taken: SharedArrayBuffer };

/** Texts the reading thread posts before the main thread takes them, at most. */
export const AHEAD = 32;

/** From this many files on, a run may read in a worker thread. */
const WORKER_FROM_FILES = 512;

/** The reading thread's bundle, beside the CLI's. */
export const WORKER_SCRIPT = path.join(__dirname, 'cliScan.js');

/**
 * The reading thread's script for a run over `files`, or undefined when the main thread reads them:
 * a small run, a machine without a core to spare (over the last minute, as many tasks ran or waited
 * as it has cores), or no such bundle (the compiled tests).
 */
export function readingThreadFor(files: readonly string[]): string | undefined {
  if (files.length < WORKER_FROM_FILES || os.loadavg()[0] >= os.availableParallelism()) return undefined;
  return fs.existsSync(WORKER_SCRIPT) ? WORKER_SCRIPT : undefined;
}

/**
 * Each of `files`, read, in order, with the digest of its bytes when `digests` (for the result
 * cache): in a worker thread running `workerScript` when one is given, which starts at once.
 */
export function readFiles(files: readonly string[], digests: boolean, workerScript: string | undefined): AsyncGenerator<ReadFile> {
  return workerScript ? readInWorker({ files, digests, taken: new SharedArrayBuffer(4) }, workerScript) : readHere(files, digests);
}

/** One file, read through `reader`. */
export function readFile(reader: SourceReader, file: string, digests: boolean): ReadFile {
  let digest: string | undefined;
  const source = reader.read(file, (bytes) => {
    if (digests) digest = contentDigest(bytes);
    return mayImportCatalogModule(defaultCatalog, bytes);
  });
  return digest === undefined ? source : { ...source, digest };
}

async function* readHere(files: readonly string[], digests: boolean): AsyncGenerator<ReadFile> {
  const reader = new SourceReader();
  for (const file of files) yield readFile(reader, file, digests);
}

/** Starts the reading thread at once (it starts while the caller indexes the tree); the files come as it reads them. */
function readInWorker(work: ScanWork, script: string): AsyncGenerator<ReadFile> {
  const { files } = work;
  const takenCount = new Int32Array(work.taken);
  const worker = new Worker(script, { workerData: work });
  // The thread keeps the process alive only while the run waits for it: a run that ends early (a bad option, a failure) exits.
  worker.unref();
  const batches: ReadFile[][] = [];
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  worker.on('message', (batch: ReadFile[]) => {
    batches.push(batch);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  return (async function* () {
    try {
      for (let answered = 0; answered < files.length; ) {
        const batch = batches.shift();
        if (!batch) {
          if (failure) throw failure;
          // Its messages all come before its exit: one that exits with files unanswered failed.
          if (exited) throw new Error('the reading thread stopped before reading every file');
          worker.ref();
          await new Promise<void>((resolve) => (wake = resolve));
          worker.unref();
          wake = undefined;
          continue;
        }
        for (const source of batch) {
          answered++;
          yield source;
          if ('text' in source) {
            Atomics.add(takenCount, 0, 1);
            Atomics.notify(takenCount, 0);
          }
        }
      }
    } finally {
      void worker.terminate();
    }
  })();
}
