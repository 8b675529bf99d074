/**
 * `--format github`: one GitHub Actions workflow command per finding
 * (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), so that findings show
 * inline on pull requests without a SARIF upload. Data escapes `%`, CR and LF; property values
 * also `:` and `,` (the runner's own escaping rules). Paths are relative to the working directory.
 */
import { findRule, ruleDocsUrl } from '../../core/rules';
import type { Severity } from '../../core/types';
import type { ReportedFinding } from '../report';
import { projectPath } from './projectPath';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: readonly ReportedFinding[], cwd: string): string {
  return findings
    .map((finding) => {
      const properties: [string, string | number][] = [
        ['file', projectPath(finding.path, cwd)],
        ['line', finding.line],
        ['col', finding.column],
        ['endLine', finding.endLine],
        ['endColumn', finding.endColumn],
        ['title', `${finding.code} ${finding.name}`],
      ];
      const rule = findRule(finding.code);
      const lines = [
        finding.message,
        ...(finding.fix ? [`Fix (${finding.fix.safe ? 'safe, applied by `pool-guide check --fix`' : 'unsafe, not applied by `--fix`'}): ${finding.fix.title}`] : []),
        ...(rule ? [ruleDocsUrl(rule)] : []),
      ];
      return `::${COMMAND[finding.severity]} ${properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',')}::${escapeData(lines.join('\n'))}\n`;
    })
    .join('');
}
