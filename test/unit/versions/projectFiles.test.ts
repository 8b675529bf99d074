/**
 * The pure readers of project files: PEP 508 requirement strings, Poetry constraints, requirements
 * files, setup.cfg, lock files and METADATA.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDistInfoMetadata, parseLockFile } from '../../../server/src/core/versions/lockFiles';
import { normalizeName, parseRequirement, parseRequirementsTxt, parseSetupCfgRequirements, poetryToPep440 } from '../../../server/src/core/versions/requirements';

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
