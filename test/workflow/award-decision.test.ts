/**
 * Award decisions on the real Temporal dev server and a real SQLite event store: a decision of 50
 * recipients drafted by the office, signed once by the Chairman and applied to every nomination
 * exactly once; numbers gap-free per authority and signing year across decisions, one-recipient
 * signatures and revocations under 20 concurrent signatures; refusals that append nothing.
 */
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { awardDecisionStreamName, decisionNumberStreamName, recipientLockStreamName } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import { awardDecisionWorkflowId, decisionApplyCommandId, workerActivities, yearOf } from '@tdkt/temporal';
import {
  expectRefused,
  fixture,
  gateway,
  mapLimit,
  newId,
  startDevServer,
  streamOf,
  tempDir,
  waitFor,
  workflowBundle,
} from './support/harness';
import { Driver } from './support/scenarios';
import { DecisionDriver, approvedByCouncil } from './support/award-decision';

jest.setTimeout(600_000);

const TASK_QUEUE = 'award-decision';
const f = fixture();
const tmp = tempDir();
let env: TestWorkflowEnvironment;
let store: SqliteEventStore;
let worker: Worker;
let running: Promise<void>;
let d: Driver;
let dd: DecisionDriver;

beforeAll(async () => {
  env = await startDevServer();
  store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: workerActivities({
      store: countingReads(store),
      directory: f.directory,
      catalog: f.catalog,
      decisionAuthority: f.directory.org.decisionAuthority,
    }),
  });
  running = worker.run();
  d = new Driver(gateway(env.client, TASK_QUEUE), f);
  dd = new DecisionDriver(env.client, TASK_QUEUE, f);
});

afterAll(async () => {
  worker?.shutdown();
  await running?.catch(() => undefined);
  await store?.close();
  await env?.teardown();
  tmp.remove();
});

