/**
 * Where the `import`/`from` keywords and given module names stand in code in Python source:
 * comments and string literals are skipped as tree-sitter lexes them in well-formed code. The lexer
 * leaves as much as it can to the engine's native code: one regular expression call reads a run of
 * code and one-line strings (no backslash, no prefix) whole, a docstring is skipped to its closing
 * quotes and a comment to its line end by substring search. Module names are found in the whole
 * text by moduleNames.ts, and each one is lexed up to only when found, so that a text is lexed no
 * further than its last name (or the first one an import reaches); keywords are searched for only
 * between a module name in code and the one before, where they matter. A run's strings are looked
 * at only when a word stands in the run.
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
import { ModuleNames, type Anchor } from './moduleNames';

/** A keyword or module name in code: `index` is its offset, `word` its text. */
export type CodeWord = { readonly index: number; readonly word: string };

/** The zero-width spaces, as UTF-16 characters and as their UTF-8 bytes read as Latin-1. */
const ZERO_WIDTH = ['\u2060', '\u200B', '\uFEFF', '\u00E2\u0081\u00A0', '\u00E2\u0080\u008B', '\u00EF\u00BB\u00BF'];
const LATIN1_BOM = '\u00EF\u00BB\u00BF';

const KEYWORDS = ['import', 'from'];
/** What may not stand right before a keyword (digits or a dot may: tree-sitter splits `1import` and `x.import`) or after it. */
const NAME_BEFORE_KEYWORD = /[A-Za-z_]/;
const NAME_AFTER = /[A-Za-z0-9_]/;

/** The first character of each zero-width space. */
const ZERO_WIDTH_FIRST = [...new Set(ZERO_WIDTH.map((space) => space.charAt(0)))].join('');

/** A prefix that makes a formatted string (f, t, rf, ...), whose `{…}` holds code. */
const FORMATTED_PREFIX = /(?<![\w])[rRbBuU]?[fFtT][rRbBuU]?$/;
const PREFIX_LETTER = /[rRbBuUfFtT]/;
/** Signs of broken text after a formatted string, on its line, where lexing stops. */
const SURPRISE = new RegExp(String.raw`\\(?!\r?\n)|\0|${ZERO_WIDTH.join('|')}`);

const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const HASH = 0x23;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const NUL = 0;

/** The keywords and module names of `text` that stand in code. */
export class CodeWords {
  private readonly lexer: CodeLexer;
  /** Per keyword, where it was last searched for from and the first place found (-1: none). */
  private readonly keywordSearches = KEYWORDS.map(() => ({ from: Infinity, at: -1 }));

  constructor(
    private readonly text: string,
    private readonly anchors: readonly Anchor[],
  ) {
    this.lexer = new CodeLexer(text);
  }

  /**
   * The module names (those `anchors` find) that stand in code, in text order. Most texts name
   * none at all, which the search of the whole text tells at once; and the first name of most
   * texts that import one is the import, yielded after lexing up to it. Past that, the text is
   * lexed whole, its spans of code joined (a space between two, which no name crosses) and searched
   * at once, so that docstrings and comments are not searched.
   */
  *modules(): Generator<CodeWord> {
    const { text } = this;
    const first = new ModuleNames(text, this.anchors).next(0);
    if (first === undefined) return;
    if (this.lexer.isCode(first.index)) yield first;
    const spans = this.lexer.lexAll();
    const parts: string[] = [];
    /** Where each span starts in the joined code. */
    const joinedStarts: number[] = [];
    let length = 0;
    for (let span = 0; span < spans.length; span += 3) {
      joinedStarts.push(length);
      parts.push(text.slice(spans[span], spans[span + 1]));
      length += spans[span + 1] - spans[span] + 1;
    }
    const names = new ModuleNames(parts.join(' '), this.anchors);
    /** The span the last name stood in, found by walking forward (names come in order). */
    let span = 0;
    for (let found = names.next(0); found !== undefined; found = names.next(found.index + 1)) {
      while (span + 1 < joinedStarts.length && joinedStarts[span + 1] <= found.index) span++;
      const index = spans[3 * span] + found.index - joinedStarts[span];
      if (index > first.index && this.lexer.isCode(index)) yield { index, word: found.word };
    }
  }

