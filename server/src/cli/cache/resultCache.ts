/**
 * `check`'s result cache: a file whose entry still holds is answered from the entry — no read, no
 * parse — and every other file is checked and its outcome kept. An entry holds when the file's
 * stamp is the one it was read with (or, stamps aside, its bytes are the same: a touched file, a
 * fresh checkout), and when what its outcome rests on is as it was: the
 * options' digest (versions from the project's files, rules, default timeout, paths relative to the
 * working directory), and for an analysis that asked the workspace index, the run's tree of modules
 * (every `.py` path, the folders, the working directory) and the bytes of each module whose summary
 * it read. Files whose bytes name no catalogued import have nothing to find whatever the options:
 * their entry rests on their bytes alone. Which build of the tool wrote an entry is the cache file's
 * name (store.ts). `--fix` answers from the cache only the files it would not change — those with
 * nothing to fix that read no other module — and keeps the outcome of a file it rewrote as that of
 * the new bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CheckCommand } from '../args';
import { WASM_FILES, type FileAnalyzer } from '../analyzer';
import { indexFolders, type RunTree } from '../runIndex';
import { NOTHING, type CheckedFile, type FileOutcome, type OutcomeBasis } from '../checkFile';
import type { ReportedFinding } from '../report';
import { reportSkipped } from '../sourceFile';
import { contentDigest, toolDigest } from './digest';
import { cacheFolder, prepareCacheFolder } from './location';
import { isRacy, stampOf, type FileStamp } from './stamp';
import { ResultStore, today, type CacheEntry, type CachedResult } from './store';

/**
 * A run's cache. `lookup` has no effect that shows (so a run may look every file up before it
 * reads any); `replay` writes to stderr what checking the file would; `remember` keeps the outcome
 * of a file checked after its lookup (the stamp taken then is the one its bytes were read under).
 */
export type ResultCache = {
  /** The outcome kept for `file` when its entry holds: a stat and the cache (the file's bytes only when its stamp changed). */
  lookup(file: string): CachedResult | undefined;
  replay(file: string, result: CachedResult): FileOutcome;
  remember(file: string, checked: CheckedFile): void;
  /** Writes what this run learnt (never throws). */
  save(): void;
};

type Context = {
  readonly command: CheckCommand;
  readonly analyzer: FileAnalyzer;
  readonly tree: RunTree;
  readonly toolVersion: string;
};

/** The result cache of a run; undefined under `--no-cache` or when the tool's own files cannot be read. */
export function openResultCache(context: Context): ResultCache | undefined {
  if (!context.command.cache) return undefined;
  const tool = toolDigest([__filename, WASM_FILES.runtime, WASM_FILES.grammar]);
  if (tool === undefined) return undefined;
  const folder = cacheFolder(context.command.cacheDir, process.env, process.cwd());
  const version = context.toolVersion.replace(/[^\w.+-]/g, '_');
  const store = new ResultStore(path.join(folder, version, `check-${tool.slice(0, 16)}.json`), tool);
  const run = new CacheRun(context, store);
  return {
    lookup: (file) => run.lookup(file),
    replay: (file, result) => replay(file, result, context.analyzer),
    remember: (file, checked) => run.remember(file, checked),
    save: () => store.save(() => prepareCacheFolder(folder, version)),
  };
}

class CacheRun {
  /** Reads began no earlier than this: a file changed since (or just before) has a racy stamp. */
  private readonly since = Date.now();
  private readonly day = today();
  /** Each file's current digest, once known (undefined: unreadable). */
  private readonly digests = new Map<string, string | undefined>();
  private treeDigest: string | undefined;

  /** Stamps taken by `lookup`, before the file is read. */
  private readonly stamps = new Map<string, FileStamp | undefined>();

  constructor(
    private readonly context: Context,
    private readonly store: ResultStore,
  ) {}

  lookup(file: string): CachedResult | undefined {
    const absolute = path.resolve(file);
    const stamp = stampOf(absolute);
    this.stamps.set(absolute, stamp);
    const entry = stamp && this.store.get(absolute);
    if (!stamp || !entry || !this.usable(entry.result) || this.currentDigest(absolute, stamp) !== entry.digest || !this.holds(file, entry.result)) return undefined;
    this.refresh(absolute, entry, stamp);
    return entry.result;
  }

