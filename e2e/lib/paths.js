// Where things are: the repo, the packaged .vsix, the e2e tools, and the test-results folder.
'use strict';
const path = require('path');

const repo = path.resolve(__dirname, '..', '..');
if (!require('fs').existsSync(path.join(repo, 'e2e', 'node_modules', 'playwright-core'))) {
  throw new Error('e2e/node_modules is missing: run `bash e2e/install.sh` first');
}
module.exports = {
  repo,
  e2e: path.join(repo, 'e2e'),
  examples: path.join(repo, 'examples'),
  vsix: path.join(repo, 'pool-guide.vsix'),
  results: path.join(repo, 'test-results'),
  codeServerBin: path.join(repo, 'e2e', 'node_modules', '.bin', 'code-server'),
  chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
};
