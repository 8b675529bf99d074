/**
 * The import prefilter (core/prefilter.ts) skips only what the analysis would find nothing in:
 * tricky import forms are let through, mentions that are no imports are not, the committed
 * fixture tree analyses identically with and without the filter, and for random Python (import
 * fragments, junk, strings and comments cut anywhere) a text the filter rejects has no calls,
 * no findings and no catalogued import when analysed without it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { createCatalog, defaultCatalog, LIBRARIES } from '../../../server/src/catalog';
import { analyzeTree, type Analysis } from '../../../server/src/core/analysis/analyze';
import { importsCatalogModule } from '../../../server/src/core/prefilter';
import { analyzeText, testEngine } from '../../helpers/engine';
import { generatedPython, relativeEdit, resolveEdit } from '../../helpers/pythonArbitraries';
import { REPO_ROOT } from '../../helpers/lspClient';
import { assertProperty } from '../../helpers/seed';

const imports = (text: string) => importsCatalogModule(defaultCatalog, text);

/** The analysis without any prefilter: parse, then analyse whatever the text is. */
async function unfiltered(text: string): Promise<Analysis> {
  const engine = await testEngine();
  const tree = engine.parser.parse(text);
  assert.ok(tree, 'parsed');
  try {
    const analysis = analyzeTree(tree.rootNode, text, engine.catalog, engine.runOutline);
    void analysis.findings; // Computed while the tree is alive, as the document does on use.
    return analysis;
  } finally {
    tree.delete();
  }
}

const summary = (analysis: Analysis) => [
  ...analysis.calls.map((call) => `call ${call.qualifiedName} ${call.span.start}-${call.span.end}`),
  ...analysis.findings.map((finding) => `${finding.code} ${finding.span.start}-${finding.span.end} ${finding.message}`),
];

/** The analysis's own test (analyze.ts): an import binds a catalogued callable, or a module or class above one. */
const importsCatalogPath = (analysis: Analysis) =>
  [...analysis.imports.names.values(), ...analysis.imports.wildcardModules].some((qualified) => defaultCatalog.knowsPath(qualified));

test('every import form lets the text through', () => {
  const forms = [
    'import requests\n',
    'import os, sys as system, urllib3 as u3\n',
    'from httpx import Client\n',
    'from requests.adapters import HTTPAdapter\n',
    'from aiohttp import *\n',
    'import requests.packages.urllib3\n',
    'x = 1; import httpx2\n',
    'if x: from httpx import Client\n',
    'import os, \\\n    requests\n',
    'from \\\n  urllib3 import PoolManager\n',
    '\ufeffimport aiohttp\r\n',
    'def f():\n    import requests\n',
    // Broken code tree-sitter still reads as an import of the module.
    'print(1) import requests\n',
    'import os $ requests\n',
    'import os (\nrequests\n',
    'from x (\nrequests import S)\n',
    'import\n  requests\n',
    'from\n\n requests import Session\n',
    'x = [from requests import Session]\n',
    'from x import y import requests\n',
    '"unterminated\nimport requests\n',
    '"""unterminated\nimport requests\n',
    'f"{\'#\'}"; import requests\n',
    'x = \ufeff"""\nimport requests\n"""\n',
    'pip._vendor.import requests\n',
    // Imports of a module or class above a catalogued callable.
    'from requests import adapters\n',
    'from urllib3.util import (\n    parse_url,  # c\n    Retry as R,\n)\n',
    'import aiohttp.web\n',
    'import os; import requests; x = 1\n',
    'from requests.adapters import *\n',
    // Not at the start of a statement, so not trusted to bind only what it names.
    'x = [from urllib3.exceptions import HTTPError]\n',
    'print(1) import aiohttp.web as web\n',
  ];
  for (const text of forms) assert.equal(imports(text), true, JSON.stringify(text));
});

test('mentions that are no imports of a catalogued module do not', () => {
  const mentions = [
    '"""Handles requests.\n\n    >>> import requests\n"""\n',
    '# from httpx import Client\n',
    'label = "import aiohttp"\n',
    'import pip._vendor.requests\n',
    'from pip._vendor import requests, urllib3\n',
    'from pip._vendor import (\n    requests,  # vendored\n    urllib3 as u,\n)\n',
    'from pip._vendor.urllib3 import PoolManager\n',
    'from . import requests\n',
    'from .requests import Session\n',
    'import requests_toolbelt\n',
    'import my_httpx\n',
    'def handle(requests):\n    return requests.get(url)\n',
    // Imports of what leads to no catalogued callable.
    'from urllib3.exceptions import HTTPError as BaseHTTPError\n',
    'from urllib3.util import (\n    parse_url,  # vendored\n    make_headers as mh,\n)\n',
    'import aiohttp._http_writer as _http_writer\n',
    'from aiohttp import web\n',
    'from requests.exceptions import *\n',
    'if x: from \\\n  urllib3.fields import RequestField; import requests.exceptions as e\n',
  ];
  for (const text of mentions) assert.equal(imports(text), false, JSON.stringify(text));
});

test('module names come from the catalog, not from a list in the filter', () => {
  const fakelib = { ...LIBRARIES[0], id: 'fakelib', modules: ['fakelib'] };
  const catalog = createCatalog([fakelib]);
  assert.equal(importsCatalogModule(catalog, 'import fakelib\n'), true);
  assert.equal(importsCatalogModule(catalog, 'import httpx\n'), false);
});

test('the fixture tree analyses identically with and without the filter', async () => {
  const folder = path.join(REPO_ROOT, 'test', 'fixtures', 'prefilter');
  const files = ['broken.py', 'continued.py', 'docstring_only.py', 'fstring.py', 'nested.py', 'semicolon.py', 'vendored.py', 'pkg/__init__.py', 'pkg/wildcard.py'];
  const withFindings: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    const full = await unfiltered(text);
    assert.deepEqual(summary(await analyzeText(text)), summary(full), file);
    assert.equal(imports(text), importsCatalogPath(full), `${file}: the filter is exact on these files`);
    if (full.calls.length > 0 || full.findings.length > 0) withFindings.push(file);
  }
  assert.deepEqual(withFindings, ['broken.py', 'continued.py', 'fstring.py', 'nested.py', 'semicolon.py', 'pkg/wildcard.py']);
});

/** Pieces that make and break import statements, strings and comments. */
const IMPORT_PIECES = ['import ', 'from ', 'requests', 'httpx', ' as r', ', ', '.adapters', '.exceptions', ' Session', ' HTTPError', 'pip._vendor.', ' import ', '(', ')', '\n', ' \\\n', ';', ':', '#', '"', '"""', "f'", "'", '$', '*', '\\', '\ufeff', '\u200b', '\0', '\r\n'];

const importish = fc.array(fc.oneof(fc.constantFrom(...IMPORT_PIECES), generatedPython), { maxLength: 24 }).map((parts) => parts.join(''));

test('random text the filter rejects has nothing to analyse', async () => {
  await assertProperty(
    fc.asyncProperty(importish, fc.array(relativeEdit, { maxLength: 4 }), async (start, edits) => {
      let text = start;
      for (const edit of edits) {
        const { start: from, end, newText } = resolveEdit(text, edit);
        text = text.slice(0, from) + newText + text.slice(end);
      }
      if (imports(text)) return;
      const full = await unfiltered(text);
      assert.equal(importsCatalogPath(full), false, JSON.stringify(text));
      assert.deepEqual(summary(full), [], JSON.stringify(text));
    }),
    400,
  );
});