  /** Under `--fix`, only an outcome that nothing would change, and that read no other module (whose text a fix may have changed since). */
  private usable(result: CachedResult): boolean {
    return !this.context.command.fix || result.kind !== 'analysed' || (result.tree === undefined && !result.findings.some((finding) => finding.fixable));
  }

  private holds(file: string, result: CachedResult): boolean {
    if (result.kind !== 'analysed') return true;
    if (this.context.analyzer.optionsDigest(file) !== result.options) return false;
    if (result.tree !== undefined && result.tree !== this.tree()) return false;
    return Object.entries(result.summaries ?? {}).every(([read, digest]) => this.currentDigest(read) === digest);
  }

  /** The digest of the file's bytes now: its entry's when its stamp says it is unchanged, else read. */
  private currentDigest(file: string, stamp = stampOf(file)): string | undefined {
    if (this.digests.has(file)) return this.digests.get(file);
    const entry = this.store.get(file);
    const digest = stamp && entry && entry.stamp === stamp.key && !entry.racy ? entry.digest : readDigest(file);
    this.digests.set(file, digest);
    return digest;
  }

  /** An entry that held: its stamp and day brought up to date (its bytes were read under `stamp` when that differs). */
  private refresh(file: string, entry: CacheEntry, stamp: FileStamp): void {
    const racy = isRacy(stamp, this.since);
    if (entry.stamp === stamp.key && (entry.racy === true) === racy && entry.seen === this.day) return;
    this.store.set(file, this.entry(stamp, entry.digest, entry.result));
  }

  remember(name: string, { basis, findings, text }: CheckedFile): void {
    const file = path.resolve(name);
    // A file `--fix` rewrote holds its new bytes, under a new stamp.
    const stamp = basis?.rewritten ? stampOf(file) : this.stamps.get(file);
    if (basis) this.digests.set(file, basis.digest);
    else this.digests.delete(file);
    const result = stamp && basis && !basis.changed ? this.resultOf(basis, findings, text) : undefined;
    if (stamp && basis && result) this.store.set(file, this.entry(stamp, basis.digest, result));
    else this.store.delete(file);
  }

  private entry(stamp: FileStamp, digest: string, result: CachedResult): CacheEntry {
    return { stamp: stamp.key, ...(isRacy(stamp, this.since) ? { racy: true } : {}), digest, seen: this.day, result };
  }

  /** What to keep of an outcome; undefined when it cannot be kept (a module it read could not be). */
  private resultOf(basis: OutcomeBasis, findings: readonly ReportedFinding[], text: string | undefined): CachedResult | undefined {
    if (basis.skipped !== undefined) return { kind: 'skipped', reason: basis.skipped };
    const { reads } = basis;
    if (reads.options === undefined) return { kind: 'clean' };
    const summaries: Record<string, string> = {};
    for (const read of reads.summaries) {
      const digest = this.context.analyzer.summaryDigest(read);
      if (digest === undefined) return undefined;
      summaries[read] = digest;
    }
    return {
      kind: 'analysed',
      options: reads.options,
      ...(reads.consulted ? { tree: this.tree(), summaries } : {}),
      findings: findings.map(({ path: _path, ...finding }) => finding),
      ...(text !== undefined ? { text } : {}),
    };
  }

  /** The digest of what the workspace index is built from: the working directory (labels, relative paths), the folders and every path, as given. */
  private tree(): string {
    const { tree } = this.context;
    return (this.treeDigest ??= contentDigest(JSON.stringify([process.cwd(), indexFolders(tree), tree.files])));
  }
}

function replay(file: string, result: CachedResult, analyzer: FileAnalyzer): FileOutcome {
  if (result.kind === 'skipped') reportSkipped(file, result.reason);
  if (result.kind !== 'analysed') return NOTHING;
  analyzer.reportProblems(file);
  return { ...NOTHING, findings: result.findings.map((finding) => ({ path: file, ...finding })), ...(result.text !== undefined ? { text: result.text } : {}) };
}

function readDigest(file: string): string | undefined {
  try {
    return contentDigest(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}
