/**
 * The list of libraries the catalog knows, and lookups by qualified name (`httpx.Client`).
 * Everything else reads library knowledge through this module.
 */
import { aiohttp } from './aiohttp';
import { httpx } from './httpx';
import { httpx2 } from './httpx2';
import { requests } from './requests';
import type { CallableSpec, ConfigSpec, LibrarySpec } from './schema';
import { urllib3 } from './urllib3';

export type CatalogEntry = { readonly library: LibrarySpec; readonly callable: CallableSpec };

/** An indexed set of libraries. */
export type Catalog = {
  readonly libraries: readonly LibrarySpec[];
  /** The callable a qualified name refers to: `module.Name`, or `module.Receiver.method` for a method. */
  lookup(qualifiedName: string): CatalogEntry | undefined;
  /** The config object with this id (`httpx.Timeout`). */
  config(library: LibrarySpec, id: string): ConfigSpec | undefined;
  /** True when the top-level module name belongs to a catalogued library. */
  knowsModule(module: string): boolean;
};

export function createCatalog(libraries: readonly LibrarySpec[]): Catalog {
  const byQualifiedName = new Map<string, CatalogEntry>();
  const modules = new Set<string>();
  for (const library of libraries) {
    for (const module of library.modules) {
      modules.add(module);
      for (const callable of library.callables) {
        // A method is reachable through every path of its receiver; a callable through its name and aliases.
        const receiver = callable.receiver ? library.callables.find((candidate) => candidate.name === callable.receiver) : undefined;
        const owners = receiver ? [receiver.name, ...(receiver.aliases ?? [])] : [undefined];
        const names = callable.receiver ? [callable.name] : [callable.name, ...(callable.aliases ?? [])];
        for (const owner of owners) {
          for (const name of names) byQualifiedName.set(`${module}.${owner ? `${owner}.` : ''}${name}`, { library, callable });
        }
      }
    }
  }
  return {
    libraries,
    lookup: (qualifiedName) => byQualifiedName.get(qualifiedName),
    config: (library, id) => library.configs.find((config) => config.id === id),
    knowsModule: (module) => modules.has(module),
  };
}

/** Every library Pool Guide ships knowledge of. */
export const LIBRARIES: readonly LibrarySpec[] = [httpx, httpx2, requests, urllib3, aiohttp];

export const defaultCatalog: Catalog = createCatalog(LIBRARIES);