/** How many times the worker's activities read each stream (the store itself, counted). */
const reads = new Map<string, number>();
function countingReads(target: SqliteEventStore): SqliteEventStore {
  return new Proxy(target, {
    get(t, key) {
      if (key === 'readStream')
        return (name: string, ...rest: unknown[]) => {
          reads.set(name, (reads.get(name) ?? 0) + 1);
          return (t.readStream as (...a: unknown[]) => unknown)(name, ...rest);
        };
      const v = Reflect.get(t, key, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}

const signaturesOf = async (id: string) => (await streamOf(store, id)).filter((e) => e.type === 'AwardDecisionSigned');
const numberOf = (n: string) => Number(n.split('/')[0]);

test('a decision of 50 recipients is signed once and every nomination is AWARDED under it exactly once', async () => {
  const ids = await approvedByCouncil(d, env.client, TASK_QUEUE, store, 50);
  const decisionId = newId('qd');
  const drafted = await dd.draft(decisionId, ids);
  expect(drafted.status).toBe('DRAFT');

  // The office's order is the appendix's order; each amount is the multiple × the base salary in force.
  const state = (await dd.gateway.state(decisionId)).state;
  if (state.status === 'NONE') throw new Error('no decision');
  expect(state.recipients.map((r) => r.nominationId)).toEqual(ids);
  expect(state.recipients[0]).toMatchObject({ awardCode: 'BANG_KHEN_TINH', cashMultiple: 1, amount: 2_340_000 });

  const readsBefore = reads.get(awardDecisionStreamName(decisionId)) ?? 0;
  const signed = await dd.sign(decisionId);
  expect(signed).toMatchObject({ status: 'ISSUED', year: yearOf(signed.signedAt!) });
  expect(signed.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);

  const result = await env.client.workflow.getHandle(awardDecisionWorkflowId(decisionId)).result();
  expect(result.status).toBe('APPLIED');
  // Each recipient's amount travels in its signal: applying 50 recipients does not read the decision once each
  // (the signature and the applied check, retried while recipients are applied, read it a few times).
  expect((reads.get(awardDecisionStreamName(decisionId)) ?? 0) - readsBefore).toBeLessThan(ids.length);
  expect([...result.application.applied].sort()).toEqual([...ids].sort());
  for (const id of ids) {
    const sigs = await signaturesOf(id);
    expect(sigs).toHaveLength(1);
    // The amount the decision fixed for its recipient is recorded with the award (statistics read it).
    const amount = state.recipients.find((r) => r.nominationId === id)?.amount;
    expect(amount).toBeGreaterThan(0);
    expect(sigs[0].data).toMatchObject({
      decisionNumber: signed.decisionNumber,
      decisionId,
      at: signed.signedAt,
      amountVnd: amount,
    });
    expect(sigs[0].metadata.causationId).toBe(decisionApplyCommandId(decisionId, id));
  }
  const decisionEvents = (await store.readStream(awardDecisionStreamName(decisionId))).map((e) => e.type);
  expect(decisionEvents).toEqual(['AwardDecisionDrafted', 'DecisionSigned', 'DecisionApplied']);
  // One number for the whole decision, not one per recipient.
  const register = await store.readStream(decisionNumberStreamName('UBND', yearOf(signed.signedAt!)));
  expect(register.filter((e) => (e.data as any).nominationId === `decision:${decisionId}`)).toHaveLength(1);
});

test('refusals append nothing: not approved by the council, already on another draft, wrong role', async () => {
  const [waiting] = await approvedByCouncil(d, env.client, TASK_QUEUE, store, 1);
  const notApproved = newId('n');
  await d.draft(notApproved);
  await d.submit(notApproved);

  const head = await store.headPosition();
  const e1 = await expectRefused(
    dd.draft(newId('qd'), [waiting, notApproved]),
    'INVALID_STATE',
    'NOT_AWAITING_DECISION',
  );
  expect(e1.field).toBe('nominationIds[1]');
  expect(await store.headPosition()).toBe(head);
  await expectRefused(
    dd.gateway.execute(
      newId('qd'),
      { type: 'DraftDecision', title: 'x', nominationIds: [waiting], verificationCodes: ['c'.repeat(22)] },
      f.actor('canbo.donvi1'),
    ),
    'FORBIDDEN',
    'ROLE_REQUIRED',
  );
  expect(await store.headPosition()).toBe(head);

  // A refused draft wrote nothing and its workflow ended: the office drafts again (a new id, as the API makes).
  const first = newId('qd');
  await dd.draft(first, [waiting]);
  const second = newId('qd');
  const before = await store.headPosition();
  const e2 = await expectRefused(dd.draft(second, [waiting]), 'CONFLICT', 'ON_ANOTHER_DECISION');
  expect(e2.field).toBe('nominationIds[0]');
  expect(await store.headPosition()).toBe(before);

  // Taken off the first draft (with a reason), it may be listed on another; the emptied draft cannot be signed.
  await dd.run(first, 'thuky', { type: 'RemoveRecipient', nominationId: waiting, reason: 'Đang xác minh đơn thư' });
  await expectRefused(dd.sign(first), 'INVALID_STATE', 'DECISION_EMPTY');
  const third = newId('qd'); // the refused draft's workflow has ended: a new id, as the API makes
  await dd.draft(third, [waiting]);
  // Only the Chairman signs; declining needs a reason and frees the nomination again.
  await expectRefused(dd.run(third, 'thuky', { type: 'SignDecision' }), 'FORBIDDEN', 'ROLE_REQUIRED');
  await expectRefused(dd.run(third, 'chutich', { type: 'DeclineDecision', reason: ' ' }), 'VALIDATION', 'REQUIRED');
  const declined = await dd.run(third, 'chutich', { type: 'DeclineDecision', reason: 'Cần bổ sung căn cứ' });
  expect(declined.status).toBe('DECLINED');
  const lock = (await store.readStream(recipientLockStreamName(waiting))).map((e) => e.type);
  expect(lock).toEqual([
    'DecisionRecipientReserved',
    'DecisionRecipientReleased',
    'DecisionRecipientReserved',
    'DecisionRecipientReleased',
  ]);
  expect(await signaturesOf(waiting)).toHaveLength(0);
});

test('numbers are gap-free per authority and signing year across decisions, single signatures and revocations, 20 signing at once', async () => {
  const ids = await approvedByCouncil(d, env.client, TASK_QUEUE, store, 20);
  const viaDecision = ids.slice(0, 10);
  const single = ids.slice(10);
  const decisions = viaDecision.map(() => newId('qd'));
  await mapLimit(decisions, 4, (qd, i) => dd.draft(qd, [viaDecision[i]]));
  const year = yearOf(new Date().toISOString());
  const registerBefore = (await store.readStream(decisionNumberStreamName('UBND', year))).length;

  const numbers = await Promise.all([
    ...decisions.map(async (qd) => (await dd.sign(qd)).decisionNumber!),
    ...single.map(async (id) => (await d.sign(id)).decisionNumber!),
  ]);
  expect(new Set(numbers).size).toBe(20);
  // Revocations are decisions too, numbered from the same register.
  const revoked = await Promise.all(single.slice(0, 3).map((id) => dd.revoke(newId('hb'), id)));
  const revocationNumbers = revoked.map((r) => r.decisionNumber!);
  expect(revocationNumbers.every((n) => /^\d+\/QĐ-UBND$/.test(n))).toBe(true);

  // Every number handed out in this year's register, from 1, without a gap or a repeat.
  const register = (await store.readStream(decisionNumberStreamName('UBND', year))).map(
    (e) => (e.data as any).sequence,
  );
  expect(register).toHaveLength(registerBefore + 23);
  expect([...register].sort((a, b) => a - b)).toEqual(register.map((_, i) => i + 1));
  for (const n of [...numbers, ...revocationNumbers]) expect(register).toContain(numberOf(n));
  await waitFor(async () => (await Promise.all(viaDecision.map(signaturesOf))).every((s) => s.length === 1), 60_000);
});
