/**
 * Python snippets on which the core offers quick fixes, shared by the fix-equivalence test (which
 * runs each original and fixed text under the real httpx) and the grammar test (which parses every
 * fixed text). Each fixture says which rules must offer a fix on it, and what a fixed text is
 * compared with: the original run with the real library, or, where the original cannot run on the
 * installed httpx (names removed long ago), the documented meaning of the old API.
 */
import type { AnalysisOptions } from '../../server/src/core/analysis/analyze';
import { applyEdits } from '../../server/src/core/fixes/fixAll';
import type { Finding, Fix, TextEdit, TextSpan } from '../../server/src/core/types';
import { analyzeText } from './engine';

/** A URL no request may reach: run_config.py answers every request itself. */
const URL = '"http://pool-guide.invalid/"';

export type FixReference =
  /** Run the original with the real library; a safe fix must build the same configuration. */
  | { readonly kind: 'original' }
  /** The original uses names the installed httpx no longer has: compare with what the old API meant. */
  | { readonly kind: 'documented'; readonly expected: Readonly<Record<string, unknown>>; readonly meaning: string };

/**
 * What a fix offered as changing behaviour must build instead, stated without the fix's text: a
 * Python text that builds the intended configuration with the real library (read from the
 * library's own defaults where the fix restores them; its helper names start with `_` and are not
 * compared), given the fix's title for a fix whose title names the value it writes.
 */
export type FixTarget = { readonly meaning: string; readonly source: (title: string) => string };

export type FixFixture = {
  readonly name: string;
  readonly source: string;
  /** Every rule listed must offer at least one fix on this snippet. */
  readonly codes: readonly string[];
  readonly reference: FixReference;
  /** The intended target of each rule's fix that changes behaviour on this snippet. */
  readonly targets?: Readonly<Record<string, FixTarget>>;
};

const ORIGINAL = { kind: 'original' } as const;

/** PG304's restoring fix: the snippet's own fields, and the rest as the client builds its pool without `limits=`. */
function restoredLimits(source: string): FixTarget {
  return { meaning: "the fields the snippet sets, and every other Limits field as the client's own httpcore pool has it", source: () => source };
}
/** Documented old-API meanings, read at the httpx tags cited in each text (PoolLimits, Timeout). */
const SOFT_HARD = 'PoolLimits(soft_limit=, hard_limit=) were the keep-alive and connection caps: soft_limit → max_keepalive_connections, hard_limit → max_connections (0.12.1 httpx/_config.py:298)';
const OLD_TIMEOUT = 'Timeout(connect_timeout=…) set one phase; the others took `timeout`, whose default was None, so they had no limit (0.13.3 httpx/_config.py:206)';

