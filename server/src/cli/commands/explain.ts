/**
 * `pool-guide explain PG301`: the rule's page from docs/rules/ (next to the bundle, as in the
 * repository and the npm package), or its one-line summary and link where the page is absent.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findRule, ruleDocsUrl } from '../../core/rules';
import { UsageError } from '../args';

export function runExplain(reference: string): number {
  const rule = findRule(reference);
  if (!rule) throw new UsageError(`unknown rule '${reference}'`);
  const page = path.join(__dirname, '..', 'docs', 'rules', `${rule.code}.md`);
  const text = fs.existsSync(page)
    ? fs.readFileSync(page, 'utf8')
    : `${rule.code} ${rule.name} (default: ${rule.severity})\n\n${rule.summary}\n\n${ruleDocsUrl(rule)}\n`;
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
