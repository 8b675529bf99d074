/**
 * The only module that imports web-tree-sitter. It loads the runtime and the Python grammar from
 * paths the caller chooses (the bundle passes its own folder; tests pass node_modules), parses
 * with a time bound, turns text edits into tree edits for incremental parsing, and runs queries
 * over a whole tree or a range of it.
 */
import { Edit, Language, Parser, Query } from 'web-tree-sitter';
import type { Node, Point, Tree } from 'web-tree-sitter';
import { keepsTokens } from './tokenEdit';

export type SyntaxNode = Node;
export type SyntaxTree = Tree;

/** Where the two wasm files are: web-tree-sitter's runtime and the Python grammar. */
export type WasmPaths = { readonly runtime: string; readonly grammar: string };

/** One replacement in the old text, in UTF-16 offsets of the old text. */
export type TextChange = { readonly start: number; readonly end: number; readonly newText: string };

/**
 * Parsing gives up after 2 s, or 1 ms per 50 characters for a longer text (a rate far below
 * tree-sitter's even on a loaded machine, so only pathological input reaches it); the document then
 * shows no analysis until the next edit.
 */
const PARSE_TIME_LIMIT_MS = 2000;
const PARSE_CHARACTERS_PER_MS = 50;

/** One capture of a query: its name and the node. */
export type QueryCapture = { readonly name: string; readonly node: SyntaxNode };

/** A non-empty half-open range of UTF-16 offsets. */
export type OffsetRange = { readonly start: number; readonly end: number };

/** Runs a compiled query over a tree: every capture, or (with `range`) those of the nodes that overlap it, in document order. */
export type RunQuery = (root: SyntaxNode, range?: OffsetRange) => QueryCapture[];

/** A ready Python parser. Create one per server (or test run) with `createPythonParser`. */
export type PythonParser = {
  /** Parses `text`, reusing `oldTree` when it was edited to match; undefined when parsing gave up. */
  parse(text: string, oldTree?: SyntaxTree): SyntaxTree | undefined;
  /** Applies one change to `tree` so that it can be reused for the text after the change. */
  editTree(tree: SyntaxTree, oldText: string, change: TextChange): void;
  /** True when `tree` has no error and `change` keeps every token of `oldText` (see tokenEdit.ts): `editWithoutParse` may then apply it. */
  keepsTokens(tree: SyntaxTree, oldText: string, change: TextChange): boolean;
  /** Applies such a change to `tree` and makes the tree read `newText`: it is then the tree a parse of `newText` gives. */
  editWithoutParse(tree: SyntaxTree, oldText: string, change: TextChange, newText: string): void;
  /** Compiles a query once (throws on a query the grammar rejects); the result runs it over a tree. */
  compileQuery(source: string): RunQuery;
  /** Where `newTree`, parsed from the edited `oldTree`, differs in structure from it (a token's text aside), in offsets of the new text. */
  changedRanges(oldTree: SyntaxTree, newTree: SyntaxTree): OffsetRange[];
  /**
   * The ids of the tree's ERROR and MISSING nodes, found once per tree and kept with it. Kept over
   * edits too: an edit changes the ids of the nodes it touches only, and those are never reused.
   */
  errorNodeIds(tree: SyntaxTree): ReadonlySet<number>;
};

