/**
 * PG201: callables and keywords that the version in use deprecates or no longer has. The fix
 * migrates in one step: the callable and every old keyword inside it, and a config object passed
 * to a renamed keyword, so that the result runs on that version.
 */
import type { Lifecycle } from '../../catalog/schema';
import { nameStatusAt, paramByName } from '../../catalog/versions';
import { fieldOfParam } from '../config/effective';
import { replacementFor } from '../fixes/importStyle';
import { moveIntoConfig } from '../fixes/moveIntoConfig';
import type { BoundCall, Finding, TextEdit, TextSpan } from '../types';
import { finding, textOf, type Check, type CheckContext } from './context';

export const renamedOrRemoved: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const call of ctx.calls) {
    const callableStatus = nameStatusAt(call.version, call.callable.since, call.callable.lifecycle);
    if (callableStatus === 'deprecated' || callableStatus === 'removed') {
      const lifecycle = call.callable.lifecycle!;
      const replacement = lifecycle.replacement;
      const message = `${textOf(ctx, call.calleeSpan)} ${statusText(callableStatus, lifecycle, call)}${replacement ? `; use ${replacement}` : ''}.`;
      const edits = migrateCall(ctx, call);
      findings.push(
        finding('PG201', call, call.calleeSpan, message, {
          severity: callableStatus === 'removed' ? 'error' : 'warning',
          deprecated: true,
          fixes: replacement ? [{ title: `Migrate to \`${preview(ctx, call, edits)}\``, edits, safe: true, preferred: true }] : [],
        }),
      );
    }
    for (const arg of call.args) {
      const param = arg.param;
      if (!param || !arg.keywordSpan || !param.lifecycle) continue;
      const status = nameStatusAt(call.version, param.since, param.lifecycle);
      if (status !== 'deprecated' && status !== 'removed') continue;
      const replacement = param.lifecycle.replacement;
      if (replacement && param.lifecycle.replacementField) {
        findings.push(movedIntoConfigFinding(ctx, call, arg.keywordSpan, param.name, param.lifecycle, status));
        continue;
      }
      const nested = arg.expr.value.kind === 'call' && arg.expr.via === undefined ? arg.expr.value.call : undefined;
      const edits: TextEdit[] = !replacement
        ? []
        : call.callable.builds
          ? migrateCall(ctx, call)
          : [{ span: arg.keywordSpan, newText: replacement }, ...(nested && isOutdated(nested) ? migrateCall(ctx, nested) : [])];
      const message = `\`${param.name}=\` ${statusText(status, param.lifecycle, call)}${replacement ? `; use \`${replacement}=\`` : ''}.`;
      findings.push(
        finding('PG201', call, arg.keywordSpan, message, {
          severity: status === 'removed' ? 'error' : 'warning',
          deprecated: true,
          fixes: replacement ? [{ title: `Rename to \`${replacement}=\``, edits: dedupe(edits), safe: true, preferred: true }] : [],
        }),
      );
    }
  }
  return findings;
};

/** An old keyword whose value now goes into a field of another parameter's config object. */
function movedIntoConfigFinding(ctx: CheckContext, call: BoundCall, span: TextSpan, name: string, lifecycle: Lifecycle, status: 'deprecated' | 'removed'): Finding {
  const target = paramByName(call.callable, lifecycle.replacement!);
  const config = target?.config ? ctx.catalog.config(call.library, target.config) : undefined;
  const migration = target ? moveIntoConfig(call, target, ctx.catalog, ctx.imports) : undefined;
  const instead = `\`${lifecycle.replacement}=${config?.callable ?? ''}(${lifecycle.replacementField}=…)\``;
  const message = `\`${name}=\` ${statusText(status, lifecycle, call)}; use ${instead}.`;
  return finding('PG201', call, span, message, {
    severity: status === 'removed' ? 'error' : 'warning',
    deprecated: true,
    fixes: migration ? [{ title: `Migrate to \`${migration.replacement}\``, edits: migration.edits, safe: true, preferred: true }] : [],
  });
}

