/**
 * The cheap test before any parsing. The analysis finds nothing in a module that imports no
 * catalogued module (analyze.ts stops when its import table names none), so a text in which no
 * import can name one needs no tree.
 *
 * `importsCatalogModule` is that test, sound for every text, broken ones included: a
 * catalogued top-level name (`requests` of `requests.packages.urllib3`) must start a dotted name,
 * outside comments and strings, within the reach of an `import` or `from` keyword. A well-formed
 * statement reaches exactly its module names: `import a, b.c as d` its list, `from m import …` its
 * `m`, never the names after its `import` (`from pip._vendor import requests` is
 * `pip._vendor.requests`). Any other keyword, junk after it or a line break where Python allows
 * none, reaches to the end of the text: tree-sitter's error recovery builds imports out of broken
 * lines (`print(1) import requests`, `import os (\nrequests`), and the analysis reads them. So a
 * docstring or comment that mentions `requests`, or `import pip._vendor.requests`, lets a file
 * through no more; only `yield from` and `raise … from` in a file that later names a catalogued
 * module outside strings make a needless parse. A well-formed import at the start of a statement
 * that binds nothing leading to a catalogued callable (`from urllib3.exceptions import HTTPError`,
 * `import aiohttp.web as web`; see `Catalog.knowsPath`) does not count either: the analysis
 * follows only such bindings (analyze.ts stops early on the same test).
 *
 * Most texts name no catalogued module at all: a few native single-character searches over the
 * text tell (moduleNames.ts), and nothing is lexed. A text that names one in its docstrings only is
 * lexed once (codeWords.ts).
 */
import type { Catalog } from '../catalog';
import { CodeWords } from './codeWords';
import { anchorsFor, type Anchor } from './moduleNames';

/**
 * True unless no import statement in `text` can name a catalogued module (see above). `text` may
 * also be UTF-8 bytes read as Latin-1 (see codeWords.ts): the answer is then true wherever it is
 * for the decoded text, and the CLI decodes only the files that pass.
 */
export function importsCatalogModule(catalog: Catalog, text: string): boolean {
  const words = new CodeWords(text, anchorsOf(catalog));
  // The keywords since the module name before: that name is the first one each of them may reach.
  let keywordsFrom = 0;
  for (const module of words.modules()) {
    for (const keyword of words.keywords(keywordsFrom, module.index)) {
      const start = keyword.index + keyword.word.length;
      if (module.index < reachEnd(text, keyword.word, keyword.index, start) && bindsCatalogPath(catalog, text, keyword.word, keyword.index, start) !== false) return true;
    }
    keywordsFrom = module.index + module.word.length;
  }
  return false;
}

const clean = (() => {
  const gap = String.raw`(?:[ \t\f]|\\\r?\n)*`;
  const gap1 = String.raw`(?:[ \t\f]|\\\r?\n)+`;
  const identifier = '[A-Za-z_][A-Za-z0-9_]*';
  const dotted = `${identifier}(?:${gap}\\.${gap}${identifier})*`;
  const alias = `(?:${gap1}as${gap1}${identifier})?`;
  const statementEnd = String.raw`${gap}(?:#[^\n\0]*)?(?:\r?\n|;|$)`;
  const inside = String.raw`(?:\s|#[^\n\0]*)*`;
  const nameAlias = `(?:\\s+as\\s+${identifier})?`;
  const bracketed = String.raw`\(${inside}${identifier}${nameAlias}(?:${inside},${inside}${identifier}${nameAlias})*${inside},?${inside}\)`;
  const plainNames = `${identifier}${alias}(?:${gap},${gap}${identifier}${alias})*`;
  return {
    /** After `import`: dotted names with aliases, to the end of the statement. */
    importList: new RegExp(`${gap1}${dotted}${alias}(?:${gap},${gap}${dotted}${alias})*${statementEnd}`, 'y'),
    /** After `from`: the module, absolute or relative, then `import` (whose index ends the match). */
    fromModule: new RegExp(`${gap1}(?:(?:\\.${gap})+(?:${dotted}${gap1})?|${dotted}${gap1})(?=import(?![A-Za-z0-9_]))`, 'y'),
    /** After the `import` of `from m import`: names with aliases or `*`, parenthesised or not, to the end of the statement. */
    nameList: new RegExp(`${gap}(?:\\*|${bracketed}|${plainNames})${statementEnd}`, 'y'),
    /** An `import` keyword opening a line or following `;` or `:`. */
    importStart: new RegExp(String.raw`(?<=(?:^|[\n;:])[ \t\f]*)import`, 'y'),
    /** Before that `import`: `from m` opening a line or following `;` or `:`. */
    fromImport: new RegExp(String.raw`(?<=(?:^|[\n;:])[ \t\f]*from${gap1}[\w.]+${gap})import`, 'y'),
  };
})();

