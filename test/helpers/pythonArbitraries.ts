/**
 * fast-check arbitraries for the robustness properties: the fixture files, generated Python made
 * of catalogued calls, broken fragments and awkward characters, random edits of a text, and a
 * parse-quality measure (ERROR and MISSING nodes) for "a fix never makes the text parse worse".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { AnalysisEngine } from '../../server/src/core/document';
import type { SyntaxNode } from '../../server/src/core/syntax/parser';
import { REPO_ROOT } from './lspClient';

/** Every annotated diagnostics fixture, as text. */
export function fixtureTexts(): string[] {
  const folder = path.join(REPO_ROOT, 'test', 'fixtures', 'diagnostics');
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'));
}

/** Pieces of Python, well-formed and not: catalogued calls, scopes, loops, brackets, odd characters. */
const FRAGMENTS = [
  'import httpx\n',
  'import httpx as hx\n',
  'from httpx import Client, Limits, Timeout\n',
  'import requests\n',
  'from urllib3 import PoolManager\n',
  'import aiohttp\n',
  'c = httpx.Client(timeout=None)\n',
  'c = httpx.Client(timeout=(3.05, 27))\n',
  'c = hx.AsyncClient(limits=hx.Limits(max_connections=0))\n',
  't = Timeout(5.0, connect=None)\n',
  'Client(timeout=t, limits=Limits(max_keepalive_connections=50, max_connections=10))\n',
  'requests.get(url)\n',
  'requests.get(url, timeout=(1, None))\n',
  'PoolManager(maxsize=0, timeout=None).request("GET", url)\n',
  'def f(url):\n    with httpx.Client() as s:\n        return s.get(url)\n',
  'for u in urls:\n    httpx.get(u)\n',
  'xs = [httpx.Client() for _ in range(3)]\n',
  'class S(httpx.Client):\n    def __init__(self):\n        self.c = httpx.Client(verify=False)\n',
  'httpx.Client(**kwargs, *args)\n',
  '# pool-guide: ignore[PG101]\n',
  'x = 1  # noqa: PG302\n',
  'httpx.Client(timeout=(\n',
  ')))\n',
  '"unterminated\n',
  '"""doc\n',
  '\t\tif x:\n',
  '    ',
  's = "😀é"; c = httpx.Client(timeout=None)\n',
  '\r\n',
  '\0',
  '\ufeff',
  'λ = httpx.Limits(1, 2, 3)\n',
  'async def g():\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None)) as s:\n        await s.get(u)\n',
];

/** Generated Python: a sequence of fragments. */
export const generatedPython = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''));

/** Text an edit may insert: a fragment, a few characters of one, or arbitrary characters. */
const insertedText = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.constantFrom(...FRAGMENTS).chain((fragment) => fc.integer({ min: 0, max: fragment.length }).map((length) => fragment.slice(0, length))),
  fc.string({ maxLength: 8, unit: 'binary' }),
  fc.constantFrom('(', ')', '[', ']', ',', ':', '=', '\n', ' ', '\t', '#', '"', "'", '\\', '😀', '\r\n'),
);

/** One edit, as fractions of the current text's length so that it applies to any text. */
export type RelativeEdit = { readonly at: number; readonly length: number; readonly text: string };

export const relativeEdit: fc.Arbitrary<RelativeEdit> = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 12 }), text: insertedText });

/** The offsets an edit covers in `text` (never splitting a surrogate pair, as an editor would not). */
export function resolveEdit(text: string, edit: RelativeEdit): { start: number; end: number; newText: string } {
  const clamp = (offset: number) => (offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) ? offset - 1 : offset);
  const start = clamp(Math.min(text.length, Math.floor(edit.at * text.length)));
  const end = clamp(Math.min(text.length, start + edit.length));
  return { start, end: Math.max(start, end), newText: edit.text };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** ERROR plus MISSING nodes in the tree of `text`: lower parses better. */
export function parseProblems(engine: AnalysisEngine, text: string): number {
  const tree = engine.parser.parse(text);
  if (!tree) return Number.POSITIVE_INFINITY;
  let problems = 0;
  const visit = (node: SyntaxNode) => {
    if (node.isError || node.isMissing) problems++;
    if (!node.hasError && !node.isMissing) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  return problems;
}
