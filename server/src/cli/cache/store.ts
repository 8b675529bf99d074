/**
 * The result cache on disk: one JSON file per build of the tool in the cache folder, holding an
 * entry per checked file (by absolute path). Whatever cannot be read (no file, another format or
 * build, a corrupt file) reads as empty; whatever cannot be written is left unwritten: a cache never
 * makes a run fail. Writes go to a temporary file renamed over the old one, so that runs at the same
 * time never see half a file; entries another run wrote meanwhile are kept (merged in, ours winning).
 * Entries not used for 30 days are dropped.
 */
import * as fs from 'fs';
import type { ReportedFinding } from '../report';
import { stampOf } from './stamp';

/** A finding without its path (which is the entry's file, as this run names it). */
export type CachedFinding = Omit<ReportedFinding, 'path'>;

export type CachedResult =
  /** Nothing to find whatever the options: no import can name a catalogued module. */
  | { readonly kind: 'clean' }
  /** Skipped for a reason the bytes decide. */
  | { readonly kind: 'skipped'; readonly reason: string }
  | {
      readonly kind: 'analysed';
      /** The options' digest (versions, rules, default timeout). */
      readonly options: string;
      /** When the analysis asked the workspace index: the digest of the run's tree of modules. */
      readonly tree?: string;
      /** Files whose summaries it read → the digest of the bytes each was summarised from. */
      readonly summaries?: Readonly<Record<string, string>>;
      readonly findings: readonly CachedFinding[];
      /** The analysed text, kept when there are findings (code frames, fingerprints). */
      readonly text?: string;
    };

export type CacheEntry = {
  /** The file's stamp when it was read (stamp.ts). */
  readonly stamp: string;
  /** Its stamp may not tell a later change: trust the entry only after reading the file. */
  readonly racy?: true;
  /** The digest of the bytes read. */
  readonly digest: string;
  /** The day (since 1970) the entry was last used. */
  readonly seen: number;
  readonly result: CachedResult;
};

type CacheFile = { readonly format: number; readonly tool: string; readonly entries: Record<string, CacheEntry> };

const FORMAT = 1;
const KEEP_DAYS = 30;

export const today = (): number => Math.floor(Date.now() / 86_400_000);

export class ResultStore {
  private readonly entries: Map<string, CacheEntry>;
  /** Paths whose entries this run set or removed. */
  private readonly changed = new Set<string>();
  /** The cache file's stamp when it was read: another run's save (a rename: a new inode) changes it. */
  private readonly loadedStamp: string | undefined;

  constructor(
    private readonly file: string,
    private readonly tool: string,
  ) {
    this.loadedStamp = stampOf(file)?.key;
    this.entries = readEntries(file, tool);
  }

  get(file: string): CacheEntry | undefined {
    return this.entries.get(file);
  }

  set(file: string, entry: CacheEntry): void {
    this.entries.set(file, entry);
    this.changed.add(file);
  }

  delete(file: string): void {
    if (this.entries.delete(file)) this.changed.add(file);
  }

  /** Writes the entries when any changed (merged with what another run wrote meanwhile); never throws. */
  save(prepareFolder: () => void): void {
    if (this.changed.size === 0) return;
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      prepareFolder();
      const entries = stampOf(this.file)?.key === this.loadedStamp ? this.entries : this.mergedWithDisk();
      const oldest = today() - KEEP_DAYS;
      const kept: Record<string, CacheEntry> = {};
      for (const [file, entry] of entries) if (entry.seen >= oldest) kept[file] = entry;
      const content: CacheFile = { format: FORMAT, tool: this.tool, entries: kept };
      fs.writeFileSync(temporary, JSON.stringify(content));
      fs.renameSync(temporary, this.file);
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // The folder itself is out of reach: nothing was written.
      }
    }
  }

  private mergedWithDisk(): Map<string, CacheEntry> {
    const merged = readEntries(this.file, this.tool);
    for (const file of this.changed) {
      const entry = this.entries.get(file);
      if (entry) merged.set(file, entry);
      else merged.delete(file);
    }
    return merged;
  }
}

function readEntries(file: string, tool: string): Map<string, CacheEntry> {
  try {
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile> | null;
    if (content?.format !== FORMAT || content.tool !== tool || typeof content.entries !== 'object' || content.entries === null) return new Map();
    return new Map(Object.entries(content.entries).filter(([, entry]) => isEntry(entry)));
  } catch {
    return new Map();
  }
}

/** A light check of what JSON.parse gave: an entry of another shape is left out, not trusted. */
function isEntry(entry: unknown): entry is CacheEntry {
  const candidate = entry as Partial<CacheEntry> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.stamp === 'string' &&
    typeof candidate.digest === 'string' &&
    typeof candidate.seen === 'number' &&
    typeof candidate.result === 'object' &&
    candidate.result !== null &&
    (candidate.result.kind === 'clean' ||
      (candidate.result.kind === 'skipped' && typeof candidate.result.reason === 'string') ||
      (candidate.result.kind === 'analysed' && typeof candidate.result.options === 'string' && Array.isArray(candidate.result.findings)))
  );
}
