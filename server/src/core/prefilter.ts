/**
 * The cheap test before any parsing: a source that never mentions a catalogued module's name
 * cannot import one, so its analysis finds nothing. Works on text and, since module names are
 * ASCII, equally on UTF-8 bytes (a Node Buffer), which lets the CLI skip decoding too.
 */
import type { Catalog } from '../catalog';

/** Anything with a substring test: a string, or UTF-8 bytes with `includes` (Node's Buffer). */
export type Searchable = { includes(needle: string): boolean };

/** True when `source` contains the name of a module of a catalogued library. */
export function mentionsCatalogModule(catalog: Catalog, source: Searchable): boolean {
  return catalog.libraries.some((library) => library.modules.some((module) => source.includes(module)));
}
