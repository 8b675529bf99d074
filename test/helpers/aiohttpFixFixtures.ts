/**
 * aiohttp snippets on which the core offers quick fixes, for the fix-equivalence test (which runs
 * each original and fixed text under the real aiohttp, test/python/aiohttp_run_config.py) and the
 * grammar check of every fixed text. Module-level code: the runner executes it inside an event loop.
 * Every original runs on the installed aiohttp (its deprecated keywords still work in 3.x).
 */
import type { FixFixture, FixTarget } from './fixFixtures';

/** A URL no request may reach: the runner records request calls instead of sending them. */
const URL = '"http://pool-guide.invalid/"';
const ORIGINAL = { kind: 'original' } as const;

export const AIOHTTP_FIX_FIXTURES: readonly FixFixture[] = [
  // PG102: positional ClientTimeout fields, in the code's order.
  { name: 'ClientTimeout, four by position', source: 'import aiohttp\nt = aiohttp.ClientTimeout(300, 10, 5, 2)\n', codes: ['PG102'], reference: ORIGINAL },
  { name: 'ClientTimeout by position, from-import', source: 'from aiohttp import ClientTimeout\nt = ClientTimeout(60, None, 30)\n', codes: ['PG102'], reference: ORIGINAL },
  { name: 'ClientTimeout by position in a session', source: 'import aiohttp as ah\ns = ah.ClientSession(timeout=ah.ClientTimeout(120, 5))\n', codes: ['PG102'], reference: ORIGINAL },
  {
    name: 'ClientTimeout by position for one request',
    source: `import aiohttp\ns = aiohttp.ClientSession()\nr = s.get(${URL}, timeout=aiohttp.ClientTimeout(10, 2, 3, 4))\n`,
    codes: ['PG102'],
    reference: ORIGINAL,
  },
  // PG201: read_timeout= / conn_timeout= into one ClientTimeout.
  { name: 'read_timeout and conn_timeout', source: 'import aiohttp\ns = aiohttp.ClientSession(read_timeout=30, conn_timeout=5)\n', codes: ['PG201'], reference: ORIGINAL },
  { name: 'conn_timeout alone, from-import', source: 'from aiohttp import ClientSession\ns = ClientSession(conn_timeout=3)\n', codes: ['PG201'], reference: ORIGINAL },
  {
    name: 'old keywords between others',
    source: 'import aiohttp as ah\nc = ah.TCPConnector(limit=7)\ns = ah.ClientSession(connector=c, read_timeout=9, connector_owner=False, conn_timeout=1)\n',
    codes: ['PG201'],
    reference: ORIGINAL,
  },
  // PG303: a number as a session timeout; the fix changes behaviour (what a number means per request:
  // aiohttp 3.8 client.py `_request` turns `timeout=n` into `ClientTimeout(total=n)`, every other field its own default).
  {
    name: 'number as session timeout',
    source: 'import aiohttp\ns = aiohttp.ClientSession(timeout=10)\n',
    codes: ['PG303'],
    reference: ORIGINAL,
    targets: { PG303: { meaning: 'a session timeout of ClientTimeout(total=10), what a request reads `timeout=10` as', source: () => 'import aiohttp\ns = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))\n' } },
  },
  // PG304: a partial ClientTimeout drops the session's total deadline; restoring takes the fields the
  // snippet leaves out from the timeout a `ClientSession()` itself has.
  {
    name: 'ClientTimeout(connect=…)',
    source: 'import aiohttp\nt = aiohttp.ClientTimeout(connect=5)\n',
    codes: ['PG304'],
    reference: ORIGINAL,
    targets: { PG304: sessionDefaults('t = aiohttp.ClientTimeout(connect=5, total=_default.total, sock_read=_default.sock_read, sock_connect=_default.sock_connect)') },
  },
  {
    name: 'ClientTimeout(sock_read=…) in a session',
    source: 'import aiohttp\ns = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(sock_read=30))\n',
    codes: ['PG304'],
    reference: ORIGINAL,
    targets: { PG304: sessionDefaults('s = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(sock_read=30, total=_default.total, connect=_default.connect, sock_connect=_default.sock_connect))') },
  },
];

/** PG304's restoring fix: the snippet's own fields, the others as a plain `ClientSession()`'s timeout has them. */
function sessionDefaults(statement: string): FixTarget {
  return {
    meaning: "the fields the snippet sets, and every other ClientTimeout field as a plain ClientSession()'s timeout has it",
    source: () => `import aiohttp\n_session = aiohttp.ClientSession()\n_default = _session.timeout\n${statement}\n`,
  };
}
