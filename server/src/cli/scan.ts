/**
 * The files of a run as the CLI reads them (sourceFile.ts), through one buffer, in the order given:
 * each one's text when its bytes may import a catalogued module, else that it is unneeded or
 * skipped, and why; with the digest of its bytes when a result cache is open (a run without one
 * hashes nothing).
 */
import { defaultCatalog } from '../catalog';
import { contentDigest } from './cache/digest';
import { mayImportCatalogModule, SourceReader, type ReadFile } from './sourceFile';

export function* readFiles(files: readonly string[], digests: boolean): Generator<ReadFile> {
  const reader = new SourceReader();
  for (const file of files) {
    let digest: string | undefined;
    const source = reader.read(file, (bytes) => {
      if (digests) digest = contentDigest(bytes);
      return mayImportCatalogModule(defaultCatalog, bytes);
    });
    yield digest === undefined ? source : { ...source, digest };
  }
}
