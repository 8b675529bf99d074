/**
 * Diagnostics from annotated fixtures: every finding's code, span and severity must match the caret
 * lines of the fixture, and nothing else may be reported.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { expectedFindings } from '../../helpers/annotations';
import { analyzeText } from '../../helpers/engine';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'diagnostics');

for (const file of fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.py'))) {
  test(`diagnostics of ${file} match its annotations`, async () => {
    const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    const analysis = await analyzeText(text);
    const describe = (finding: { code: string; start: number; end: number; severity?: string }) =>
      `${finding.code} ${finding.severity ?? ''} ${JSON.stringify(text.slice(finding.start, finding.end))} @${finding.start}`;
    const actual = analysis.findings.map((finding) => describe({ code: finding.code, severity: finding.severity, ...finding.span }));
    const expected = expectedFindings(text).map(describe);
    assert.deepEqual([...actual].sort(), [...expected].sort());
  });
}
