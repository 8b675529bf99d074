/**
 * The list of libraries the catalog knows, and lookups by qualified name (`httpx.Client`).
 * Everything else reads library knowledge through this module.
 */
import { aiohttp } from './aiohttp';
import { anthropic } from './anthropic';
import { boto3 } from './boto3';
import { botocore } from './botocore';
import { httpx } from './httpx';
import { httpx2 } from './httpx2';
import { openai } from './openai';
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
  /**
   * True when a catalogued callable has this qualified name or lies below it (`requests`,
   * `requests.adapters`, `requests.Session`): an import of anything else binds nothing the
   * analysis can follow to a callable (`from urllib3.exceptions import HTTPError`).
   */
  knowsPath(qualifiedName: string): boolean;
  /**
   * True when a catalogued method (a callable with a receiver) has this name (`get`, `mount`,
   * `with_options`): a call of any other method is no catalogued call, whatever its receiver is,
   * so the receiver need not be evaluated.
   */
  hasMethod(name: string): boolean;
  /**
   * True when a catalogued callable lists an attribute of this name among those its library never
   * reads (`timeout` on a requests Session): an assignment to any other attribute is no write a
   * check reads, so its object need not be evaluated.
   */
  hasIgnoredAttribute(name: string): boolean;
};

export function createCatalog(libraries: readonly LibrarySpec[]): Catalog {
  const byQualifiedName = new Map<string, CatalogEntry>();
  for (const library of libraries) {
    for (const module of library.modules) {
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
  const paths = new Set<string>();
  for (const qualifiedName of byQualifiedName.keys()) {
    for (let end = qualifiedName.length; end !== -1; end = qualifiedName.lastIndexOf('.', end - 1)) paths.add(qualifiedName.slice(0, end));
  }
  const methods = new Set(libraries.flatMap((library) => library.callables.filter((callable) => callable.receiver).map((callable) => callable.name)));
  const ignoredAttributes = new Set(libraries.flatMap((library) => library.callables.flatMap((callable) => (callable.ignoredAttributes ?? []).map((attribute) => attribute.name))));
  return {
    libraries,
    lookup: (qualifiedName) => byQualifiedName.get(qualifiedName),
    config: (library, id) => library.configs.find((config) => config.id === id),
    knowsPath: (qualifiedName) => paths.has(qualifiedName),
    hasMethod: (name) => methods.has(name),
    hasIgnoredAttribute: (name) => ignoredAttributes.has(name),
  };
}

/** Every library Pool Guide ships knowledge of. */
export const LIBRARIES: readonly LibrarySpec[] = [httpx, httpx2, requests, urllib3, aiohttp, openai, anthropic, botocore, boto3];

export const defaultCatalog: Catalog = createCatalog(LIBRARIES);
