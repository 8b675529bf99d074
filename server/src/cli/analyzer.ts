/**
 * The CLI's view of the core: one engine per run, and for each file the options the server would
 * use: library versions detected from its project files, and its nearest `[tool.pool-guide]`
 * table with `--select`/`--ignore` applied on top. Problems in a pyproject.toml are reported on
 * stderr once per file, and the run goes on. Versions are detected only for files that import a
 * catalogued module: nothing else is parsed or needs them.
 */
import * as path from 'path';
import { emptyAnalysis, type Analysis, type AnalysisOptions } from '../core/analysis/analyze';
import { severitiesFor, type RuleSelection } from '../core/config/ruleSelection';
import { ParsedDocument, type AnalysisEngine } from '../core/document';
import { createEngine } from '../core/engine';
import { importsCatalogModule } from '../core/prefilter';
import { describeDecision, type VersionDecision } from '../core/versions/decide';
import { createVersionDetector } from '../project/detectVersions';
import { createToolConfigLoader } from '../project/toolConfigFile';

export type FileAnalyzer = {
  readonly engine: AnalysisEngine;
  /** The analysis of `text` as the contents of `file`. */
  analyze(file: string, text: string): Analysis;
};

export async function createFileAnalyzer(flags: RuleSelection = {}): Promise<FileAnalyzer> {
  const engine = await createEngine({ runtime: path.join(__dirname, 'web-tree-sitter.wasm'), grammar: path.join(__dirname, 'tree-sitter-python.wasm') });
  const loadToolConfig = createToolConfigLoader();
  const detector = createVersionDetector(engine.catalog.libraries);
  const reported = new Set<string>();
  // Options depend on the file's folder only (project files are looked up from there): once per
  // folder, the tool configuration (and its problems) for every folder, the versions on first use.
  const byFolder = new Map<string, { rules: AnalysisOptions; full?: AnalysisOptions }>();
  const optionsFor = (file: string) => {
    const folder = path.dirname(path.resolve(file));
    let options = byFolder.get(folder);
    if (!options) byFolder.set(folder, (options = { rules: ruleOptions(file) }));
    return options;
  };
  const ruleOptions = (file: string): AnalysisOptions => {
    const { config, problems, path: pyproject } = loadToolConfig(file);
    if (pyproject && !reported.has(pyproject)) {
      reported.add(pyproject);
      for (const problem of problems) process.stderr.write(`pool-guide: ${pyproject}: ${problem}\n`);
    }
    return { severities: severitiesFor([config, flags]), ...(config.defaultTimeout !== undefined ? { defaultTimeout: config.defaultTimeout } : {}) };
  };
  return {
    engine,
    analyze(file, text) {
      const options = optionsFor(file);
      // Most files of a large tree import no catalogued module: no parse for them (see core/prefilter.ts).
      if (!importsCatalogModule(engine.catalog, text)) return emptyAnalysis(text, options.rules);
      options.full ??= { ...versionOptions(detector.decide(file)), ...options.rules };
      const document = new ParsedDocument(engine, text);
      try {
        return document.analysis(options.full);
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
