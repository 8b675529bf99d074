/**
 * One forward pass over Python source that reports, in text order, the `import`/`from` keywords and
 * the given module names that stand in code: comments and string literals are skipped as
 * tree-sitter lexes them in well-formed code. Each character is read by one regular expression
 * only (the code scanner, or the end-of-string or end-of-comment search), so a module full of
 * docstrings costs about one pass over its text.
 *
 * Broken text is another matter, since tree-sitter's error recovery may skip a quote and read on as
 * code; so lexing stops, and everything after counts as code, at the first sign of it: an
 * unterminated string, a backslash that continues no line, NUL (the end of input to tree-sitter),
 * or a zero-width space (U+2060, U+200B, U+FEFF but a leading byte-order mark: the grammar skips
 * them as space, its scanner of strings and line ends does not). A formatted string is code (its
 * `{…}` holds expressions with quotes of their own): from its opening quote to the end of its line
 * nothing is lexed, and lexing resumes on the next line.
 *
 * The text may also be UTF-8 bytes read one character per byte (Latin-1, Node's
 * `buffer.toString('latin1')`), which costs a copy where decoding costs far more: every character
 * the lexer or a word test looks at is ASCII, and a non-ASCII character is read as two to four
 * non-ASCII characters, which no test takes for a letter, quote or line end. The zero-width spaces
 * are looked for in that form too, and a leading byte-order mark is skipped in both.
 */

/** A keyword or module name in code: `index` is its offset, `word` its text. */
export type CodeWord = { readonly kind: 'keyword' | 'module'; readonly index: number; readonly word: string };

/** The zero-width spaces, as UTF-16 characters and as their UTF-8 bytes read as Latin-1. */
const ZERO_WIDTH = ['\u2060', '\u200B', '\uFEFF', '\u00E2\u0081\u00A0', '\u00E2\u0080\u008B', '\u00EF\u00BB\u00BF'];
const LATIN1_BOM = '\u00EF\u00BB\u00BF';

const KEYWORDS = ['import', 'from'];
/** What may not stand right before a keyword (digits or a dot may: tree-sitter splits `1import` and `x.import`) or a module name. */
const NAME_BEFORE_KEYWORD = /[A-Za-z_]/;
const NAME_BEFORE_MODULE = /[A-Za-z_.]/;
const NAME_AFTER = /[A-Za-z0-9_]/;

/** What ends a string opened by each quote: the quote itself, or a line end for one-line strings; `\x` is skipped; NUL, escaped or not, stops lexing. */
const STRING_END: Record<string, RegExp> = {
  "'": /\\(?:\r\n|[^\0])|'|\n|\0/g,
  '"': /\\(?:\r\n|[^\0])|"|\n|\0/g,
  "'''": /\\(?:\r\n|[^\0])|'''|\0/g,
  '"""': /\\(?:\r\n|[^\0])|"""|\0/g,
};
/** What ends a comment: its line end, or NUL, which stops lexing. */
const COMMENT_END = /[\n\0]/g;
/** A prefix that makes a formatted string (f, t, rf, ...), whose `{…}` holds code. */
const FORMATTED_PREFIX = /(?<![\w])[rRbBuU]?[fFtT][rRbBuU]?$/;
/** Signs of broken text after a formatted string, on its line, where lexing stops. */
const SURPRISE = new RegExp(String.raw`\\(?!\r?\n)|\0|${ZERO_WIDTH.join('|')}`);

/**
 * A one-line string with no backslash, read whole by the code scanner (most strings of a module are
 * such: one match instead of two); `''` that opens `'''` is not one.
 */
const PLAIN_STRING = String.raw`'(?!'')[^'\\\n\0]*'|"(?!"")[^"\\\n\0]*"`;

type Scanners = { readonly code: RegExp; readonly wordsOnly: RegExp };
const scannersFor = new Map<string, Scanners>();

/** The code scanner (lexer characters and words) and the words-only scanner, for a set of module names. */
function scanners(modules: readonly string[]): Scanners {
  const key = modules.join(' ');
  let found = scannersFor.get(key);
  if (!found) {
    // Longer words first, so that `httpx2` is read whole rather than as `httpx` followed by `2`.
    const words = [...KEYWORDS, ...modules].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    found = { code: new RegExp(String.raw`${PLAIN_STRING}|[#'"\\\0]|${ZERO_WIDTH.join('|')}|${words}`, 'g'), wordsOnly: new RegExp(words, 'g') };
    scannersFor.set(key, found);
  }
  return found;
}

