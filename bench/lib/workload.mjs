// The hover workload, the same for every language server: open a generated 10,000-line module
// with 400 client constructions, time didOpen → first diagnostics, hovers on callees spread over
// the file, hovers on blank lines (the floor), and a one-character edit followed at once by a hover:
// in a comment of the intact file, in its code, and in the file broken by an unclosed call.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { deadline, stats, timed } from './lsp.mjs';
import generated from './generatedModule.cjs';

const generatedModule = (lines = LINES, clients = CLIENTS) => generated.generatedModule(lines, clients);

export const LINES = 10_000;
export const CLIENTS = 400;


/**
 * Runs the workload on a started server; returns { didOpenMs, callee, floor, edit, codeEdit, brokenEdit } (stats).
 * `strict` checks our server's answers (a card on every callee, nothing on blank lines).
 */
export async function hoverWorkload(server, { uri, hovers, edits, strict }) {
  const { connection } = server;
  const text = generatedModule();
  const opened = performance.now();
  const firstDiagnostics = server.diagnostics(uri, strict ? 1 : undefined);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  const { params, at } = await firstDiagnostics;
  const didOpenMs = at - opened;

  const document = TextDocument.create(uri, 'python', 1, text);
  const callees = [...text.matchAll(/httpx\.(?:Client|AsyncClient|HTTPTransport)\(/g)].map((match) => document.positionAt(match.index + 'httpx.'.length + 1));
  if (callees.length !== CLIENTS) throw new Error(`expected ${CLIENTS} callees, found ${callees.length}`);
  const hover = (position) => deadline(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), 'hover');

  // Warm-up (not counted), then hovers on callees spread over the whole file.
  for (let index = 0; index < 20; index++) await hover(callees[(index * 37) % callees.length]);
  const calleeSamples = [];
  for (let index = 0; index < hovers; index++) {
    const { ms, result } = await timed(() => hover(callees[(index * 7919) % callees.length]));
    if (strict && !result) throw new Error('hover on a callee returned null');
    calleeSamples.push(ms);
  }

  const blankLines = text.split('\n').flatMap((line, index) => (line === '' ? [index] : [])).slice(0, -1);
  const floorSamples = [];
  for (let index = 0; index < hovers; index++) {
    const { ms, result } = await timed(() => hover({ line: blankLines[index % blankLines.length], character: 0 }));
    if (strict && result !== null) throw new Error('hover on a blank line returned a card');
    floorSamples.push(ms);
  }

  let version = 1;
  const change = (range, text) => connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text }] });
  /** `edits` times: insert `typed` at `position` or delete it, then hover one of `targets` at once. */
  const editThenHover = async (position, targets, what, typed = 'x') => {
    const samples = [];
    for (let index = 0; index < edits; index++) {
      const insert = index % 2 === 0;
      const range = insert ? { start: position, end: position } : { start: position, end: { ...position, character: position.character + 1 } };
      const target = targets[(index * 131) % targets.length];
      const { ms, result } = await timed(async () => {
        await change(range, insert ? typed : '');
        return hover(target);
      });
      if (strict && !result) throw new Error(`hover after an edit ${what} returned null`);
      samples.push(ms);
    }
    return samples;
  };
  const diagnosticsAsOpened = async (when) => {
    const final = await server.diagnostics(uri, version);
    if (final.params.diagnostics.length !== params.diagnostics.length) throw new Error(`diagnostics changed ${when}`);
  };

  // Insert or delete one character in a comment line, then hover a callee at once.
  const editSamples = await editThenHover(document.positionAt(text.indexOf('# filler 200.') + 2), callees, 'of a comment');
  if (strict) await diagnosticsAsOpened('after balanced edits');
  // The same with a space typed and deleted after a name in code, which changes the tokens: the
  // module is reparsed (an edit inside a comment, name, number or string is not).
  const codeSamples = await editThenHover(document.positionAt(text.indexOf('client_200 =') + 'client_200'.length), callees, 'in code', ' ');
  if (strict) await diagnosticsAsOpened('after balanced edits in code');

  // The same edits while the file is broken, as it is most of the time while someone types: a new
  // line `broken = httpx.Client(` left open at the middle of the module, one character typed or
  // deleted after its `(`, then a hover on a callee above it at once. The line is removed afterwards.
  const openLine = 'broken = httpx.Client(';
  const lineStart = document.positionAt(text.indexOf('# filler 200.'));
  await change({ start: lineStart, end: lineStart }, `${openLine}\n`);
  const above = callees.filter((position) => position.line < lineStart.line);
  const brokenSamples = await editThenHover({ line: lineStart.line, character: openLine.length }, above, 'of a broken file');
  await change({ start: lineStart, end: { line: lineStart.line + 1, character: 0 } }, '');
  if (strict) await diagnosticsAsOpened('after the broken line was removed');
  return { didOpenMs, diagnosticsCount: params.diagnostics.length, callee: stats(calleeSamples), floor: stats(floorSamples), edit: stats(editSamples), codeEdit: stats(codeSamples), brokenEdit: stats(brokenSamples) };
}