function statusText(status: 'deprecated' | 'removed', lifecycle: Lifecycle, call: BoundCall): string {
  const where = `${call.library.displayName} ${call.version}`;
  return status === 'removed'
    ? `was removed in ${call.library.displayName} ${lifecycle.removedIn}, so it fails on ${where}`
    : `is deprecated since ${call.library.displayName} ${lifecycle.deprecatedIn}${lifecycle.removedIn ? ` and removed in ${lifecycle.removedIn}` : ''}`;
}

function isOutdated(call: BoundCall): boolean {
  const status = nameStatusAt(call.version, call.callable.since, call.callable.lifecycle);
  return status === 'deprecated' || status === 'removed' || call.args.some((arg) => arg.param?.lifecycle?.replacement && arg.keywordSpan);
}

/**
 * Edits that rename an outdated callable and its old keywords to what the version in use accepts.
 * When the rename changes a `from module import Old` line, every other call through that imported
 * name is migrated in the same step, so that no use is left behind the renamed import.
 */
function migrateCall(ctx: CheckContext, call: BoundCall): TextEdit[] {
  const edits = migrateOneCall(ctx, call);
  const style = call.style;
  if (style.kind !== 'name' || !ctx.imports.fromImportedNames.has(style.localName) || !isOutdated(call)) return edits;
  for (const other of ctx.calls) {
    if (other !== call && other.callable === call.callable && other.style.kind === 'name' && other.style.localName === style.localName) {
      edits.push(...migrateOneCall(ctx, other));
    }
  }
  return dedupe(edits);
}

function migrateOneCall(ctx: CheckContext, call: BoundCall): TextEdit[] {
  const edits: TextEdit[] = [];
  const replacement = call.callable.lifecycle?.replacement;
  const callableStatus = nameStatusAt(call.version, call.callable.since, call.callable.lifecycle);
  if (replacement && (callableStatus === 'deprecated' || callableStatus === 'removed')) {
    const reference = replacementFor(call, replacement, ctx.imports);
    edits.push({ span: call.calleeSpan, newText: reference.text }, ...reference.edits);
  }
  for (const arg of call.args) {
    if (arg.param?.lifecycle?.replacement && arg.keywordSpan) edits.push({ span: arg.keywordSpan, newText: fieldOfParam(arg.param) });
  }
  const config = call.callable.builds ? ctx.catalog.config(call.library, call.callable.builds) : undefined;
  const hasFallback = config?.fallbackParam !== undefined && call.args.some((arg) => arg.param?.name === config.fallbackParam);
  const namesEveryField = config?.fields.every((field) => call.args.some((arg) => arg.param && fieldOfParam(arg.param) === field.name));
  if (config?.fallbackOrAllFieldsRequired && !hasFallback && !namesEveryField && call.splats.length === 0) {
    // Before the rename, an omitted phase meant None; the new API needs that default said explicitly.
    const insertAt = call.argumentsSpan.start + 1;
    edits.push({ span: { start: insertAt, end: insertAt }, newText: call.args.length > 0 ? 'None, ' : 'None' });
  }
  return edits;
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.span.start}:${edit.span.end}:${edit.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The call's text after the edits that fall inside it, for the fix title. */
function preview(ctx: CheckContext, call: BoundCall, edits: readonly TextEdit[]): string {
  let text = textOf(ctx, call.span);
  const inside = edits.filter((edit) => edit.span.start >= call.span.start && edit.span.end <= call.span.end);
  for (const edit of [...inside].sort((a, b) => b.span.start - a.span.start)) {
    text = text.slice(0, edit.span.start - call.span.start) + edit.newText + text.slice(edit.span.end - call.span.start);
  }
  return text.replace(/\s+/g, ' ');
}
