/**
 * The CLI's view of the core: one engine per run, and for each file the options the server would
 * use: library versions detected from its project files, and its nearest `[tool.pool-guide]`
 * table with `--select`/`--ignore` applied on top, and the rules its `per-file-ignores` drop. Only a file that imports a catalogued module is
 * parsed or needs options, so project files are read, and their problems reported on stderr (once
 * per file, and the run goes on), for such files only; and the parser is loaded on the first such
 * file: a run over a tree without any pays for neither. Names imported from other files of the
 * run's tree are read through the same workspace index as the server's (a file's summary is read
 * the first time an analysis needs it).
 */
import * as fs from 'fs';
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
import { WorkspaceIndex } from '../project/workspaceIndex';
import { summarizeText } from '../core/workspace/summarize';

export type FileAnalyzer = {
  readonly catalog: Catalog;
  /** Starts loading the parser now, for a run that will likely need it while it waits for its files (a failure shows when a file needs it). */
  prepare(): void;
  /** The analysis of `text` as the contents of `file`. */
  analyze(file: string, text: string): Promise<Analysis>;
};

/** The tree a run covers: the paths given and the `.py` files under them, indexed so that imports between them resolve. */
export type RunTree = { readonly roots: readonly string[]; readonly files: readonly string[] };

export function createFileAnalyzer(flags: RuleSelection = {}, tree?: RunTree): FileAnalyzer {
  const catalog = defaultCatalog;
  let engine: Promise<AnalysisEngine> | undefined;
  let loaded: AnalysisEngine | undefined;
  const loadEngine = () =>
    (engine ??= createEngine({ runtime: path.join(__dirname, 'web-tree-sitter.wasm'), grammar: path.join(__dirname, 'tree-sitter-python.wasm') }, catalog).then((ready) => (loaded = ready)));
  // Summaries are read only when an analysis needs them, and an analysis runs after the parser is loaded.
  const index =
    tree &&
    new WorkspaceIndex(nodeProjectFiles, (text) => (loaded ? summarizeText(loaded.parser, text) : undefined), {
      labelOf: (file) => path.relative(process.cwd(), file).split(path.sep).join('/'),
      links: false,
    });
  index?.setFiles(tree!.roots.map((root) => (fs.statSync(root).isDirectory() ? root : path.dirname(root))), tree!.files);
  const loadToolConfig = createToolConfigLoader(nodeProjectFiles);
  const detector = createVersionDetector(catalog.libraries, nodeProjectFiles);
  const reported = new Set<string>();
  // Options depend on the file's folder (project files are looked up from there) and on the rules
  // per-file-ignores drop for it: computed once per such pair.
  const tables = new Map<string, LoadedToolConfig>();
  const optionsByKey = new Map<string, AnalysisOptions>();
  const optionsFor = (file: string) => {
    const folder = path.dirname(path.resolve(file));
    let loaded = tables.get(folder);
    if (!loaded) tables.set(folder, (loaded = loadToolConfig(file)));
    reportProblems(loaded);
    const { ignore } = fileRules(loaded, file);
    const key = `${folder}\0${ignore.join(',')}`;
    let options = optionsByKey.get(key);
    if (!options) optionsByKey.set(key, (options = { ...versionOptions(detector.decide(file)), ...ruleOptions(loaded.config, ignore) }));
    return options;
  };
  const reportProblems = ({ problems, path: pyproject }: LoadedToolConfig) => {
    if (!pyproject || reported.has(pyproject)) return;
    reported.add(pyproject);
    for (const problem of problems) process.stderr.write(`pool-guide: ${pyproject}: ${problem}\n`);
  };
  // Flags come after the table; the file's per-file-ignores come last (as in Ruff, a flag does not bring a rule back).
  const ruleOptions = (config: ToolConfig, ignore: readonly string[]): AnalysisOptions => ({
    severities: severitiesFor([config, flags, { ignore }]),
    ...(config.defaultTimeout !== undefined ? { defaultTimeout: config.defaultTimeout } : {}),
  });
  return {
    catalog,
    prepare() {
      loadEngine().catch(() => undefined);
    },
    async analyze(file, text) {
      // Most files of a large tree import no catalogued module: no parse for them (see core/prefilter.ts).
      if (!importsCatalogModule(catalog, text)) return emptyAnalysis(text, {}, catalog);
      const options = index ? { ...optionsFor(file), workspace: index.valuesFor(path.resolve(file)) } : optionsFor(file);
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
