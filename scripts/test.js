#!/usr/bin/env node
// `npm test`: every suite, N at a time (jest --maxWorkers; TDKT_TEST_WORKERS, default 2 — this machine's
// cores). Each integration suite starts its own servers on free ports, in its own temp data directory,
// PostgreSQL schema or database, so suites are independent and may run side by side
// (test/support/longest-first-sequencer.js starts the longest ones first).
// The one thing two suites would share is the web app's build (dist/web, written by the browser
// suites and the topology suite's `npm run build` when its sources changed): it is brought up to date
// here, once, before any suite starts (a no-op when nothing changed). Jest's summary is the last output
// and its exit code this script's (non-zero when any test failed). Extra arguments go to jest
// (`npm test -- test/api --runInBand`).
'use strict';
const { spawnSync } = require('node:child_process');
const { availableParallelism } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
// The project's Node (npm puts it first on the PATH): a native addon built for it fails under another.
try {
  require('./runtime').assertSupportedRuntime();
} catch (error) {
  console.error(`npm test: ${error.message}`);
  process.exit(1);
}
const args = process.argv.slice(2);
const unitOnly = args.some(
  (a, i) => (a === '--selectProjects' && args[i + 1] === 'unit') || a === '--selectProjects=unit',
);

if (!unitOnly) {
  const web = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts/build-web.ts')],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (web.status !== 0) process.exit(web.status ?? 1);
}

const inBand = args.some(
  (a) => a === '--runInBand' || a === '-i' || a.startsWith('--maxWorkers') || a.startsWith('-w'),
);
const workers = Number(process.env.TDKT_TEST_WORKERS) || Math.max(2, Math.min(4, availableParallelism()));
const jest = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/jest/bin/jest.js'), ...(inBand ? [] : [`--maxWorkers=${workers}`]), ...args],
  { cwd: ROOT, stdio: 'inherit' },
);
process.exit(jest.status ?? 1);
