/**
 * Two hundred nominations in flight at once, with a mix of outcomes: every workflow reaches its
 * right end, every event stream tells the same story, decision numbers stay sequential and gap-free.
 */
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { decisionNumberStreamName } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import {
  createNominationActivities,
  nominationWorkflowId,
  yearOf,
  type NominationWorkflowResult,
} from '@tdkt/temporal';
import { fixture, gateway, newId, startDevServer, streamOf, tempDir, workflowBundle } from './support/harness';
import { Driver, FINAL_STATUS, LAST_EVENT, runToOutcome, type Outcome } from './support/scenarios';
import { replayAll } from './support/replay';

jest.setTimeout(300_000);

const TASK_QUEUE = 'many-in-flight';
const COUNT = 200;
const f = fixture();
const tmp = tempDir();
let env: TestWorkflowEnvironment;
let store: SqliteEventStore;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  env = await startDevServer();
  store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: createNominationActivities({
      store,
      directory: f.directory,
      catalog: f.catalog,
      decisionAuthority: 'UBND',
    }),
    maxConcurrentWorkflowTaskExecutions: 100,
    maxConcurrentActivityTaskExecutions: 100,
    maxCachedWorkflows: 400,
  });
  running = worker.run();
});

afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await store?.close();
  await env?.teardown();
  tmp.remove();
});

test(`${COUNT} nominations in flight at once all reach their right end`, async () => {
  const d = new Driver(gateway(env.client, TASK_QUEUE), f);
  const mix: Outcome[] = [
    'AWARDED',
    'REJECTED_AT_CLUSTER',
    'AWARDED',
    'REJECTED_BY_COUNCIL',
    'WITHDRAWN',
    'DECLINED',
    'RETURNED_THEN_AWARDED',
  ];
  const plan = Array.from({ length: COUNT }, (_, i) => ({ id: newId('many'), outcome: mix[i % mix.length] }));

  const started = Date.now();
  let inFlight = 0;
  let maxInFlight = 0;
  const finals = await Promise.all(
    plan.map(async ({ id, outcome }) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await runToOutcome(d, id, outcome);
      } finally {
        inFlight--;
      }
    }),
  );
  const tookMs = Date.now() - started;
  console.log(`${COUNT} nominations (${maxInFlight} in flight at most) finished in ${(tookMs / 1000).toFixed(1)} s`);
  expect(maxInFlight).toBe(COUNT);
  expect(finals.map((o) => o.status)).toEqual(plan.map((p) => FINAL_STATUS[p.outcome]));

  const results = await Promise.all(
    plan.map(
      (p) => env.client.workflow.getHandle(nominationWorkflowId(p.id)).result() as Promise<NominationWorkflowResult>,
    ),
  );
  const numbers: string[] = [];
  for (const [i, p] of plan.entries()) {
    const events = await streamOf(store, p.id);
    expect({
      id: p.id,
      status: results[i].status,
      last: events[events.length - 1].type,
      revision: events.length - 1,
    }).toEqual({
      id: p.id,
      status: FINAL_STATUS[p.outcome],
      last: LAST_EVENT[p.outcome],
      revision: results[i].revision,
    });
    expect(finals[i].revision).toBe(results[i].revision);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    if (p.outcome === 'AWARDED' || p.outcome === 'RETURNED_THEN_AWARDED') {
      expect(results[i].decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
      numbers.push(results[i].decisionNumber!);
    } else {
      expect(results[i].decisionNumber).toBeUndefined();
    }
  }
  // Sequential and gap-free: 1..N, one per signed nomination.
  const awarded = plan.findIndex((p) => p.outcome === 'AWARDED');
  const year = yearOf((await streamOf(store, plan[awarded].id)).slice(-1)[0].metadata.occurredAt);
  const allocations = await store.readStream(decisionNumberStreamName('UBND', year));
  expect(allocations.map((e) => (e.data as { sequence: number }).sequence)).toEqual(numbers.map((_, i) => i + 1));
  expect(numbers.map((n) => Number(n.split('/')[0])).sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));

  // And a sample of their histories replays against the current code.
  const sample = plan.filter((_, i) => i % 20 === 0);
  const histories = await Promise.all(
    sample.map(async (p) => ({
      workflowId: nominationWorkflowId(p.id),
      history: await env.client.workflow.getHandle(nominationWorkflowId(p.id)).fetchHistory(),
    })),
  );
  expect((await replayAll(histories)).filter((r) => r.error)).toEqual([]);
});
