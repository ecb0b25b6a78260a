#!/usr/bin/env node
// `npm test`: every suite, side by side where they are independent. Each integration suite starts its
// own servers on free ports, in its own temp data directory, PostgreSQL schema or database, so jest
// runs them N at a time (--maxWorkers; TDKT_TEST_WORKERS, default 2 — this machine's cores), the
// longest first (test/support/longest-first-sequencer.js).
// Two exceptions:
//   - the web app's build (dist/web), which the browser suites and the topology suite's `npm run build`
//     would each start when its sources changed: brought up to date here, once, before any suite;
//   - the production-topology suite (test/topology/: the Temporal server on PostgreSQL, two APIs, two
//     workers, processes killed on purpose) runs after the others, alone: with another suite beside it
//     on 2 cores its PostgreSQL calls passed Temporal's deadlines (measured: it failed, nothing else did).
// Extra arguments go to jest as they are, in one run (`npm test -- test/api --runInBand`). The full
// run ends with the summary of both jest runs together, and exits non-zero if either failed.
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { availableParallelism, tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
// The project's Node (npm puts it first on the PATH): a native addon built for it fails under another.
try {
  require('./runtime').assertSupportedRuntime();
} catch (error) {
  console.error(`npm test: ${error.message}`);
  process.exit(1);
}

const ALONE = 'test/topology/';
const args = process.argv.slice(2);
const unitOnly = args.some(
  (a, i) => (a === '--selectProjects' && args[i + 1] === 'unit') || a === '--selectProjects=unit',
);
const inBand = args.some(
  (a) => a === '--runInBand' || a === '-i' || a.startsWith('--maxWorkers') || a.startsWith('-w'),
);
const workers = Number(process.env.TDKT_TEST_WORKERS) || Math.max(2, Math.min(4, availableParallelism()));
// A full run: no test path given (every argument an option, or an option's value).
const full = !args.some(
  (a, i) => !a.startsWith('-') && !(i > 0 && args[i - 1].startsWith('-') && !args[i - 1].includes('=')),
);

if (!unitOnly) {
  const web = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts/build-web.ts')],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (web.status !== 0) process.exit(web.status ?? 1);
}

const jest = (jestArgs) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js'), ...jestArgs], {
    cwd: ROOT,
    stdio: 'inherit',
  }).status ?? 1;

const parallel = inBand ? [] : [`--maxWorkers=${workers}`];
if (!full || unitOnly) process.exit(jest([...parallel, ...args]));

const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'tdkt-npm-test-'));
const runs = [
  { args: [...parallel, '--testPathIgnorePatterns', `/${ALONE}`, ...args], json: join(dir, 'side-by-side.json') },
  { args: [ALONE, '--runInBand', '--passWithNoTests', ...args], json: join(dir, 'alone.json') },
];
const codes = runs.map((r) => jest([...r.args, '--json', '--outputFile', r.json]));
const results = runs.map((r) => {
  try {
    return JSON.parse(readFileSync(r.json, 'utf8'));
  } catch {
    return undefined; // jest did not get as far as writing results: its exit code says so
  }
});
rmSync(dir, { recursive: true, force: true });

const sum = (key) => results.reduce((s, r) => s + (r?.[key] ?? 0), 0);
const part = (failed, passed, skipped, total) =>
  [failed && `${failed} failed`, skipped && `${skipped} skipped`, `${passed} passed`, `${total} total`]
    .filter(Boolean)
    .join(', ');
console.log(`\nnpm test: the suites side by side (${workers} at a time), then ${ALONE} alone`);
console.log(
  `Test Suites: ${part(sum('numFailedTestSuites') + sum('numRuntimeErrorTestSuites'), sum('numPassedTestSuites'), sum('numPendingTestSuites'), sum('numTotalTestSuites'))}`,
);
console.log(
  `Tests:       ${part(sum('numFailedTests'), sum('numPassedTests'), sum('numPendingTests') + sum('numTodoTests'), sum('numTotalTests'))}`,
);
console.log(`Time:        ${((Date.now() - started) / 1000).toFixed(1)} s`);
const failed = codes.some((c) => c !== 0) || results.some((r) => !r || !r.success);
console.log(failed ? 'Some tests failed.' : 'Ran all test suites.');
process.exit(failed ? 1 : 0);
