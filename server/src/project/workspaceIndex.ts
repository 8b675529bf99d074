/**
 * The workspace index, for the server and the CLI: every `.py` file of the workspace folders by
 * module name (a walk in the background, bounded in files), and each file's summary, computed the
 * first time an analysis reads it and kept in a bounded cache. Open documents' texts win over the
 * disk. `generation` changes whenever an answer an analysis has read may have changed: the table
 * (walk done, a file created or deleted), or a file whose summary was read since the last change.
 */
import * as path from 'path';
import { lookupImported, type ImportedValue, type WorkspaceModules, type WorkspaceValues } from '../core/workspace/lookup';
import { createModuleTable, moduleKeyOf, type ModuleFile, type ModuleTable } from '../core/workspace/moduleTable';
import type { ModuleSummary } from '../core/workspace/summary';
import { LruMap } from './lruMap';
import type { ProjectFiles } from './projectFiles';
import { walkPythonFiles } from './pythonTree';

export type IndexLimits = {
  /** Files indexed per walk; the rest of a larger workspace is not found. */
  readonly maxFiles: number;
  /** A larger module (in UTF-16 code units) is not summarised (a generated one, say): its names read as unknown. */
  readonly maxFileBytes: number;
  /** Summaries kept at once; the least recently read are computed again when needed. */
  readonly maxSummaries: number;
};

export const DEFAULT_INDEX_LIMITS: IndexLimits = { maxFiles: 20_000, maxFileBytes: 1_000_000, maxSummaries: 4_000 };

export type IndexOptions = {
  readonly limits?: IndexLimits;
  /** Called when a new generation begins: analyses that read the index may now read something else. */
  readonly onChange?: () => void;
  /** How a file is named to people (default: its path under its folder). */
  readonly labelOf?: (file: string, folder: string) => string;
  /** Whether sites carry a `file:` link (default true; plain text output has no use for one). */
  readonly links?: boolean;
};

/** Told what one analysis asked of the index: that it asked anything, and each file whose summary it read. */
export type IndexObserver = { consulted(): void; readSummary(file: string): void };

type Summary = ModuleSummary | { readonly unavailable: string };

const EMPTY_TABLE = createModuleTable([]);

const BUILDING: ImportedValue = { kind: 'unknown', reason: 'the workspace index is still being built' };

export class WorkspaceIndex {
  /** The workspace folders, innermost (longest) first. */
  private folders: readonly string[] = [];
  private table: ModuleTable | undefined;
  private readonly byPath = new Map<string, ModuleFile>();
  private readonly summaries: LruMap<string, Summary>;
  private readonly openTexts = new Map<string, string>();
  /** Files whose summary (or absence) an analysis has read since `generation` last changed. */
  private readonly read = new Set<string>();
  private currentGeneration = 0;
  private walk: AbortController | undefined;
  private truncated = false;
  /** Whether an analysis asked anything since the generation last changed. */
  private consulted = false;
  private readonly modules: WorkspaceModules;

  private readonly limits: IndexLimits;
  private readonly onChange?: () => void;
  private readonly labelOf: (file: string, folder: string) => string;
  private readonly links: boolean;

  constructor(
    private readonly files: ProjectFiles,
    private readonly summarize: (text: string) => ModuleSummary | undefined,
    options: IndexOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_INDEX_LIMITS;
    this.onChange = options.onChange;
    this.labelOf = options.labelOf ?? ((file, folder) => path.relative(folder, file).split(path.sep).join('/'));
    this.links = options.links ?? true;
    this.summaries = new LruMap(this.limits.maxSummaries);
    const table = () => this.table ?? EMPTY_TABLE;
    this.modules = {
      get table() {
        return table();
      },
      summaryOf: (file) => this.summaryOf(file.path),
    };
  }

  get generation(): number {
    return this.currentGeneration;
  }

  /** True once the files are known (walked or given). */
  get ready(): boolean {
    return this.table !== undefined;
  }

  get fileCount(): number {
    return this.byPath.size;
  }

  /** Walks the folders in the background (a walk under way is cancelled), giving way whenever `idle` says to wait; resolves when done, or cancelled. */
  async build(folders: readonly string[], idle?: () => Promise<void>): Promise<void> {
    this.walk?.abort();
    const walk = (this.walk = new AbortController());
    const found: string[] = [];
    let truncated = false;
    for (const folder of folders) {
      const result = await walkPythonFiles(this.files, folder, this.limits.maxFiles - found.length, walk.signal, idle);
      found.push(...result.files);
      truncated ||= result.truncated;
    }
    if (walk.signal.aborted) return;
    this.truncated = truncated;
    this.setFiles(folders, found);
  }

  /** Stops a walk under way. */
  cancel(): void {
    this.walk?.abort();
  }

