/**
 * A decision of 50 recipients whose worker is killed (SIGKILL) while it applies the signature to the
 * nominations: right after the first nomination's AwardDecisionSigned was written and before its
 * activity could answer. Another worker takes over: no recipient is lost, none is awarded twice,
 * and the decision records its application once.
 */
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { awardDecisionStreamName } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import { awardDecisionWorkflowId, decisionApplyCommandId } from '@tdkt/temporal';
import { fixture, gateway, newId, startDevServer, streamOf, tempDir } from './support/harness';
import { childWorkerEnvironment, startChildWorker, type ChildWorker } from './support/child-worker';
import { Driver } from './support/scenarios';
import { DecisionDriver, approvedByCouncil } from './support/award-decision';

jest.setTimeout(480_000);

const TASK_QUEUE = 'award-decision-restart';
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

test('a worker killed mid-apply: the next one finishes; 50 nominations each AWARDED exactly once', async () => {
  children.push(
    await startChildWorker(
      {
        ...childEnv,
        TDKT_TEST_SLOW_INTENT: 'SignAwardDecision',
        TDKT_TEST_SLOW_AFTER: '1',
        TDKT_TEST_SLOW_MS: '60000',
      },
      240_000,
    ),
  );
  const f = fixture();
  const d = new Driver(gateway(env.client, TASK_QUEUE), f);
  const dd = new DecisionDriver(env.client, TASK_QUEUE, f);
  const store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  try {
    const ids = await approvedByCouncil(d, env.client, TASK_QUEUE, store, 50);
    const decisionId = newId('qd');
    await dd.draft(decisionId, ids);
    const signed = await dd.sign(decisionId);

    await children[0].next('activity-appended', 120_000);
    const signatures = async (id: string) =>
      (await streamOf(store, id)).filter((e) => e.type === 'AwardDecisionSigned');
    const before = (await Promise.all(ids.map(signatures))).filter((s) => s.length > 0).length;
    expect(before).toBeGreaterThan(0);
    // Killed midway: written, not answered — the decision has not recorded its application.
    const midway = (await store.readStream(awardDecisionStreamName(decisionId))).map((e) => e.type);
    expect(midway).not.toContain('DecisionApplied');
    expect((await children[0].kill('SIGKILL')).signal).toBe('SIGKILL');
    children.push(await startChildWorker(childEnv, 240_000));

    const result = await env.client.workflow.getHandle(awardDecisionWorkflowId(decisionId)).result();
    expect(result.status).toBe('APPLIED');
    expect([...result.application.applied].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const s = await signatures(id);
      expect(s).toHaveLength(1);
      expect(s[0].data).toMatchObject({ decisionId, decisionNumber: signed.decisionNumber });
      expect(s[0].metadata.causationId).toBe(decisionApplyCommandId(decisionId, id));
    }
    const types = (await store.readStream(awardDecisionStreamName(decisionId))).map((e) => e.type);
    expect(types).toEqual(['AwardDecisionDrafted', 'DecisionSigned', 'DecisionApplied']);
  } finally {
    await store.close();
  }
});
