/**
 * The pure readers of project files: PEP 508 requirement strings, Poetry constraints, requirements
 * files, setup.cfg, lock files and METADATA, and their bounds on hostile files.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDistInfoMetadata, parseLockFile } from '../../../server/src/core/versions/lockFiles';
import { LIBRARIES } from '../../../server/src/catalog';
import { declaredDecision } from '../../../server/src/core/versions/decide';
import {
  MAX_CLAUSES_PER_NAME,
  MAX_REQUIREMENTS,
  normalizeName,
  parsePyprojectRequirements,
  parseRequirement,
  parseRequirementsTxt,
  parseSetupCfgRequirements,
  poetryToPep440,
} from '../../../server/src/core/versions/requirements';

test('PEP 508 strings: extras, markers, parentheses and names are read', () => {
  assert.deepEqual(parseRequirement('httpx[http2]>=0.27,<0.28 ; python_version >= "3.8"'), { name: 'httpx', specifier: '>=0.27,<0.28' });
  assert.deepEqual(parseRequirement('Requests (>=2.0)'), { name: 'requests', specifier: '>=2.0' });
  assert.deepEqual(parseRequirement('aiohttp'), { name: 'aiohttp', specifier: '' });
  assert.equal(normalizeName('Foo_Bar.baz'), 'foo-bar-baz');
});

test('Poetry caret and tilde constraints become PEP 440 ranges', () => {
  assert.equal(poetryToPep440('^0.16'), '>=0.16,<0.17');
  assert.equal(poetryToPep440('^1.2.3'), '>=1.2.3,<2');
  assert.equal(poetryToPep440('^0.0.3'), '>=0.0.3,<0.0.4');
  assert.equal(poetryToPep440('~0.27.1'), '>=0.27.1,<0.28');
  assert.equal(poetryToPep440('0.27.2'), '==0.27.2');
  assert.equal(poetryToPep440('>=0.20,<0.21'), '>=0.20,<0.21');
  assert.equal(poetryToPep440('*'), '');
});

test('requirements files: options, comments, continuations and includes', () => {
  const parsed = parseRequirementsTxt('-r base.txt\n--constraint=c.txt\n-e .\nhttpx \\\n  ==0.27.2  # pinned\n# httpx==0.1\n');
  assert.deepEqual([...parsed.requirements], [['httpx', '==0.27.2']]);
  assert.deepEqual(parsed.includes, ['base.txt', 'c.txt']);
});

test('setup.cfg install_requires lists', () => {
  const parsed = parseSetupCfgRequirements('[options]\ninstall_requires =\n    httpx>=0.20\n    anyio\nzip_safe = False\n[other]\nhttpx = 1\n');
  assert.deepEqual([...parsed.requirements], [['httpx', '>=0.20'], ['anyio', '']]);
});

test('lock files and METADATA', () => {
  assert.deepEqual([...parseLockFile('uv.lock', '[[package]]\nname = "HTTPX"\nversion = "0.27.0"\n')], [['httpx', '0.27.0']]);
  assert.deepEqual([...parseLockFile('Pipfile.lock', '{"default": {"httpx": {"version": "==0.25.2"}}, "develop": {}}')], [['httpx', '0.25.2']]);
  assert.deepEqual(parseDistInfoMetadata('Metadata-Version: 2.1\nName: httpx\nVersion: 0.27.2\n'), { name: 'httpx', version: '0.27.2' });
  assert.throws(() => parseLockFile('poetry.lock', '[[package'));
});

test('hostile project files: 50,000 pins are read once each and capped, and the decision reads at most the capped clauses', () => {
  const pins = Array.from({ length: 50_000 }, (_, index) => `httpx==0.${index % 30}.${index}`);
  const pyproject = parsePyprojectRequirements(`[project]\nname = "x"\ndependencies = [\n${pins.map((pin) => JSON.stringify(pin)).join(',\n')}\n]\n`);
  assert.deepEqual(pyproject.requirements.get('httpx')!.split(','), pins.slice(0, MAX_CLAUSES_PER_NAME).map((pin) => pin.slice('httpx'.length)));
  const repeated = parseRequirementsTxt(Array.from({ length: 50_000 }, () => 'httpx>=0.20').join('\n'));
  assert.equal(repeated.requirements.get('httpx'), '>=0.20');
  const late = parseRequirementsTxt([...Array.from({ length: MAX_REQUIREMENTS }, (_, index) => `package${index}==1.0`), 'httpx==0.27.2'].join('\n'));
  assert.equal(late.requirements.size, MAX_REQUIREMENTS);
  assert.equal(late.requirements.has('httpx'), false, 'requirements past the cap are not read');
  const httpx = LIBRARIES.find((library) => library.id === 'httpx')!;
  const contradictory = declaredDecision(httpx, pyproject.requirements.get('httpx')!, 'pyproject.toml');
  assert.deepEqual([contradictory.version, contradictory.allowed], [httpx.newestVersion, [httpx.newestVersion]], 'no release satisfies contradictory pins');
  const range = declaredDecision(httpx, '>=0.13,<0.14,>=0.13,!=0.13.2', 'requirements.txt');
  assert.deepEqual(range.allowed, ['0.13.0', '0.13.1', '0.13.3']);
});
