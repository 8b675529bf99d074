/**
 * Workspaces for the core tests: modules given as path → text, summarised with the test engine's
 * parser, and the analysis options through which a document at one of the paths reads them.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AnalysisOptions } from '../../server/src/core/analysis/analyze';
import { lookupImported, type WorkspaceModules } from '../../server/src/core/workspace/lookup';
import { createModuleTable, moduleKeyOf, type ModuleFile } from '../../server/src/core/workspace/moduleTable';
import { summarizeText } from '../../server/src/core/workspace/summarize';
import { testEngine } from './engine';

/** The modules of `files` (relative POSIX paths → text), summarised once each on first use. */
export async function workspaceOf(files: Readonly<Record<string, string>>): Promise<WorkspaceModules & { fileAt(path: string): ModuleFile | undefined }> {
  const { parser } = await testEngine();
  const entries = Object.keys(files).flatMap((path): ModuleFile[] => {
    const key = moduleKeyOf(path);
    return key ? [{ ...key, path, label: path }] : [];
  });
  const table = createModuleTable(entries);
  const summaries = new Map<string, ReturnType<typeof summarizeText>>();
  return {
    table,
    fileAt: (path) => entries.find((entry) => entry.path === path),
    summaryOf(file) {
      if (!summaries.has(file.path)) summaries.set(file.path, summarizeText(parser, files[file.path]));
      return summaries.get(file.path) ?? { unavailable: 'could not be parsed' };
    },
  };
}

/** The options under which the document at `path` of `files` reads the other modules. */
export async function workspaceOptions(files: Readonly<Record<string, string>>, path: string): Promise<AnalysisOptions> {
  const modules = await workspaceOf(files);
  const importer = modules.fileAt(path);
  return { workspace: { generation: 0, importer: path, lookup: (dotted, called) => lookupImported(modules, importer, dotted, called) } };
}

/** Every `.py` file under a fixture folder, by relative POSIX path. */
export function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.py')) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

/** The folder of a workspace fixture (test/fixtures/workspaces/<name>). */
export function workspaceFixture(name: string): string {
  return path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces', name);
}
