/**
 * Writes a reference to another name of a call's library the way the file already imports it:
 * `hx.Timeout` after `import httpx as hx`, `Timeout` after `from httpx import Client, Timeout`,
 * or `Timeout` plus an edit that adds it to an existing `from httpx import ...`; and a reference to a
 * name of another module (`urllib3.Timeout` at a requests call), adding `import urllib3` when needed.
 */
import type { ImportTable } from '../analysis/imports';
import type { BoundCall, TextEdit } from '../types';

export type NameReference = { readonly text: string; readonly edits: readonly TextEdit[] };

/** How to write `name` (a name in the module of `call`'s callee) at the call, and the import edits it needs. */
export function referenceTo(call: BoundCall, name: string, imports: ImportTable): NameReference {
  if (call.style.kind === 'method') return referenceTo(call.style.receiver, name, imports);
  if (call.style.kind === 'module') return { text: `${call.style.alias}.${name}`, edits: [] };
  const module = call.qualifiedName.slice(0, call.qualifiedName.lastIndexOf('.'));
  const qualified = `${module}.${name}`;
  for (const [local, target] of imports.names) {
    if (target === qualified) return { text: local, edits: [] };
  }
  for (const [local, target] of imports.names) {
    if (target === module) return { text: `${local}.${name}`, edits: [] };
  }
  const end = imports.fromImportEnds.get(module);
  if (end !== undefined) return { text: name, edits: [{ span: { start: end, end }, newText: `, ${name}` }] };
  return { text: name, edits: [] };
}

/**
 * How to replace a renamed callable at a call: where the file imports the old name with
 * `from module import Old [as Local]`, rename it in that import (keeping any alias, so other uses
 * of the local name follow); otherwise write a reference to the new name as `referenceTo` does.
 */
export function replacementFor(call: BoundCall, replacement: string, imports: ImportTable): NameReference {
  if (call.style.kind === 'name') {
    const imported = imports.fromImportedNames.get(call.style.localName);
    if (imported) {
      const aliased = imports.names.has(call.style.localName) && call.style.localName !== call.qualifiedName.split('.').pop();
      return { text: aliased ? call.style.localName : replacement, edits: [{ span: { start: imported.start, end: imported.end }, newText: replacement }] };
    }
  }
  return referenceTo(call, replacement, imports);
}

/**
 * How to write a name of another module (`paths`: every qualified name it has, e.g. `urllib3.Timeout`
 * and `urllib3.util.Timeout`): an imported name or module alias when the file has one, else
 * `module.name` with an `import module` line after the last module-level import. Undefined when the
 * file has no module-level import to put it after.
 */
export function referenceInModule(module: string, name: string, paths: readonly string[], imports: ImportTable): NameReference | undefined {
  for (const [local, target] of imports.names) {
    if (paths.includes(target)) return { text: local, edits: [] };
  }
  for (const [local, target] of imports.names) {
    if (target === module) return { text: `${local}.${name}`, edits: [] };
  }
  const end = imports.lastTopLevelImportEnd;
  if (end === undefined) return undefined;
  return { text: `${module}.${name}`, edits: [{ span: { start: end, end }, newText: `\nimport ${module}` }] };
}