  /**
   * The keywords that stand in code from `from` to before `to` (a place lexed already: a module
   * name's), in no particular order; each call's `from` at or after the last one's `to`.
   */
  *keywords(from: number, to: number): Generator<CodeWord> {
    for (let keyword = 0; keyword < KEYWORDS.length; keyword++) {
      const word = KEYWORDS[keyword];
      for (let at = this.keywordFrom(keyword, from); at !== -1 && at < to; at = this.keywordFrom(keyword, at + 1)) {
        if (!NAME_BEFORE_KEYWORD.test(this.text.charAt(at - 1)) && !NAME_AFTER.test(this.text.charAt(at + word.length)) && this.lexer.isCode(at)) yield { index: at, word };
      }
    }
  }

  /** The first place of keyword number `keyword` at or after `from`, or -1; a search is repeated only when `from` passed its find. */
  private keywordFrom(keyword: number, from: number): number {
    const search = this.keywordSearches[keyword];
    if (from < search.from || (search.at !== -1 && search.at < from)) {
      search.from = from;
      search.at = this.text.indexOf(KEYWORDS[keyword], from);
    }
    return search.at;
  }
}

/**
 * Splits the text into code and the rest (strings, comments), from its start, as far as asked:
 * every offset asked about is lexed up to, once. Most of a module is code and one-line strings
 * without escapes or prefix: one regular expression call reads such a run whole, and the strings
 * inside it are found only when a word in the run is asked about.
 */
class CodeLexer {
  /** What is known so far, in text order: [start, end, kind] triples of code, and of runs of code and plain strings. */
  private readonly spans: number[] = [];
  private at: number;
  /** Whether lexing is over: everything from `at` on is code. */
  private stopped = false;
  private readonly firstNul: number;
  /** Where a backslash was last searched for from, and the first one found (-1: none). */
  private readonly backslashSearch = { from: Infinity, at: -1 };

  constructor(private readonly text: string) {
    this.at = text.startsWith('\uFEFF') ? 1 : text.startsWith(LATIN1_BOM) ? LATIN1_BOM.length : 0;
    this.firstNul = text.indexOf('\0');
  }

  /** Lexes the whole text; the spans of code, the part from where lexing stopped included. */
  lexAll(): readonly number[] {
    while (!this.stopped) this.step();
    if (this.at < this.text.length) this.spans.push(this.at, this.text.length, CODE);
    this.at = this.text.length;
    return this.spans;
  }

  isCode(index: number): boolean {
    while (!this.stopped && this.at <= index) this.step();
    if (this.stopped && index >= this.at) return true;
    // The last span that starts at or before `index`, by bisection.
    const { spans } = this;
    let low = 0;
    let high = spans.length / 3;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (spans[3 * middle] <= index) low = middle + 1;
      else high = middle;
    }
    const span = 3 * (low - 1);
    if (low === 0 || index >= spans[span + 1]) return false;
    return spans[span + 2] === CODE || !inPlainString(this.text, spans[span], index);
  }

  /** Lexes from `at` past a run of code and plain strings, then past the quote, `#`, backslash or sign of broken text after it. */
  private step(): void {
    const { text } = this;
    PLAIN_RUN.lastIndex = this.at;
    PLAIN_RUN.test(text);
    const index = PLAIN_RUN.lastIndex;
    if (index > this.at) this.spans.push(this.at, index, RUN);
    this.at = index;
    if (index >= text.length) return this.stop();
    const first = text.charCodeAt(index);
    if (first === QUOTE || first === DOUBLE_QUOTE) {
      const end = this.stringEnd(index, first);
      if (end === undefined) return this.stop();
      if (!isFormatted(text, index)) return void (this.at = end);
      // A formatted string: code up to its line end, where lexing resumes.
      const resume = lineEnd(text, end);
      if (SURPRISE.test(text.slice(end, resume))) return this.stop();
      this.spans.push(index, resume, CODE);
      this.at = resume;
    } else if (first === HASH) {
      const end = lineEnd(text, index);
      if (this.nulWithin(index, end)) return this.stop();
      this.at = end;
    } else if (first === BACKSLASH) {
      // A backslash that continues the line is code; any other stops lexing.
      const after = text.charCodeAt(index + 1);
      if (!(after === NEWLINE || (after === CARRIAGE_RETURN && text.charCodeAt(index + 2) === NEWLINE))) return this.stop();
      this.at = index + 1; // No word starts at a backslash: it needs no span.
    } else if (first === NUL || ZERO_WIDTH.some((space) => text.startsWith(space, index))) {
      this.stop();
    } else {
      this.at = index + 1; // The first character of a zero-width space in Latin-1, but not one: code, where no word starts.
    }
  }

  /** Lexing stops: everything from `at` on is code. */
  private stop(): void {
    this.stopped = true;
  }

  /** The first backslash at or after `from`, or -1; searched again only when `from` passed the one found (a docstring's search would otherwise read on to the next backslash, often the end of the text). */
  private backslashFrom(from: number): number {
    const search = this.backslashSearch;
    if (from < search.from || (search.at !== -1 && search.at < from)) {
      search.from = from;
      search.at = this.text.indexOf('\\', from);
    }
    return search.at;
  }

  private nulWithin(from: number, to: number): boolean {
    return this.firstNul !== -1 && this.firstNul >= from && this.firstNul < to;
  }

  /**
   * Where the string whose opening quote (`quote`, a character code) is at `index` ends, after its
   * closing quotes; undefined when it does not (a line end in a one-line string, NUL, the end of
   * the text). `\x` is skipped, a backslash before a line end too.
   */
  private stringEnd(index: number, quote: number): number | undefined {
    const { text } = this;
    if (text.charCodeAt(index + 1) !== quote || text.charCodeAt(index + 2) !== quote) {
      const closing = quote === QUOTE ? SINGLE_QUOTED : DOUBLE_QUOTED;
      closing.lastIndex = index;
      return closing.test(text) ? closing.lastIndex : undefined;
    }
    const closing = text.charAt(index).repeat(3);
    for (let from = index + 3; ; ) {
      const close = text.indexOf(closing, from);
      if (close === -1) return undefined;
      const backslash = this.backslashFrom(from);
      if (backslash === -1 || backslash >= close) return this.nulWithin(index, close) ? undefined : close + 3;
      from = backslash + escapeLength(text, backslash);
    }
  }
}

