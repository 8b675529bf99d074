/**
 * Suppression comments as rules.md defines them (line, noqa, file), including the forms that were
 * gaps (`ignore [..]` with a space, space-separated noqa codes, `ignored` is not `ignore`), and the
 * "Ignore PGxxx on this line" edit, which must itself silence the finding.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../../server/src/core/fixes/fixAll';
import { ignoreOnLineEdit } from '../../../server/src/core/suppressionEdit';
import { analyzeText } from '../../helpers/engine';

const CALL = 'c = httpx.Client(timeout=(1, 2))';

async function codes(source: string): Promise<string[]> {
  return (await analyzeText(source)).findings.map((finding) => finding.code);
}

test('line suppressions: codes, names, lists, bare or empty (all); a space before the bracket', async () => {
  for (const comment of ['# pool-guide: ignore[]', '# pool-guide: ignore[PG101]', '# pool-guide: ignore[ambiguous-timeout-tuple]', '# pool-guide: ignore[PG302, PG101]', '# pool-guide: ignore', '# pool-guide: ignore [PG101]', '# POOL-GUIDE: IGNORE[pg101]']) {
    assert.deepEqual(await codes(`import httpx\n${CALL}  ${comment}\n`), [], comment);
  }
  for (const comment of ['# pool-guide: ignore[PG302]', '# pool-guide: ignored', '# pool-guide: ignore[E501]']) {
    assert.deepEqual(await codes(`import httpx\n${CALL}  ${comment}\n`), ['PG101'], comment);
  }
});

test('noqa: comma- or space-separated codes; other tools\' codes alone silence nothing', async () => {
  for (const comment of ['# noqa: PG101', '# noqa: E501,PG101', '# noqa: E501 PG101', '# noqa:PG101']) {
    assert.deepEqual(await codes(`import httpx\n${CALL}  ${comment}\n`), [], comment);
  }
  for (const comment of ['# noqa', '# noqa: E501', '# noqa: PG302']) {
    assert.deepEqual(await codes(`import httpx\n${CALL}  ${comment}\n`), ['PG101'], comment);
  }
});

test('a suppression on any line of a multi-line call', async () => {
  assert.deepEqual(await codes('import httpx\nc = httpx.Client(\n    timeout=(1, 2),\n)  # pool-guide: ignore[PG101]\n'), []);
});

test('ignore-file only in the first comment block', async () => {
  assert.deepEqual(await codes(`#!/usr/bin/env python\n# pool-guide: ignore-file[PG101]\nimport httpx\n${CALL}\n`), []);
  assert.deepEqual(await codes(`import httpx\n# pool-guide: ignore-file[PG101]\n${CALL}\n`), ['PG101']);
});

test('"Ignore on this line": appends a comment, or extends a trailing ignore list', async () => {
  const cases: [string, string][] = [
    [`import httpx\n${CALL}\n`, `import httpx\n${CALL}  # pool-guide: ignore[PG101]\n`],
    [`import httpx\n${CALL}   \n`, `import httpx\n${CALL}  # pool-guide: ignore[PG101]   \n`],
    [`import httpx\n${CALL}  # keep this note\n`, `import httpx\n${CALL}  # keep this note  # pool-guide: ignore[PG101]\n`],
    [`import httpx\n${CALL}  # pool-guide: ignore[PG302]\n`, `import httpx\n${CALL}  # pool-guide: ignore[PG302, PG101]\n`],
    [`import httpx\r\n${CALL}\r\n`, `import httpx\r\n${CALL}  # pool-guide: ignore[PG101]\r\n`],
    [`import httpx\n${CALL}`, `import httpx\n${CALL}  # pool-guide: ignore[PG101]`],
  ];
  for (const [before, after] of cases) {
    const [finding] = (await analyzeText(before)).findings;
    const edit = ignoreOnLineEdit(before, finding);
    assert.ok(edit, JSON.stringify(before));
    const edited = applyEdits(before, [edit]);
    assert.equal(edited, after);
    assert.deepEqual(await codes(edited), [], `the edited text is silenced: ${JSON.stringify(edited)}`);
  }
});

test('"Ignore on this line" is not offered where a comment cannot go (backslash continuation)', async () => {
  const source = 'import httpx\nc = httpx.Client(timeout=(1, 2)) \\\n    .get("x")\n';
  const [finding] = (await analyzeText(source)).findings.filter((candidate) => candidate.code === 'PG101');
  assert.equal(ignoreOnLineEdit(source, finding), undefined);
});

test('ignore-file comments merge: a bare one with a listed one silences all, two lists silence both; a shebang and blank lines may come first', async () => {
  const both = `${CALL}\nd = httpx.Client(timeout=None)\n`;
  assert.deepEqual(await codes(`import httpx\n${both}`), ['PG101', 'PG302']);
  assert.deepEqual(await codes(`# pool-guide: ignore-file[PG101]\n# pool-guide: ignore-file\nimport httpx\n${both}`), []);
  assert.deepEqual(await codes(`# pool-guide: ignore-file\n# pool-guide: ignore-file[PG101]\nimport httpx\n${both}`), []);
  assert.deepEqual(await codes(`# pool-guide: ignore-file[PG101]\n# pool-guide: ignore-file[PG302]\nimport httpx\n${both}`), []);
  assert.deepEqual(await codes(`# pool-guide: ignore-file[PG101]\nimport httpx\n${both}`), ['PG302']);
  assert.deepEqual(await codes(`#!/usr/bin/env python3\n\n# pool-guide: ignore-file[PG302]\nimport httpx\n${both}`), ['PG101']);
  assert.deepEqual(await codes(`#!/usr/bin/env python3\n\n# -*- coding: utf-8 -*-\n\n# pool-guide: ignore-file\nimport httpx\n${both}`), []);
});