export async function createPythonParser(paths: WasmPaths): Promise<PythonParser> {
  await Parser.init({ locateFile: () => paths.runtime });
  const language = await Language.load(paths.grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  const parse = (text: string, oldTree?: SyntaxTree): SyntaxTree | undefined => {
    const deadline = Date.now() + Math.max(PARSE_TIME_LIMIT_MS, text.length / PARSE_CHARACTERS_PER_MS);
    parser.reset();
    const tree = parser.parse(text, oldTree ?? null, {
      progressCallback: (() => Date.now() > deadline) as unknown as () => void,
    });
    return tree ?? undefined;
  };
  const errorIds = new WeakMap<SyntaxTree, ReadonlySet<number>>();
  const keywords = grammarWords(language);
  const editTree = (tree: SyntaxTree, oldText: string, change: TextChange) => {
    const startPosition = pointAt(oldText, change.start); // One scan of the text up to the change, not three.
    tree.edit(
      new Edit({
        startIndex: change.start,
        oldEndIndex: change.end,
        newEndIndex: change.start + change.newText.length,
        startPosition,
        oldEndPosition: pointAfter(startPosition, oldText.slice(change.start, change.end)),
        newEndPosition: pointAfter(startPosition, change.newText),
      }),
    );
  };
  return {
    errorNodeIds(tree) {
      let ids = errorIds.get(tree);
      if (!ids) {
        ids = new Set(errorNodes(tree.rootNode).map((node) => node.id));
        errorIds.set(tree, ids);
      }
      return ids;
    },
    compileQuery(source) {
      const query = new Query(language, source);
      return (root, range) =>
        query.captures(root, range ? { startIndex: range.start, endIndex: range.end } : {}).map((capture) => ({ name: capture.name, node: capture.node }));
    },
    changedRanges(oldTree, newTree) {
      return oldTree.getChangedRanges(newTree).map((range) => ({ start: range.startIndex, end: range.endIndex }));
    },
    parse,
    editTree,
    keepsTokens(tree, oldText, change) {
      const root = tree.rootNode;
      if (root.hasError) return false;
      // The smallest node around the change and the character before it: the token the change is in.
      const token = root.descendantForIndex(Math.max(0, change.start - 1), change.end);
      return token !== null && keepsTokens(token, oldText, change, keywords);
    },
    editWithoutParse(tree, oldText, change, newText) {
      editTree(tree, oldText, change);
      readsText(tree, newText);
    },
  };
}

/**
 * Parses `text` from `editedTree` (edited to match it). The incremental tree is kept unless it
 * reuses a subtree of the old tree that contains an ERROR or MISSING node: such a subtree was
 * recovered in the old text's context, and reused in the new one it may differ from what a fresh
 * parse recovers (typing `(` and an emoji at the top of a module once hid every finding below), so
 * the text is then parsed afresh. A reused subtree is shared by both trees, and so are the error
 * nodes inside it: the trees share an error node id exactly when an error subtree was reused.
 * Typing inside a broken statement thus stays incremental. `incremental` tells which one it is:
 * changed ranges only mean something for an incremental tree.
 */
export function reparse(parser: PythonParser, text: string, editedTree: SyntaxTree): { tree: SyntaxTree | undefined; incremental: boolean } {
  const tree = parser.parse(text, editedTree);
  if (!tree?.rootNode.hasError) return { tree, incremental: tree !== undefined };
  const before = parser.errorNodeIds(editedTree);
  for (const id of parser.errorNodeIds(tree)) {
    if (!before.has(id)) continue;
    tree.delete();
    return { tree: parser.parse(text), incremental: false };
  }
  return { tree, incremental: true };
}

/** The grammar's words (keywords, soft keywords such as `match`, and `print`/`exec`): a name that is one may parse differently. */
function grammarWords(language: Language): ReadonlySet<string> {
  const words = new Set<string>();
  for (let id = 0; id < language.nodeTypeCount; id++) {
    const type = language.nodeTypeForId(id);
    if (type && !language.nodeTypeIsNamed(id) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(type)) words.add(type);
  }
  return words;
}

/**
 * Makes the nodes of `tree` read their text from `text`. web-tree-sitter keeps a tree's input as its
 * `textCallback` (a field its typings leave out; a test checks that `node.text` follows): a tree
 * edited without a parse must read the new text.
 */
function readsText(tree: SyntaxTree, text: string): void {
  (tree as unknown as { textCallback: (index: number) => string }).textCallback = (index) => text.slice(index);
}

/**
 * The ERROR and MISSING nodes under `root`. A node has an error exactly when it is one or holds one
 * (`hasError`), so the walk enters only those: on a large module broken in one place it reads the
 * top-level statements once and one path down, where a walk of the whole tree or a query reads every node.
 */
function errorNodes(root: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = root.isError || root.isMissing ? [root] : [];
  const visit = (node: SyntaxNode) => {
    for (const child of node.children) {
      if (!child?.hasError) continue;
      if (child.isError || child.isMissing) found.push(child);
      visit(child);
    }
  };
  if (root.hasError) visit(root);
  return found;
}

function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    row++;
    lineStart = index + 1;
  }
  return { row, column: offset - lineStart };
}

function pointAfter(start: Point, insertedText: string): Point {
  const lastNewline = insertedText.lastIndexOf('\n');
  if (lastNewline === -1) return { row: start.row, column: start.column + insertedText.length };
  const newlines = insertedText.split('\n').length - 1;
  return { row: start.row + newlines, column: insertedText.length - lastNewline - 1 };
}
