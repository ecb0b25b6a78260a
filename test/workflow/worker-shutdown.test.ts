/**
 * The worker application stops cleanly on SIGTERM: Nest's shutdown hooks are the one owner of the
 * signal, the Temporal worker drains (an activity in flight runs to its end and its append stands),
 * the event store closes and the process exits; the next worker carries the workflow on.
 */
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { SqliteEventStore } from '@tdkt/event-store';
import { fixture, gateway, newId, startDevServer, tempDir, typesOf } from './support/harness';
import { childWorkerEnvironment, startChildWorker, type ChildWorker } from './support/child-worker';
import { Driver } from './support/scenarios';

jest.setTimeout(120_000);

const TASK_QUEUE = 'worker-shutdown';
const tmp = tempDir();
let env: TestWorkflowEnvironment;
let childEnv: Record<string, string>;
const children: ChildWorker[] = [];

beforeAll(async () => {
  env = await startDevServer();
  childEnv = await childWorkerEnvironment(env.address, TASK_QUEUE, tmp.dir);
});

afterAll(async () => {
  for (const c of children) await c.kill('SIGKILL');
  await env?.teardown();
  tmp.remove();
});

test('SIGTERM while an activity runs: it finishes and its append stands, the worker exits, the next worker carries on', async () => {
  const d = new Driver(gateway(env.client, TASK_QUEUE), fixture());
  const first = await startChildWorker({
    ...childEnv,
    TDKT_TEST_SLOW_INTENT: 'SubmitNomination',
    TDKT_TEST_SLOW_MS: '3000',
  });
  children.push(first);
  const id = newId('shutdown');
  await d.draft(id);

  const submitting = d.submit(id);
  await first.next('activity-started');
  const exit = await first.kill('SIGTERM');
  // Nest re-raises the signal once its hooks have run: exit by SIGTERM (or 0), never a crash.
  expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
  expect(first.events).toEqual(['ready', 'activity-started', 'activity-finished']);

  // The in-flight activity appended before the process exited (no other worker has run yet).
  const store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  try {
    expect(await typesOf(store, id)).toEqual(['NominationDrafted', 'NominationSubmitted']);

    const second = await startChildWorker(childEnv);
    children.push(second);
    expect((await submitting).status).toBe('CLUSTER_REVIEW');
    expect((await d.endorse(id)).status).toBe('COUNCIL_VOTING');
    expect(await typesOf(store, id)).toEqual([
      'NominationDrafted',
      'NominationSubmitted',
      'ClusterEndorsed',
      'OfficeCheckPassed',
    ]);
    await d.withdraw(id);

    const stopped = await second.kill('SIGINT');
    expect(stopped.code === 0 || stopped.signal === 'SIGINT').toBe(true);
  } finally {
    await store.close();
  }
});
