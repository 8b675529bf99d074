/**
 * The cheap tests before any parsing. The analysis finds nothing in a module that imports no
 * catalogued module (analyze.ts stops when its import table names none), so a text in which no
 * import can name one needs no tree.
 *
 * `mentionsCatalogModule` is the byte-level test: false when no module name occurs anywhere (it
 * scans for part of each name, `quests` of `requests`, so a true may be wrong). It works on text
 * and, since module names are ASCII, equally on UTF-8 bytes (a Node Buffer), so the CLI skips
 * decoding.
 *
 * `importsCatalogModule` is the stricter one, sound for every text, broken ones included: a
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
 */
import type { Catalog } from '../catalog';

/** Anything with a substring test: a string, or UTF-8 bytes with `includes` (Node's Buffer). */
export type Searchable = { includes(needle: string): boolean };

/** True when `source` contains the name of a module of a catalogued library. */
export function mentionsCatalogModule(catalog: Catalog, source: Searchable): boolean {
  return patternsFor(catalog).needles.some((needle) => source.includes(needle));
}

/** True unless no import statement in `text` can name a catalogued module (see above). */
export function importsCatalogModule(catalog: Catalog, text: string): boolean {
  const patterns = patternsFor(catalog);
  if (!patterns.heads.some((head) => text.includes(head))) return false;
  const inert = inertSpans(text);
  const headPattern = new RegExp(patterns.head.source, 'g');
  /** The first head at or after `from` outside comments and strings, or -1. */
  const headFrom = (from: number) => {
    headPattern.lastIndex = from;
    for (let found = headPattern.exec(text); found; found = headPattern.exec(text)) if (!inert.covers(found.index)) return found.index;
    return -1;
  };
  let head = -1; // The first head at or after the current keyword: keywords come in text order.
  for (const keyword of text.matchAll(KEYWORD)) {
    if (inert.covers(keyword.index)) continue;
    const start = keyword.index + keyword[0].length;
    if (head < start) head = headFrom(start);
    if (head === -1) return false;
    if (head < reachEnd(text, keyword[0], keyword.index, start) && bindsCatalogPath(catalog, text, keyword[0], keyword.index, start) !== false) return true;
  }
  return false;
}

/** `import` or `from` as a word (digits or a dot may precede: tree-sitter splits `1import` and `x.import`). */
const KEYWORD = /(?<![A-Za-z_])(?:import|from)(?![A-Za-z0-9_])/g;

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

/** Comments and string literals, where no keyword or name is a token. */
type Inert = {
  /** True when `index` lies inside one. */
  covers(index: number): boolean;
};

