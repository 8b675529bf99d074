// Fresh temp folders for a test run (removed at exit unless a test failed), and a copy of
// examples/ to open as the workspace, so a test's expectations come from files it controls.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { examples } = require('./paths');

const made = [];
// Temp folders go when the test process ends well; after a failure they stay for a look
// (code-server's log is in its profile folder), as they do with POOL_GUIDE_KEEP_TMP=1.
process.on('exit', (code) => {
  if (code === 0 && !process.exitCode && !process.env.POOL_GUIDE_KEEP_TMP) {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A new empty folder under the system temp dir. */
function tempDir(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pool-guide-${label}-`));
  made.push(dir);
  return dir;
}

/** A temp folder holding a copy of examples/; returns its path. */
function copyExamples() {
  const ws = path.join(tempDir('ws'), 'examples');
  fs.cpSync(examples, ws, { recursive: true });
  return ws;
}

module.exports = { tempDir, copyExamples };
