/**
 * `--format sarif`: one SARIF 2.1.0 run for GitHub code scanning. Every rule is described in
 * `tool.driver.rules` (summary, help text, docs link, default level); results point into the
 * files by paths relative to the working directory (`%SRCROOT%`), columns in UTF-16 code units.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import { RULES, ruleDocsUrl } from '../../core/rules';
import type { Severity } from '../../core/types';
import type { ReportedFinding } from '../report';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(findings: readonly ReportedFinding[], toolVersion: string, cwd: string): string {
  const rules: Sarif.ReportingDescriptor[] = RULES.map((rule) => ({
    id: rule.code,
    name: rule.name,
    shortDescription: { text: rule.summary },
    help: { text: `${rule.summary} See ${ruleDocsUrl(rule)}`, markdown: `${rule.summary} [${rule.code} ${rule.name}](${ruleDocsUrl(rule)})` },
    helpUri: ruleDocsUrl(rule),
    defaultConfiguration: { level: LEVEL[rule.severity] },
  }));
  const results: Sarif.Result[] = findings.map((finding) => ({
    ruleId: finding.code,
    ruleIndex: RULES.findIndex((rule) => rule.code === finding.code),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.path, cwd),
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
  }));
  const log: Sarif.Log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pool-guide', version: toolVersion, informationUri: 'https://github.com/pool-guide/pool-guide', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A path under the working directory as a relative URI on %SRCROOT%; any other as a file: URI. */
function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
