/**
 * A session of 30 items voted by every member, so it closes by itself; the worker is killed (SIGKILL) right after the close
 * activity has written the tallies and before it could answer. Another worker takes over: the
 * close is not decided twice, and every nomination moves on exactly once.
 */
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { councilSessionStreamName } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import { councilSessionWorkflowId } from '@tdkt/temporal';
import { fixture, gateway, newId, sleep, startDevServer, streamOf, tempDir, waitFor } from './support/harness';
import { childWorkerEnvironment, startChildWorker, type ChildWorker } from './support/child-worker';
import { Driver } from './support/scenarios';
import { SessionDriver, openBallotNomination } from './support/council-session';

jest.setTimeout(240_000);

const TASK_QUEUE = 'council-session-restart';
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

test('a worker killed mid-close: the next one finishes it; 30 nominations each move on exactly once', async () => {
  children.push(
    await startChildWorker({
      ...childEnv,
      TDKT_TEST_SLOW_INTENT: 'CloseSession',
      TDKT_TEST_SLOW_AFTER: '1',
      TDKT_TEST_SLOW_MS: '60000',
    }),
  );
  const f = fixture();
  const d = new Driver(gateway(env.client, TASK_QUEUE), f);
  const s = new SessionDriver(env.client, TASK_QUEUE, f);
  const A = Array.from({ length: 15 }, () => newId('a'));
  const B = Array.from({ length: 15 }, () => newId('b'));
  await Promise.all([
    ...A.map((id) => openBallotNomination(d, id, 'donvi1')),
    ...B.map((id) => openBallotNomination(d, id, 'donvi3')),
  ]);
  const all = [...A, ...B];
  const sessionId = newId('phien');
  await s.convene(sessionId, all);
  const members = [...Array.from({ length: 10 }, (_, i) => `hoidong${i + 1}`), 'chutich']; // the demo council
  for (const m of members) await s.run(sessionId, m, { type: 'CheckIn' });
  await s.run(sessionId, 'thuky', { type: 'OpenSession' });
  const votesOn = (m: string) => (m === 'hoidong1' ? B : m === 'hoidong3' ? A : all); // conflicts per item
  const ballot = (m: string) =>
    s.run(sessionId, m, {
      type: 'CastSessionBallot',
      choices: votesOn(m).map((nominationId) => ({ nominationId, choice: 'approve' })),
    });
  for (const m of members.slice(0, -1)) await ballot(m);
  // The last ballot: everyone has voted, the workflow closes the session by itself (ALL_VOTED).
  const closing = ballot('chutich').catch((err: unknown) => err);
  await children[0].next('activity-appended', 60_000);
  const store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  try {
    const written = (await store.readStream(councilSessionStreamName(sessionId))).map((e) => e.type);
    expect(written.filter((t) => t === 'CouncilSessionClosed')).toHaveLength(1);
    expect((await children[0].kill('SIGKILL')).signal).toBe('SIGKILL');
    children.push(await startChildWorker(childEnv));

    await closing; // answered by the second worker (or timed out for the caller: the close still completes)
    const result = (await env.client.workflow.getHandle(councilSessionWorkflowId(sessionId)).result()) as {
      delivered: string[];
    };
    expect([...result.delivered].sort()).toEqual([...all].sort());
    const closesOf = async (id: string) => (await streamOf(store, id)).filter((e) => e.type === 'CouncilVotingClosed');
    await waitFor(async () => (await Promise.all(all.map(closesOf))).every((c) => c.length > 0), 60_000);
    await sleep(1000);
    for (const id of all) {
      const closes = await closesOf(id);
      expect(closes).toHaveLength(1);
      // 10 of 11 approve (the eleventh is from the nominee's unit): 70 % of all members → approved.
      expect(closes[0].data).toMatchObject({
        trigger: 'SESSION',
        sessionId,
        outcome: 'APPROVED',
        tally: { approve: 10, recused: 1 },
      });
    }
    const after = (await store.readStream(councilSessionStreamName(sessionId))).map((e) => e.type);
    expect(after.filter((t) => t === 'CouncilSessionClosed')).toHaveLength(1);
    const closed = (await store.readStream(councilSessionStreamName(sessionId))).find(
      (e) => e.type === 'CouncilSessionClosed',
    );
    expect(closed?.data).toMatchObject({ trigger: 'ALL_VOTED', by: { role: 'SYSTEM' } });
  } finally {
    await store.close();
  }
});
