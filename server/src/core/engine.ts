/**
 * Builds the shared analysis engine: the parser from the two wasm files, the compiled outline
 * query and the catalog. Call once per process; fails with a clear message if a wasm is missing.
 */
import { defaultCatalog, type Catalog } from '../catalog';
import type { AnalysisEngine } from './document';
import { createPythonParser, type WasmPaths } from './syntax/parser';
import { createOutlineQuery } from './syntax/queries';

export async function createEngine(paths: WasmPaths, catalog: Catalog = defaultCatalog): Promise<AnalysisEngine> {
  let parser;
  try {
    parser = await createPythonParser(paths);
  } catch (error) {
    throw new Error(`Pool Guide could not load its Python parser (${paths.runtime}, ${paths.grammar}): ${String(error)}`);
  }
  return { parser, runOutline: createOutlineQuery(parser), catalog };
}