  /** The files of the folders, as walked by the caller (the CLI). */
  setFiles(folders: readonly string[], files: readonly string[]): void {
    this.folders = folders.map((folder) => path.resolve(folder)).sort((a, b) => b.length - a.length);
    this.byPath.clear();
    for (const file of files) {
      const entry = this.moduleFile(path.resolve(file));
      if (entry) this.byPath.set(entry.path, entry);
    }
    this.rebuildTable();
  }

  /** An open document's text (undefined when it closes); true when answers may have changed. */
  setOpenText(file: string, text: string | undefined): boolean {
    if (!file.endsWith('.py') || this.openTexts.get(file) === text) return false;
    if (text === undefined) this.openTexts.delete(file);
    else this.openTexts.set(file, text);
    return this.forget(file);
  }

  /** A file changed on disk; true when answers may have changed. An open document's text wins over its file. */
  fileChanged(file: string, change: 'created' | 'changed' | 'deleted'): boolean {
    if (!file.endsWith('.py') || !this.table) return false;
    if (change === 'changed') return this.openTexts.has(file) ? false : this.forget(file);
    const entry = this.moduleFile(file);
    if (!entry) return false;
    if (change === 'created' && !this.byPath.has(file) && this.byPath.size < this.limits.maxFiles) this.byPath.set(file, entry);
    else if (change === 'deleted') this.byPath.delete(file);
    this.summaries.delete(file);
    this.rebuildTable();
    return true;
  }

  /** The path of a document URI (undefined for one without a file: an untitled document). */
  pathOf(uri: string): string | undefined {
    return this.files.pathOf(uri);
  }

  /**
   * What the analysis of the document at `file` (undefined for one without a file) reads of the
   * workspace. `observer` hears of each question and of each file whose summary an answer read (the
   * CLI's result cache keeps them as what the analysis depends on).
   */
  valuesFor(file: string | undefined, observer?: IndexObserver): WorkspaceValues {
    const importer = file === undefined ? undefined : (this.byPath.get(file) ?? this.moduleFile(file));
    const shared = this.modules;
    const modules: WorkspaceModules = observer
      ? {
          get table() {
            return shared.table;
          },
          summaryOf: (module) => {
            observer.readSummary(module.path);
            return shared.summaryOf(module);
          },
        }
      : shared;
    return {
      generation: this.currentGeneration,
      importer: importer?.path ?? '',
      lookup: (dotted, called) => {
        this.consulted = true;
        observer?.consulted();
        if (!this.table) return BUILDING;
        const found = lookupImported(modules, importer, dotted, called);
        return found ?? (this.truncated ? { kind: 'unknown', reason: `not found in the first ${this.limits.maxFiles} files of the workspace` } : undefined);
      },
    };
  }

  private summaryOf(file: string): Summary {
    this.read.add(file);
    const cached = this.summaries.get(file);
    if (cached) return cached;
    const summary = this.computeSummary(file);
    this.summaries.set(file, summary);
    return summary;
  }

  private computeSummary(file: string): Summary {
    const text = this.openTexts.get(file) ?? this.files.readText(file);
    if (text === undefined) return { unavailable: 'could not be read' };
    const size = text.length;
    if (size > this.limits.maxFileBytes) return { unavailable: `is too large to index (${size >= 1_000_000 ? `${Math.round(size / 1_000_000)} MB` : `${size} characters`})` };
    return this.summarize(text) ?? { unavailable: 'could not be parsed in time' };
  }

  /** Drops a file's summary; when an analysis read it, a new generation begins. */
  private forget(file: string): boolean {
    this.summaries.delete(file);
    if (!this.read.has(file)) return false;
    this.nextGeneration();
    return true;
  }

  private rebuildTable(): void {
    this.table = createModuleTable(this.byPath.values());
    this.nextGeneration();
  }

  /** A new generation; listeners hear of it only when an analysis asked the index anything since the last one. */
  private nextGeneration(): void {
    this.currentGeneration++;
    this.read.clear();
    const consulted = this.consulted;
    this.consulted = false;
    if (consulted) this.onChange?.();
  }

  /**
   * The module file of a path under one of the folders (the innermost), else of its own folder.
   * Its label is made when first read: a large tree's files are indexed by the thousand, and only
   * those a card or reason names need one.
   */
  private moduleFile(file: string): ModuleFile | undefined {
    const folder = this.folders.find((candidate) => file.startsWith(candidate) && file.startsWith(path.sep, candidate.length)) ?? path.dirname(file);
    const relative = file.slice(folder.endsWith(path.sep) ? folder.length : folder.length + 1);
    const key = moduleKeyOf(path.sep === '/' ? relative : relative.split(path.sep).join('/'));
    if (!key) return undefined;
    const labelOf = this.labelOf;
    let label: string | undefined;
    return {
      key: key.key,
      isPackage: key.isPackage,
      path: file,
      get label() {
        return (label ??= labelOf(file, folder));
      },
      ...(this.links ? { uri: this.files.uriOf(file) } : {}),
    };
  }
}