/** Kinds of span: all code; code and plain strings. */
const CODE = 0;
const RUN = 1;

/**
 * A run of code (no quote, `#`, backslash, NUL or first character of a zero-width space) and
 * one-line strings with no backslash and no name character before them (which may be a prefix);
 * a quote that opens three is not one.
 */
const CODE_CHARACTERS = String.raw`[^'"#\\\0${ZERO_WIDTH_FIRST}]*`;
const PLAIN_RUN = new RegExp(String.raw`${CODE_CHARACTERS}(?:(?<![A-Za-z0-9_])(?:'(?!'')[^'\\\n\0]*'|"(?!"")[^"\\\n\0]*")${CODE_CHARACTERS})*`, 'y');
/** A plain string, as found inside such a run. */
const PLAIN_STRING = /'[^'\\\n\0]*'|"[^"\\\n\0]*"/g;
/** A one-line string from its opening quote: `\x` skipped, a line end or NUL ends it unclosed. */
const SINGLE_QUOTED = /'(?:[^'\\\n\0]|\\(?:\r\n|[^\0]))*'/y;
const DOUBLE_QUOTED = /"(?:[^"\\\n\0]|\\(?:\r\n|[^\0]))*"/y;

/** Whether `index`, in a run of code and plain strings that starts at `start`, is inside one of its strings. */
function inPlainString(text: string, start: number, index: number): boolean {
  PLAIN_STRING.lastIndex = start;
  for (let found = PLAIN_STRING.exec(text); found && found.index <= index; found = PLAIN_STRING.exec(text)) {
    if (index < found.index + found[0].length) return true;
  }
  return false;
}

/** How many characters the escape at `backslash` takes: `\` and a line end (`\r\n` whole) or any character but NUL; just `\` before NUL or at the end. */
function escapeLength(text: string, backslash: number): number {
  const next = text.charCodeAt(backslash + 1);
  if (next === CARRIAGE_RETURN && text.charCodeAt(backslash + 2) === NEWLINE) return 3;
  return next === NUL || Number.isNaN(next) ? 1 : 2;
}

/** Whether the string whose quote is at `index` is formatted: its prefix, read from the three characters before the quote. */
function isFormatted(text: string, index: number): boolean {
  return PREFIX_LETTER.test(text.charAt(index - 1)) && FORMATTED_PREFIX.test(text.slice(Math.max(0, index - 3), index));
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