export const FIX_FIXTURES: readonly FixFixture[] = [
  // PG101: timeout tuples in every place and import style.
  { name: 'Client 2-tuple', source: 'import httpx\nc = httpx.Client(timeout=(1, 2))\n', codes: ['PG101'], reference: ORIGINAL },
  { name: 'Client 3-tuple via alias', source: 'import httpx as hx\nc = hx.Client(timeout=(1, 2, 3))\n', codes: ['PG101'], reference: ORIGINAL },
  { name: 'AsyncClient 4-tuple', source: 'import httpx\nc = httpx.AsyncClient(timeout=(1, 2.5, 3, 4))\n', codes: ['PG101'], reference: ORIGINAL },
  { name: 'Timeout of a 4-tuple', source: 'import httpx\nt = httpx.Timeout((1, 2, 3, 4))\n', codes: ['PG101'], reference: ORIGINAL },
  { name: 'Timeout of a 2-tuple', source: 'import httpx as hx\nt = hx.Timeout((0.5, 10))\n', codes: ['PG101'], reference: ORIGINAL },
  { name: 'get with a 2-tuple', source: `import httpx\nr = httpx.get(${URL}, timeout=(3, 27))\n`, codes: ['PG101'], reference: ORIGINAL },
  { name: 'request with a 3-tuple', source: `import httpx as hx\nr = hx.request("GET", ${URL}, timeout=(1, 2, 3))\n`, codes: ['PG101'], reference: ORIGINAL },
  { name: 'stream with a 2-tuple', source: `import httpx\nwith httpx.stream("GET", ${URL}, timeout=(2, 5)) as r:\n    pass\n`, codes: ['PG101'], reference: ORIGINAL },
  { name: 'from-import adds Timeout', source: 'from httpx import Client\nc = Client(timeout=(1, 2, 3, 4))\n', codes: ['PG101'], reference: ORIGINAL },
  { name: 'aliased from-import adds Timeout', source: 'from httpx import Client as C, Limits\nc = C(timeout=(1, 2), limits=Limits(max_connections=9, max_keepalive_connections=3))\n', codes: ['PG101'], reference: ORIGINAL },
  { name: 'from-import that already has Timeout', source: 'from httpx import Client, Timeout\nc = Client(timeout=(4, 5, 6))\nt = Timeout(1)\n', codes: ['PG101'], reference: ORIGINAL },
  // PG102: positional transport arguments, bound by the installed version's order.
  {
    name: 'HTTPTransport, every argument by position',
    source: 'import httpx\nt = httpx.HTTPTransport(True, None, True, False, httpx.Limits(max_connections=5), True, None, None, None, 3)\n',
    codes: ['PG102'],
    reference: ORIGINAL,
  },
  { name: 'HTTPTransport in a client', source: 'import httpx\nc = httpx.Client(transport=httpx.HTTPTransport(False, None, False, True))\n', codes: ['PG102'], reference: ORIGINAL },
  { name: 'AsyncHTTPTransport with limits by position', source: 'import httpx as hx\nt = hx.AsyncHTTPTransport(True, None, True, False, hx.Limits(max_connections=7, max_keepalive_connections=3, keepalive_expiry=1.5))\n', codes: ['PG102'], reference: ORIGINAL },
  // PG304: partial Limits; the safe fix writes the implicit values, the other restores client defaults:
  // the fields the snippet sets stay, every other one is what `Client()` (or `HTTPTransport()`) itself gives its httpcore pool.
  {
    name: 'Limits through a variable',
    source: 'import httpx\nl = httpx.Limits(max_connections=50)\nc = httpx.Client(limits=l)\n',
    codes: ['PG304'],
    reference: ORIGINAL,
    targets: {
      PG304: restoredLimits('import httpx\n_pool = httpx.Client()._transport._pool\nl = httpx.Limits(max_connections=50, max_keepalive_connections=_pool._max_keepalive_connections, keepalive_expiry=_pool._keepalive_expiry)\nc = httpx.Client(limits=l)\n'),
    },
  },
  {
    name: 'Limits with keep-alive only',
    source: 'import httpx\nc = httpx.Client(limits=httpx.Limits(max_keepalive_connections=5))\n',
    codes: ['PG304'],
    reference: ORIGINAL,
    targets: {
      PG304: restoredLimits('import httpx\n_pool = httpx.Client()._transport._pool\nc = httpx.Client(limits=httpx.Limits(max_connections=_pool._max_connections, max_keepalive_connections=5, keepalive_expiry=_pool._keepalive_expiry))\n'),
    },
  },
  {
    name: 'Limits with expiry only, in a transport',
    source: 'from httpx import HTTPTransport, Limits\nt = HTTPTransport(limits=Limits(keepalive_expiry=30))\n',
    codes: ['PG304'],
    reference: ORIGINAL,
    targets: {
      PG304: restoredLimits('from httpx import HTTPTransport, Limits\n_pool = HTTPTransport()._pool\nt = HTTPTransport(limits=Limits(max_connections=_pool._max_connections, max_keepalive_connections=_pool._max_keepalive_connections, keepalive_expiry=30))\n'),
    },
  },
  // PG201: removed names; the installed httpx cannot run the originals.
  {
    name: 'PoolLimits(soft_limit, hard_limit)',
    source: 'import httpx\nl = httpx.PoolLimits(soft_limit=5, hard_limit=10)\n',
    codes: ['PG201'],
    reference: { kind: 'documented', expected: { l: { max_keepalive_connections: 5, max_connections: 10 } }, meaning: SOFT_HARD },
  },
  {
    name: 'Client(pool_limits=PoolLimits(...))',
    source: 'import httpx\nc = httpx.Client(pool_limits=httpx.PoolLimits(soft_limit=5, hard_limit=10))\n',
    codes: ['PG201'],
    reference: { kind: 'documented', expected: { c: { transport: { pool: { max_keepalive_connections: 5, max_connections: 10 } } } }, meaning: `${SOFT_HARD}; pool_limits= was the old name of limits=` },
  },
  {
    name: 'Limits(max_keepalive=)',
    source: 'import httpx as hx\nl = hx.Limits(max_keepalive=5, max_connections=10)\n',
    codes: ['PG201'],
    reference: { kind: 'documented', expected: { l: { max_keepalive_connections: 5, max_connections: 10 } }, meaning: "max_keepalive was the 0.13/0.14 name of max_keepalive_connections (0.14.0 httpx/_config.py:333)" },
  },
  {
    name: 'Timeout(connect_timeout=)',
    source: 'import httpx\nt = httpx.Timeout(connect_timeout=5)\n',
    codes: ['PG201'],
    reference: { kind: 'documented', expected: { t: { connect: 5, read: null, write: null, pool: null } }, meaning: OLD_TIMEOUT },
  },
  {
    name: 'Timeout(5, read_timeout=)',
    source: 'import httpx\nt = httpx.Timeout(5, read_timeout=30)\n',
    codes: ['PG201'],
    reference: { kind: 'documented', expected: { t: { connect: 5, read: 30, write: 5, pool: 5 } }, meaning: 'read_timeout= set the read phase; the others took the positional timeout (0.13.3 httpx/_config.py:206)' },
  },
  {
    name: 'Client(timeout=Timeout(every old name))',
    source: 'import httpx\nc = httpx.Client(timeout=httpx.Timeout(connect_timeout=1, read_timeout=2, write_timeout=3, pool_timeout=4))\n',
    codes: ['PG201'],
    reference: { kind: 'documented', expected: { c: { timeout: { connect: 1, read: 2, write: 3, pool: 4 } } }, meaning: 'connect_timeout/read_timeout/write_timeout/pool_timeout were the old names of connect/read/write/pool (0.14.0 httpx/_config.py:207)' },
  },
  {
    name: 'from-import of PoolLimits',
    source: 'from httpx import Client, PoolLimits\nc = Client(pool_limits=PoolLimits(hard_limit=10))\n',
    codes: ['PG201'],
    reference: { kind: 'documented', expected: { c: { transport: { pool: { max_connections: 10 } } } }, meaning: SOFT_HARD },
  },
  {
    name: 'aliased from-import of PoolLimits, used twice',
    source: 'from httpx import Client, PoolLimits as PL\na = Client(pool_limits=PL(soft_limit=3, hard_limit=10))\nb = PL(max_connections=4)\n',
    codes: ['PG201'],
    reference: { kind: 'documented', expected: { a: { transport: { pool: { max_connections: 10, max_keepalive_connections: 3 } } } }, meaning: SOFT_HARD },
  },
];

