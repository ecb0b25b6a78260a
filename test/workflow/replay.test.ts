/**
 * Replay of the committed histories (test/fixtures/histories, recorded on the real dev server from
 * every path of the workflow) against the current workflow code: a change that would break running
 * workflows (non-determinism) fails here. Re-record with:
 *
 *   RECORD_HISTORIES=1 npx jest test/workflow/replay.test.ts
 *   RECORD_HISTORIES=1 RECORD_HISTORIES_ONLY=council-session npx jest test/workflow/replay.test.ts   (some scenarios)
 *
 * Recording rewrites the top-level files only; histories recorded before a `patched()` change stay in
 * subfolders (e.g. recorded-before-council-patches/) so the old branch of every patch keeps replaying.
 */
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { quietLogger, quietRuntime } from './support/harness';
import { FIXTURE_NAMES, recordHistories } from './support/record-histories';
import { HISTORIES_DIR, committedHistories, replayAll } from './support/replay';

jest.setTimeout(180_000);

beforeAll(async () => {
  quietRuntime();
  if (process.env.RECORD_HISTORIES === '1') {
    const only = process.env.RECORD_HISTORIES_ONLY?.split(',').filter(Boolean);
    const written = await recordHistories(HISTORIES_DIR, only);
    process.stderr.write(`Recorded ${written.length} histories into ${HISTORIES_DIR}\n`);
  }
});

test('the committed histories cover every path of the workflow, and a revocation', () => {
  const files = committedHistories().map((h) => h.file.replace(/\.json$/, ''));
  expect(files).toEqual(expect.arrayContaining(FIXTURE_NAMES));
});

test('every committed history replays against the current workflow code', async () => {
  const histories = committedHistories();
  const results = await replayAll(histories);
  expect(
    results.map((r) => ({
      workflowId: r.workflowId,
      error: r.error ? `${r.error.name}: ${r.error.message}` : undefined,
    })),
  ).toEqual(histories.map((h) => ({ workflowId: h.workflowId, error: undefined })));
});

test('a non-deterministic change of the workflow fails the replay of every nomination history', async () => {
  const changed = await bundleWorkflowCode({
    workflowsPath: join(__dirname, 'support', 'nondeterministic-workflows.ts'),
    logger: quietLogger,
  });
  const nominations = committedHistories().filter((h) => h.workflowId.startsWith('nomination-'));
  expect(nominations.length).toBeGreaterThan(10);
  const results = await replayAll(nominations, changed);
  expect(results).toHaveLength(nominations.length);
  for (const r of results) expect(r.error).toBeInstanceOf(DeterminismViolationError);
});
