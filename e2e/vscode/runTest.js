// `npm run test:vscode`: the same extension-host suite (e2e/exthost) in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (this project's CI cannot; it runs
// the suite in code-server instead, see e2e/tests/exthost.test.js). Uses the built dist/ of the repo.
'use strict';
const { runTests } = require('@vscode/test-electron');
const path = require('path');
const paths = require('../lib/paths');
const { copyExamples } = require('../lib/workspace');

(async () => {
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: paths.repo,
      extensionTestsPath: path.join(paths.e2e, 'exthost', 'index.js'),
      launchArgs: [copyExamples(), '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (error) {
    console.error(`extension-host tests failed: ${error.message ?? error}`);
    process.exit(1);
  }
})();