/** One fix of one finding, and the text after applying it alone. */
export type FixCase = {
  readonly fixture: FixFixture;
  readonly finding: Finding;
  readonly fix: Fix;
  readonly fixedText: string;
  readonly label: string;
};

/** Every fix the core offers on each fixture, under these analysis options. */
export async function collectFixCases(fixtures: readonly FixFixture[], options: AnalysisOptions): Promise<FixCase[]> {
  const cases: FixCase[] = [];
  for (const fixture of fixtures) {
    const analysis = await analyzeText(fixture.source, options);
    for (const finding of analysis.findings) {
      for (const fix of finding.fixes) {
        const fixedText = applyEdits(fixture.source, fix.edits);
        cases.push({ fixture, finding, fix, fixedText, label: `${fixture.name}: ${finding.code} ${fix.title}` });
      }
    }
  }
  return cases;
}

/** Where an offset of the text before the edits ends up after them; offsets inside a replaced span go to its start or end. */
export function mapOffset(offset: number, edits: readonly TextEdit[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const edit of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    const growth = edit.newText.length - (edit.span.end - edit.span.start);
    if (edit.span.end <= offset) delta += growth;
    else if (edit.span.start < offset) return edit.span.start + delta + (side === 'end' ? edit.newText.length : 0);
  }
  return offset + delta;
}

/** The span a finding covers in the text after the edits. */
export function mapSpan(span: TextSpan, edits: readonly TextEdit[]): TextSpan {
  return { start: mapOffset(span.start, edits, 'start'), end: mapOffset(span.end, edits, 'end') };
}

/** The same snippet written for httpx2, the fork with 0.28's API (import lines only). */
export function asHttpx2(source: string): string {
  return source
    .replace(/^import httpx as (\w+)$/m, 'import httpx2 as $1')
    .replace(/^import httpx$/m, 'import httpx2 as httpx')
    .replace(/^from httpx import /m, 'from httpx2 import ');
}
