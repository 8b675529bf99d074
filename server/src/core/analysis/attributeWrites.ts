/**
 * Assignments to attributes of catalogued objects (`s.timeout = 5` where `s = requests.Session()`,
 * `self.session.timeout = 5`): the target's object is evaluated like any argument, and kept when
 * it is a bound call, so that checks can tell which settings the library never reads. Only an
 * attribute some catalogued callable lists as never read can matter: other assignments (most of a
 * module's `self.x = ...`) are not evaluated.
 */
import type { Catalog } from '../../catalog';
import { FieldName, NodeKind } from '../syntax/nodeKinds';
import type { SyntaxNode } from '../syntax/parser';
import type { AttributeWrite } from '../types';
import { evaluate, type EvaluationContext } from './evaluate';

export function collectAttributeWrites(assignments: readonly SyntaxNode[], catalog: Catalog, ctx: EvaluationContext): AttributeWrite[] {
  const writes: AttributeWrite[] = [];
  for (const assignment of assignments) {
    const target = assignment.childForFieldName(FieldName.left);
    if (target?.type !== NodeKind.attribute) continue;
    const object = target.childForFieldName(FieldName.object);
    const attribute = target.childForFieldName(FieldName.attribute)?.text;
    if (!object || !attribute || !catalog.hasIgnoredAttribute(attribute)) continue;
    const value = evaluate(object, ctx).value;
    if (value.kind !== 'call') continue;
    writes.push({
      receiver: value.call,
      attribute,
      span: { start: target.startIndex, end: target.endIndex },
      statementSpan: { start: assignment.startIndex, end: assignment.endIndex },
    });
  }
  return writes;
}