/** The keywords and names of `modules` (top-level module names: no dots) that stand in code, in text order. */
export function* codeWords(text: string, modules: readonly string[]): Generator<CodeWord> {
  const { code, wordsOnly } = scanners(modules);
  const word = (index: number, found: string): CodeWord | undefined => {
    const keyword = KEYWORDS.includes(found);
    const before = text.charAt(index - 1);
    if ((keyword ? NAME_BEFORE_KEYWORD : NAME_BEFORE_MODULE).test(before) || NAME_AFTER.test(text.charAt(index + found.length))) return undefined;
    return { kind: keyword ? 'keyword' : 'module', index, word: found };
  };
  let at = text.startsWith('\uFEFF') ? 1 : text.startsWith(LATIN1_BOM) ? LATIN1_BOM.length : 0;
  let lexing = true;
  for (;;) {
    const scanner = lexing ? code : wordsOnly;
    scanner.lastIndex = at;
    const found = scanner.exec(text);
    if (!found) return;
    const index = found.index;
    const token = found[0];
    if (!isLexerToken(token)) {
      const codeWord = word(index, token);
      if (codeWord) yield codeWord;
      // A rejected match is made of name characters, none of which may precede a word.
      at = index + (codeWord ? token.length : 1);
      continue;
    }
    const first = token.charAt(0);
    if ((first === "'" || first === '"') && token.length > 1 && !isFormatted(text, index)) {
      at = index + token.length; // A plain string.
      continue;
    }
    const end = first === '\\' ? continuedLineEnd(text, index) : first === '#' ? commentEnd(text, index) : first === "'" || first === '"' ? stringEnd(text, index, first) : undefined;
    if (end === undefined) {
      lexing = false;
      at = index;
    } else if (end >= 0) at = end;
    else {
      // A formatted string: code up to its line end, where lexing resumes.
      const resume = -end;
      wordsOnly.lastIndex = index;
      for (let inside = wordsOnly.exec(text); inside && inside.index < resume; inside = wordsOnly.exec(text)) {
        const codeWord = word(inside.index, inside[0]);
        if (codeWord) yield codeWord;
        wordsOnly.lastIndex = inside.index + (codeWord ? inside[0].length : 1);
      }
      at = resume;
    }
  }
}

function isLexerToken(token: string): boolean {
  const first = token.charCodeAt(0);
  return first < 0x41 || first === 0x5c || first > 0x7f; // `#`, quotes and NUL; the backslash; the zero-width spaces.
}

/** After a backslash in code: past it when it continues the line, else undefined (lexing stops). */
function continuedLineEnd(text: string, index: number): number | undefined {
  const next = text.charAt(index + 1);
  return next === '\n' || (next === '\r' && text.charAt(index + 2) === '\n') ? index + 1 : undefined;
}

function commentEnd(text: string, index: number): number | undefined {
  COMMENT_END.lastIndex = index;
  const found = COMMENT_END.exec(text);
  if (!found) return text.length;
  return found[0] === '\n' ? found.index : undefined;
}

/** Where lexing resumes after the string opened at `index`; minus that offset for a formatted string; undefined to stop. */
function stringEnd(text: string, index: number, quoteCharacter: string): number | undefined {
  const quote = text.startsWith(quoteCharacter.repeat(3), index) ? quoteCharacter.repeat(3) : quoteCharacter;
  const closing = STRING_END[quote];
  closing.lastIndex = index + quote.length;
  for (let match = closing.exec(text); match; match = closing.exec(text)) {
    if (match[0] === '\n' || match[0] === '\0') return undefined;
    if (match[0] !== quote) continue;
    const end = match.index + quote.length;
    if (!isFormatted(text, index)) return end;
    const rest = lineEnd(text, end);
    return SURPRISE.test(text.slice(end, rest)) ? undefined : -rest;
  }
  return undefined;
}

/** Whether the string whose quote is at `index` is formatted: its prefix, read from the three characters before the quote. */
function isFormatted(text: string, index: number): boolean {
  return PREFIX_LETTER.test(text.charAt(index - 1)) && FORMATTED_PREFIX.test(text.slice(Math.max(0, index - 3), index));
}

const PREFIX_LETTER = /[rRbBuUfFtT]/;

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
