// Expected values computed from the example files a test copies, plus httpx's own documented
// defaults, so assertions never come from the extension's output.
'use strict';
const fs = require('fs');
const path = require('path');

/** httpx's defaults (httpx/_config.py: DEFAULT_LIMITS, DEFAULT_TIMEOUT_CONFIG, Limits.keepalive_expiry). */
const HTTPX_DEFAULTS = { max_connections: 100, max_keepalive_connections: 20, keepalive_expiry: 5.0, timeout: 5.0 };

/** Seconds as the cards print them: 30 -> "30.0 s", 3.05 -> "3.05 s". */
function seconds(value) {
  const n = Number(value);
  return `${Number.isInteger(n) ? n.toFixed(1) : String(n)} s`;
}

/** A fixture file's text and helpers to find things in it (1-based line numbers, as editors show). */
function fixture(workspace, relative) {
  const file = path.join(workspace, relative);
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const lineOf = (needle) => {
    const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
    if (hits.length !== 1) throw new Error(`${relative}: ${hits.length} lines contain ${JSON.stringify(needle)}`);
    return hits[0];
  };
  const match = (re) => {
    const m = text.match(re);
    if (!m) throw new Error(`${relative}: no match for ${re}`);
    return m;
  };
  return { file, text, lines, lineOf, line: (n) => lines[n - 1], match };
}

/** What clients.py says about its AsyncClient and its 2-tuple Client, read from the file. */
function clientsFacts(workspace) {
  const f = fixture(workspace, 'app/clients.py');
  const [, limitsName, maxConnections] = f.match(/^(\w+) = Limits\(max_connections=(\d+)\)$/m);
  const [asyncLine, timeoutAll, timeoutConnect] = f.match(new RegExp(`^\\w+ = httpx\\.AsyncClient\\(limits=${limitsName}, timeout=httpx\\.Timeout\\(([\\d.]+), connect=([\\d.]+)\\)\\)$`, 'm'));
  const [tupleLine, tuple, connect, read] = f.match(/^\w+ = httpx\.Client\(timeout=(\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?)\))\)$/m);
  const timeoutFix = `httpx.Timeout(connect=${connect}, read=${read}, write=None, pool=None)`;
  return {
    ...f,
    limitsName,
    maxConnections: Number(maxConnections),
    async: { line: f.lineOf(asyncLine), text: asyncLine, timeoutAll, timeoutConnect },
    tuple: { line: f.lineOf(tupleLine), text: tupleLine, tuple, connect, read },
    timeoutFix,
    fixedText: f.text.replace(tupleLine, tupleLine.replace(tuple, timeoutFix)),
  };
}

/** The suppressed line of suppressed.py: its number, text, and the comment that silences it. */
function suppressedFacts(workspace) {
  const f = fixture(workspace, 'app/suppressed.py');
  const [text, code] = f.match(/^.*httpx\.Client\(timeout=None\)\s+# pool-guide: ignore\[(PG\d+)\]$/m);
  const comment = text.slice(text.indexOf(')') + 1);
  return { ...f, code, suppressed: { line: f.lineOf(text), text, comment, column: text.indexOf(')') + 2 } };
}

module.exports = { HTTPX_DEFAULTS, seconds, fixture, clientsFacts, suppressedFacts };
