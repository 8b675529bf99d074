/**
 * Where given module names (top-level names: no dots) stand alone in a text, found at the speed of
 * the engine's native single-character search. Each name has a letter that is rare in Python
 * source (`q` of `requests`); a few such letters together cover every name (the anchors), and a
 * search visits only the places of its anchors, checking there for each name that has the letter
 * (`requests` four characters before a `q`). The anchors are the set of least cost that covers
 * every name, each letter costing its frequency and one more for its pass over the text, so that
 * three passes for `q`, `b` and `p` serve nine names where one pass per name would cost three times
 * as much. A name stands alone when neither a name character nor a dot comes before it and no name
 * character after it.
 *
 * Every character looked at is ASCII, so the text may also be UTF-8 bytes read as Latin-1.
 */
import type { CodeWord } from './codeWords';

/** Per mille of the characters of CPython's standard library; characters not listed count as common. */
const FREQUENCY: Readonly<Record<string, number>> = {
  a: 32.9, b: 6.8, c: 17.4, d: 17.4, e: 63.7, f: 15.6, g: 8.2, h: 10.9, i: 32.4, j: 0.9, k: 3.7, l: 24.1, m: 12.6,
  n: 32.6, o: 31.6, p: 15.2, q: 1.0, r: 36.1, s: 35.4, t: 42.6, u: 13.9, v: 3.9, w: 4.1, x: 5.6, y: 6.5, z: 0.7,
  '0': 7.4, '1': 4.1, '2': 3.4, '3': 2.5, '4': 1.9, '5': 2.0, '6': 1.5, '7': 1.3, '8': 1.5, '9': 1.4, _: 15.3,
};
const COMMON = 30;
/** What a pass over the text costs beside its stops, in the same unit. */
const PASS_COST = 1;

const UNKNOWN = -2;
const NAME_BEFORE = /[A-Za-z_.]/;
const NAME_AFTER = /[A-Za-z0-9_]/;

/**
 * A letter searched for; the names that have it, each with the letter's offset in it; and which
 * pairs of the characters around the letter (their codes' low bytes: `before << 8 | after`) any
 * of them may have, so that most places are turned down by one look-up.
 */
export type Anchor = {
  readonly letter: string;
  readonly names: readonly { readonly name: string; readonly offset: number }[];
  readonly neighbours: Uint8Array;
};

/** The anchors for `names`: the cover of least cost (see above), with every offset of each letter in each name. */
export function anchorsFor(names: readonly string[]): readonly Anchor[] {
  const cost = (letter: string) => PASS_COST + (FREQUENCY[letter] ?? COMMON);
  let best: { letters: string[]; cost: number } = { letters: [], cost: Infinity };
  // Branch on the letters of the first name not covered yet; few names of a few letters each.
  const cover = (letters: string[], spent: number) => {
    if (spent >= best.cost) return;
    const uncovered = names.find((name) => !letters.some((letter) => name.includes(letter)));
    if (uncovered === undefined) return void (best = { letters, cost: spent });
    for (const letter of new Set(uncovered)) cover([...letters, letter], spent + cost(letter));
  };
  cover([], 0);
  // The rarest first: the others then look only before the name it found.
  return best.letters.sort((a, b) => cost(a) - cost(b)).map((letter) => {
    const found = names.flatMap((name) => [...name].flatMap((character, offset) => (character === letter ? [{ name, offset }] : [])));
    return { letter, names: found, neighbours: neighboursOf(found) };
  });
}

/** The pairs of characters around the letter that the names allow (any character where a name has none: at its start or end). */
function neighboursOf(names: Anchor['names']): Uint8Array {
  const pairs = new Uint8Array(1 << 16);
  const any = Array.from({ length: 256 }, (_, code) => code);
  for (const { name, offset } of names) {
    const before = offset > 0 ? [name.charCodeAt(offset - 1)] : any;
    const after = offset + 1 < name.length ? [name.charCodeAt(offset + 1)] : any;
    for (const b of before) for (const a of after) pairs[(b << 8) | a] = 1;
  }
  return pairs;
}

/** The search of one text for module names that stand alone, in text order. */
export class ModuleNames {
  /** Per anchor: the next place of its letter to look at, -1 when there is none, or UNKNOWN: search from `resume`. */
  private readonly hits: number[];
  private readonly resume: number[];
  /** Per anchor: the name found last, until a range starts after it. */
  private readonly found: (CodeWord | undefined)[];

  constructor(
    private readonly text: string,
    private readonly anchors: readonly Anchor[],
  ) {
    this.hits = anchors.map(() => UNKNOWN);
    this.resume = anchors.map(() => 0);
    this.found = anchors.map(() => undefined);
  }

  /**
   * The first name that stands alone at or after `from`; `from` never decreases from one call to
   * the next. Once an anchor found a name, the others look only before it.
   */
  next(from: number): CodeWord | undefined {
    let first: CodeWord | undefined;
    for (let anchor = 0; anchor < this.anchors.length; anchor++) {
      let found = this.found[anchor];
      if (found === undefined || found.index < from) this.found[anchor] = found = this.search(anchor, from, first?.index ?? this.text.length);
      if (found !== undefined && (first === undefined || found.index < first.index)) first = found;
    }
    return first;
  }

  /**
   * The first name of an anchor that stands alone at or after `from`, looking at its letter's places
   * before `to` only (a name before `to` that does not overlap the name there has its letter before
   * it). Names come in text order: two that stand alone never overlap, so a later letter never
   * finds an earlier name.
   */
  private search(anchor: number, from: number, to: number): CodeWord | undefined {
    const { text } = this;
    const { letter, names, neighbours } = this.anchors[anchor];
    let at = this.hits[anchor];
    if (at === UNKNOWN || (at !== -1 && at < from)) at = text.indexOf(letter, Math.max(from, this.resume[anchor]));
    for (; at !== -1 && at < to; at = text.indexOf(letter, at + 1)) {
      // A character's code past the text is NaN, whose low byte is 0: no name's neighbour, but any.
      if (neighbours[((text.charCodeAt(at - 1) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff)] === 0) continue;
      for (const { name, offset } of names) {
        const index = at - offset;
        if (index >= from && text.charCodeAt(index) === name.charCodeAt(0) && text.startsWith(name, index) && this.standsAlone(index, name)) {
          this.hits[anchor] = UNKNOWN;
          this.resume[anchor] = at + 1;
          return { index, word: name };
        }
      }
    }
    this.hits[anchor] = at;
    return undefined;
  }

  private standsAlone(index: number, name: string): boolean {
    return !NAME_BEFORE.test(this.text.charAt(index - 1)) && !NAME_AFTER.test(this.text.charAt(index + name.length));
  }
}
