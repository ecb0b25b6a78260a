/**
 * The worker process is killed (SIGKILL) in the middle of many flows; another one starts; every
 * nomination still reaches its right end, and every event stream matches, with nothing written twice.
 */
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { decisionNumberStreamName } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import { nominationWorkflowId, yearOf, type NominationWorkflowResult } from '@tdkt/temporal';
import { fixture, gateway, newId, startDevServer, streamOf, tempDir, VOTERS_FOR_DONVI1 } from './support/harness';
import { childWorkerEnvironment, startChildWorker, type ChildWorker } from './support/child-worker';
import { Driver, FINAL_STATUS, LAST_EVENT, runToOutcome, type Outcome } from './support/scenarios';
import { replayAll } from './support/replay';

jest.setTimeout(240_000);

const TASK_QUEUE = 'worker-restart';
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

test('a worker killed mid-flow: the next one finishes every workflow at its right end', async () => {
  const d = new Driver(gateway(env.client, TASK_QUEUE), fixture());
  const outcomes: Outcome[] = [
    'AWARDED',
    'REJECTED_AT_CLUSTER',
    'REJECTED_BY_COUNCIL',
    'WITHDRAWN',
    'DECLINED',
    'RETURNED_THEN_AWARDED',
  ];
  const plan = Array.from({ length: 18 }, (_, i) => ({ id: newId('restart'), outcome: outcomes[i % outcomes.length] }));

  children.push(await startChildWorker(childEnv));
  let steps = 0;
  let finished = 0;
  let finishedAtKill = -1;
  let stepsAtKill = 0;
  let killed: Promise<void> | undefined;
  const killAndRestart = async () => {
    finishedAtKill = finished;
    stepsAtKill = steps;
    const first = children[0];
    const exit = await first.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    children.push(await startChildWorker(childEnv));
  };
  // Every flow runs at once; after 40 steps in all (most flows are mid-way, commands in flight), kill.
  const flows = plan.map(({ id, outcome }) =>
    runToOutcome(d, id, outcome, async () => {
      if (++steps === 40) killed = killAndRestart();
    }).finally(() => finished++),
  );
  const finals = await Promise.all(flows);
  await killed;
  expect(children).toHaveLength(2);
  // It really was mid-flow: flows were unfinished and steps remained when the first worker died.
  expect(finishedAtKill).toBeGreaterThanOrEqual(0);
  expect(finishedAtKill).toBeLessThan(plan.length);
  expect(steps).toBeGreaterThan(stepsAtKill);
  expect(finals.map((o) => o.status)).toEqual(plan.map((p) => FINAL_STATUS[p.outcome]));

  const results = await Promise.all(
    plan.map(
      (p) => env.client.workflow.getHandle(nominationWorkflowId(p.id)).result() as Promise<NominationWorkflowResult>,
    ),
  );
  expect(results.map((r) => r.status)).toEqual(plan.map((p) => FINAL_STATUS[p.outcome]));

  // The second worker drains and exits on SIGTERM (Nest shutdown hooks → worker.shutdown → store closed).
  const exit = await children[1].kill('SIGTERM');
  expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);

  const store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  try {
    const numbers: string[] = [];
    for (const [i, p] of plan.entries()) {
      const events = await streamOf(store, p.id);
      expect(events[events.length - 1].type).toBe(LAST_EVENT[p.outcome]);
      expect(events.length - 1).toBe(results[i].revision);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      const types = events.map((e) => e.type);
      expect(types.filter((t) => t === 'NominationDrafted')).toHaveLength(1);
      if (types.includes('CouncilVotingOpened'))
        expect(types.filter((t) => t === 'CouncilVoteCast')).toHaveLength(VOTERS_FOR_DONVI1.length);
      if (results[i].decisionNumber) numbers.push(results[i].decisionNumber!);
    }
    const signedAt = (await streamOf(store, plan[0].id)).slice(-1)[0].metadata.occurredAt;
    const allocations = await store.readStream(decisionNumberStreamName('UBND', yearOf(signedAt)));
    expect(allocations.map((e) => (e.data as { decisionNumber: string }).decisionNumber).sort()).toEqual(
      [...numbers].sort(),
    );
    expect(allocations.map((e) => (e.data as { sequence: number }).sequence)).toEqual(numbers.map((_, i) => i + 1));
  } finally {
    await store.close();
  }

  // Their histories (with the timed-out tasks of the killed worker) replay against the code.
  const histories = await Promise.all(
    plan.map(async (p) => ({
      workflowId: nominationWorkflowId(p.id),
      history: await env.client.workflow.getHandle(nominationWorkflowId(p.id)).fetchHistory(),
    })),
  );
  expect((await replayAll(histories)).filter((r) => r.error)).toEqual([]);
  // The kill did interrupt work in flight: tasks the dead worker held timed out and were redone.
  const interrupted = histories.filter((h) =>
    h.history.events?.some((e) => e.workflowTaskTimedOutEventAttributes || e.activityTaskTimedOutEventAttributes),
  );
  expect(interrupted.length).toBeGreaterThan(0);
});