/** The end of a sticky match of `pattern` at `index`, or -1. */
function matchEnd(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/**
 * Where a head may stand and be imported, for a keyword at `index` that ends at `start`: a
 * well-formed statement reaches exactly its names (none for the names of `from m import`, which
 * stand for `m.name`); anything else reaches to the end of the text, since tree-sitter's error
 * recovery may carry a broken statement across junk and lines.
 */
function reachEnd(text: string, keyword: string, index: number, start: number): number {
  if (keyword === 'from') {
    const moduleEnd = matchEnd(clean.fromModule, text, start);
    return moduleEnd === -1 ? text.length : moduleEnd;
  }
  if (matchEnd(clean.fromImport, text, index) !== -1) return matchEnd(clean.nameList, text, start) === -1 ? text.length : start;
  const listEnd = matchEnd(clean.importList, text, start);
  return listEnd === -1 ? text.length : listEnd;
}

/**
 * For a statement that names a head within its reach: false when it is a well-formed import at the
 * start of a statement that binds nothing the analysis can follow to a catalogued callable (see
 * `Catalog.knowsPath`): `from urllib3.exceptions import HTTPError`, `import aiohttp.web as web`.
 * Undefined for anything else, which counts as an import of the head.
 */
function bindsCatalogPath(catalog: Catalog, text: string, keyword: string, index: number, start: number): boolean | undefined {
  if (keyword === 'from') {
    const moduleEnd = matchEnd(clean.fromModule, text, start);
    if (moduleEnd === -1 || matchEnd(clean.fromImport, text, moduleEnd) === -1) return undefined;
    const namesStart = moduleEnd + 'import'.length;
    const namesEnd = matchEnd(clean.nameList, text, namesStart);
    if (namesEnd === -1) return undefined;
    const module = withoutGaps(text.slice(start, moduleEnd));
    // A relative import never names a catalogued module (the head only stood after its dots).
    if (module.startsWith('.')) return false;
    const names = withoutComments(text.slice(namesStart, namesEnd));
    if (names.includes('*')) return catalog.knowsPath(module);
    return [...names.matchAll(IMPORTED_NAME)].some((name) => catalog.knowsPath(`${module}.${name[1]}`));
  }
  if (matchEnd(clean.importStart, text, index) === -1) return undefined;
  const listEnd = matchEnd(clean.importList, text, start);
  if (listEnd === -1) return undefined;
  // `import a.b` binds `a`; `import a.b as c` binds `a.b`.
  return withoutComments(text.slice(start, listEnd))
    .replace(/;$/, '')
    .split(',')
    .some((item) => {
      const [dotted, alias] = item.split(/\s+as\s+/);
      const module = withoutGaps(dotted);
      return catalog.knowsPath(alias === undefined ? module.split('.')[0] : module);
    });
}

/** A name imported by `from m import …`, with or without `as alias` (the alias is not captured). */
const IMPORTED_NAME = /([A-Za-z_][A-Za-z0-9_]*)(?:\s+as\s+[A-Za-z_][A-Za-z0-9_]*)?/g;

/** Part of a well-formed statement without comments, and with its line continuations as spaces. */
function withoutComments(part: string): string {
  return part.replace(/#[^\n]*/g, ' ').replace(/\\\r?\n/g, ' ');
}

/** A dotted name as written, spaces and line continuations taken out (`urllib3 . util` → `urllib3.util`). */
function withoutGaps(dotted: string): string {
  return dotted.replace(/[ \t\f\r\n\\]/g, '');
}

const anchors = new WeakMap<Catalog, readonly Anchor[]>();

/** How the catalog's top-level module names (`requests` of `requests.adapters`) are searched for (moduleNames.ts). */
function anchorsOf(catalog: Catalog): readonly Anchor[] {
  let found = anchors.get(catalog);
  if (!found) {
    const heads = [...new Set(catalog.libraries.flatMap((library) => library.modules.map((module) => module.split('.')[0])))];
    anchors.set(catalog, (found = anchorsFor(heads)));
  }
  return found;
}
