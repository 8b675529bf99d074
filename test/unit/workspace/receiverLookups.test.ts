import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultCatalog } from '../../../server/src/catalog';
import { analyzeText } from '../../helpers/engine';
import { workspaceOptions } from '../../helpers/workspace';

// A module of the workspace and one that imports it: `helpers.paths.join(...)` calls a method no
// catalogued receiver has, `helpers.session.get(...)` one that requests.Session has.
const FILES = {
  'app/helpers.py': 'import requests\nimport os as paths\nsession = requests.Session()\n',
  'app/main.py': 'import requests\nfrom app import helpers\nhelpers.paths.join("a", "b")\nhelpers.session.get("https://example.org", timeout=None)\n',
};

test('a receiver is read from other modules only for a catalogued method name', async () => {
  const options = await workspaceOptions(FILES, 'app/main.py');
  const asked: string[] = [];
  const lookup = options.workspace!.lookup;
  const analysis = await analyzeText(FILES['app/main.py'], { workspace: { ...options.workspace!, lookup: (dotted, called) => (asked.push(dotted), lookup(dotted, called)) } });
  assert.ok(defaultCatalog.hasMethod('get') && !defaultCatalog.hasMethod('join'));
  assert.ok(!asked.includes('app.helpers.paths'), `asked: ${asked.join(', ')}`);
  assert.ok(asked.includes('app.helpers.session'), `asked: ${asked.join(', ')}`);
  // The method of the session from the other module is still a catalogued call, and is checked.
  assert.deepEqual(analysis.calls.map((call) => call.qualifiedName), ['requests.Session.get']);
});

