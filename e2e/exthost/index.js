// The extension-host test entry point (`extensionTestsPath`): VS Code calls run() inside its
// extension host. Runs the mocha suites in ./suite and, when POOL_GUIDE_TEST_REPORT names a file,
// appends one line per test there (code-server's extension host has no terminal to print to).
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000 });
  const dir = path.join(__dirname, 'suite');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, file));
  const reportFile = process.env.POOL_GUIDE_TEST_REPORT;
  const report = (line) => reportFile && fs.appendFileSync(reportFile, `${line}\n`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host tests failed`)) : resolve()));
    runner.on('pass', (test) => report(`ok ${test.fullTitle()} (${test.duration} ms)`));
    runner.on('fail', (test, error) => report(`FAIL ${test.fullTitle()}\n${error && error.stack}`));
    runner.on('end', () => report(`end: ${runner.stats.passes} passed, ${runner.stats.failures} failed`));
  });
};
