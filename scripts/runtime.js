// The Node.js runtime the project supports, read from package.json's engines (">=24").
'use strict';
const path = require('node:path');

const ENGINES = require(path.join(__dirname, '..', 'package.json')).engines.node;
const REQUIRED_MAJOR = Number(/>=\s*(\d+)/.exec(ENGINES)[1]);

function describeRuntime() {
  return `Node ${process.version} (ABI ${process.versions.modules}, ${process.execPath})`;
}

function assertSupportedRuntime() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < REQUIRED_MAJOR) {
    throw new Error(
      `${describeRuntime()} is older than the project's Node ${ENGINES}: run through npm ` +
        "(npm start, npm test, npm run …), which puts the project's own Node first on the PATH",
    );
  }
}

module.exports = { REQUIRED_MAJOR, describeRuntime, assertSupportedRuntime };
