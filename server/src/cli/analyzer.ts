/**
 * The CLI's view of the core: one engine per run, and for each file the options the server would
 * use: library versions detected from its project files, and its nearest `[tool.pool-guide]`
 * table with `--select`/`--ignore` applied on top, and the rules its `per-file-ignores` drop. Only a file that imports a catalogued module is
 * parsed or needs options, so project files are read, and their problems reported on stderr (once
 * per file, and the run goes on), for such files only; and the parser is loaded on the first such
 * file: a run over a tree without any pays for neither. Names imported from other files of the
 * run's tree are read through the same workspace index as the server's (runIndex.ts: built on the
 * first question, a file's summary read the first time an analysis needs it). For the result cache, an analysis can tell what it read
 * besides its text: its options' digest, whether it asked the index, and whose summaries.
 */
import * as path from 'path';
import { defaultCatalog, type Catalog } from '../catalog';
import { emptyAnalysis, type Analysis, type AnalysisOptions } from '../core/analysis/analyze';
import { severitiesFor, type RuleSelection } from '../core/config/ruleSelection';
import type { ToolConfig } from '../core/config/toolConfig';
import { ParsedDocument, type AnalysisEngine } from '../core/document';
import { createEngine } from '../core/engine';
import { importsCatalogModule } from '../core/prefilter';
import { describeDecision, type VersionDecision } from '../core/versions/decide';
import { createVersionDetector } from '../project/detectVersions';
import { nodeProjectFiles } from '../project/nodeProjectFiles';
import { createToolConfigLoader, fileRules, type LoadedToolConfig } from '../project/toolConfigFile';
import type { IndexObserver } from '../project/workspaceIndex';
import { contentDigest } from './cache/digest';
import { summarizeText } from '../core/workspace/summarize';
import { createRunIndex, type RunTree } from './runIndex';

export type FileAnalyzer = {
  readonly catalog: Catalog;
  /** The analysis of `text` as the contents of `file`; `reads` learns what else it depended on. */
  analyze(file: string, text: string, reads?: AnalysisReads): Promise<Analysis>;
  /** A digest of the options `file` is analysed with (versions, rules, default timeout), workspace aside. */
  optionsDigest(file: string): string;
  /** Writes the problems of `file`'s pyproject.toml to stderr, once per run (as the analysis of a file that imports a catalogued module does). */
  reportProblems(file: string): void;
  /** The digest of the bytes the workspace index summarised `file` from (undefined when it could not read them). */
  summaryDigest(file: string): string | undefined;
};

/** What a file's analyses depended on besides its text (for the result cache, cache/). */
export type AnalysisReads = {
  /** The options' digest, set when the file was analysed at all (it may import a catalogued module). */
  options?: string;
  /** Whether an analysis asked the workspace index anything: then which modules the run's tree holds matters. */
  consulted: boolean;
  /** The files whose summaries an analysis read. */
  readonly summaries: Set<string>;
};

/** The parser's WebAssembly files, beside the bundle. */
export const WASM_FILES = { runtime: path.join(__dirname, 'web-tree-sitter.wasm'), grammar: path.join(__dirname, 'tree-sitter-python.wasm') };

export function createFileAnalyzer(flags: RuleSelection = {}, tree?: RunTree): FileAnalyzer {
  const catalog = defaultCatalog;
  let engine: Promise<AnalysisEngine> | undefined;
  let loaded: AnalysisEngine | undefined;
  const loadEngine = () => (engine ??= createEngine(WASM_FILES, catalog).then((ready) => (loaded = ready)));
  // Summaries are read only when an analysis needs them, and an analysis runs after the parser is loaded.
  const index = tree && createRunIndex(tree, (text) => (loaded ? summarizeText(loaded.parser, text) : undefined));
  const loadToolConfig = createToolConfigLoader(nodeProjectFiles);
  const detector = createVersionDetector(catalog.libraries, nodeProjectFiles);
  const reported = new Set<string>();
  // Options depend on the file's folder (project files are looked up from there) and on the rules
  // per-file-ignores drop for it: computed once per such pair.
  const tables = new Map<string, LoadedToolConfig>();
  const optionsByKey = new Map<string, AnalysisOptions>();
  const tableOf = (file: string) => {
    const folder = path.dirname(path.resolve(file));
    let loaded = tables.get(folder);
    if (!loaded) tables.set(folder, (loaded = loadToolConfig(file)));
    return loaded;
  };
  const optionsFor = (file: string) => {
    const folder = path.dirname(path.resolve(file));
    const loaded = tableOf(file);
    const { ignore } = fileRules(loaded, file);
    const key = `${folder}\0${ignore.join(',')}`;
    let options = optionsByKey.get(key);
    if (!options) optionsByKey.set(key, (options = { ...versionOptions(detector.decide(file)), ...ruleOptions(loaded.config, ignore) }));
    return options;
  };
  const reportProblems = (file: string) => {
    const { problems, path: pyproject } = tableOf(file);
    if (!pyproject || reported.has(pyproject)) return;
    reported.add(pyproject);
    for (const problem of problems) process.stderr.write(`pool-guide: ${pyproject}: ${problem}\n`);
  };
  // Flags come after the table; the file's per-file-ignores come last (as in Ruff, a flag does not bring a rule back).
  const ruleOptions = (config: ToolConfig, ignore: readonly string[]): AnalysisOptions => ({
    severities: severitiesFor([config, flags, { ignore }]),
    ...(config.defaultTimeout !== undefined ? { defaultTimeout: config.defaultTimeout } : {}),
  });
  const digests = new WeakMap<AnalysisOptions, string>();
  const optionsDigest = (file: string) => {
    const options = optionsFor(file);
    let digest = digests.get(options);
    if (digest === undefined) digests.set(options, (digest = contentDigest(JSON.stringify(options))));
    return digest;
  };
  return {
    catalog,
    optionsDigest,
    reportProblems,
    summaryDigest: (file) => index?.summaryDigest(file),
    async analyze(file, text, reads) {
      // Most files of a large tree import no catalogued module: no parse for them (see core/prefilter.ts).
      if (!importsCatalogModule(catalog, text)) return emptyAnalysis(text, {}, catalog);
      reportProblems(file);
      if (reads) reads.options = optionsDigest(file);
      const observer: IndexObserver | undefined = reads && { consulted: () => (reads.consulted = true), readSummary: (read) => reads.summaries.add(read) };
      const options = index ? { ...optionsFor(file), workspace: index.valuesFor(file, observer) } : optionsFor(file);
      const document = new ParsedDocument(await loadEngine(), text);
      try {
        return document.analysis(options);
      } finally {
        document.dispose();
      }
    },
  };
}

/** Version decisions → analysis options, with deciding files relative to the working directory. */
function versionOptions(decisions: ReadonlyMap<string, VersionDecision>): AnalysisOptions {
  const versions: Record<string, string> = {};
  const versionSources: Record<string, string> = {};
  const allowedVersions: Record<string, readonly string[]> = {};
  for (const [id, decision] of decisions) {
    versions[id] = decision.version;
    versionSources[id] = describeDecision(decision, decision.file ? path.relative(process.cwd(), decision.file) : undefined);
    allowedVersions[id] = decision.allowed;
  }
  return { versions, versionSources, allowedVersions };
}