/** What the lexer looks for: a comment or string start, or a character after which it stops (see inertSpans). */
const LEXER = /[#'"]|\\(?!\r?\n)|[\0\u2060\u200B]|(?<!^)\uFEFF/g;
/** What ends a string opened by each quote: the quote itself, or a line end for one-line strings; `\x` is skipped. */
const STRING_END: Record<string, RegExp> = {
  "'": /\\(?:\r\n|[^])|'|\n/g,
  '"': /\\(?:\r\n|[^])|"|\n/g,
  "'''": /\\(?:\r\n|[^])|'''/g,
  '"""': /\\(?:\r\n|[^])|"""/g,
};
/** A prefix that makes a formatted string (f, t, rf, ...), whose `{…}` holds code. */
const FORMATTED_PREFIX = /(?<![\w])[rRbBuU]?[fFtT][rRbBuU]?$/;

/**
 * Comments and strings as tree-sitter lexes them in well-formed code: a comment runs to the line
 * end, a string to its closing quotes (a backslash escapes any character). A formatted string is
 * not inert (its `{…}` is code, with quotes of its own): lexing resumes after its line. Broken
 * text is another matter, since tree-sitter's error recovery may skip a quote and read on as code;
 * so lexing stops, and nothing further is inert, at the first sign of it: an unterminated string,
 * a backslash that continues no line, NUL (the end of input to tree-sitter), or a zero-width space
 * (U+2060, U+200B, U+FEFF but a leading byte-order mark: the grammar skips them as space, its
 * scanner of strings and line ends does not).
 */
function inertSpans(text: string): Inert {
  const starts: number[] = [];
  const ends: number[] = [];
  const lexer = new RegExp(LEXER.source, 'g');
  /** Everything before this offset is lexed: lexing runs only as far as the questions reach. */
  let lexed = 0;
  const lexUntil = (index: number) => {
    while (lexed <= index) {
      lexer.lastIndex = lexed;
      const found = lexer.exec(text);
      const end = found ? spanEnd(text, found) : undefined;
      if (!found || end === undefined) {
        lexed = Number.POSITIVE_INFINITY;
        return;
      }
      if (end > 0) {
        starts.push(found.index);
        ends.push(end);
      }
      lexed = Math.abs(end);
    }
  };
  return {
    covers(index) {
      lexUntil(index);
      // The last span that starts at or before `index`.
      let low = 0;
      let high = starts.length - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (starts[middle] <= index) {
          found = middle;
          low = middle + 1;
        } else high = middle - 1;
      }
      return found !== -1 && index < ends[found];
    },
  };
}

/** The end of the comment or string the lexer found; minus the offset to resume at for code to skip; undefined to stop. */
function spanEnd(text: string, found: RegExpExecArray): number | undefined {
  const start = found.index;
  if (found[0] === '#') {
    const end = lineEnd(text, start);
    return text.slice(start, end).includes('\0') ? undefined : end;
  }
  if (found[0] !== "'" && found[0] !== '"') return undefined;
  const quote = text.startsWith(found[0].repeat(3), start) ? found[0].repeat(3) : found[0];
  const closing = STRING_END[quote];
  closing.lastIndex = start + quote.length;
  for (let match = closing.exec(text); match; match = closing.exec(text)) {
    if (match[0] === '\n') return undefined;
    if (match[0] !== quote) continue;
    const end = match.index + quote.length;
    if (text.slice(start, end).includes('\0')) return undefined;
    if (!FORMATTED_PREFIX.test(text.slice(Math.max(0, start - 3), start))) return end;
    const rest = lineEnd(text, end);
    return SURPRISE.test(text.slice(end, rest)) ? undefined : -rest;
  }
  return undefined;
}

/** Signs of broken text where the lexer stops (see inertSpans). */
const SURPRISE = /\\(?!\r?\n)|[\0\u2060\u200B\uFEFF]/;

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

type Patterns = {
  /**
   * What to scan for: the fewest module names whose absence means no module name at all (`httpx2`
   * contains `httpx`), one scan each, each cut to its `scannedPart`. Finding one is necessary for
   * a module name, not sufficient.
   */
  readonly needles: readonly string[];
  readonly heads: readonly string[];
  readonly head: RegExp;
};
const compiled = new WeakMap<Catalog, Patterns>();

/** The catalog's module names to scan for, its top-level module names, and a search for one that starts a dotted name. */
function patternsFor(catalog: Catalog): Patterns {
  let patterns = compiled.get(catalog);
  if (!patterns) {
    const modules = [...new Set(catalog.libraries.flatMap((library) => library.modules))];
    const needles = modules.filter((module) => !modules.some((other) => other !== module && module.includes(other))).map(scannedPart);
    const heads = [...new Set(catalog.libraries.flatMap((library) => library.modules.map((module) => module.split('.')[0])))];
    const alternatives = [...heads].sort((a, b) => b.length - a.length).map((head) => head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    patterns = { needles, heads, head: new RegExp(`(?<![A-Za-z_.])(?:${alternatives.join('|')})(?![A-Za-z0-9_])`, 'g') };
    compiled.set(catalog, patterns);
  }
  return patterns;
}

/** Letters that are rare in Python source. */
const RARE_LETTER = /[qjzxkv]/;

/**
 * The part of a module name the byte scan looks for: from its first rare letter on, when that
 * leaves four letters or more (`requests` → `quests`), else the whole name. A scan skips ahead to
 * each occurrence of the first letter, so a rare one makes it several times faster.
 */
function scannedPart(module: string): string {
  const rare = RARE_LETTER.exec(module)?.index ?? -1;
  return rare !== -1 && module.length - rare >= 4 ? module.slice(rare) : module;
}

