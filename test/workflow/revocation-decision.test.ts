/**
 * Revocation is itself a decision, and a hold after a signature does not stall the decision, on the
 * real Temporal dev server and a real SQLite event store. Two workers: the shipped catalog (the
 * authority's register numbers the decisions) and the same catalog with the authority numbering
 * `external` (the document office enters each number).
 */
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  awardDecisionStreamName,
  decisionNumberStreamName,
  nominationDecider,
  type AwardCatalog,
  type NominationState,
} from '@tdkt/domain';
import { foldRecorded, SqliteEventStore } from '@tdkt/event-store';
import { awardDecisionWorkflowId, revocationApplyCommandId, workerActivities, yearOf } from '@tdkt/temporal';
import {
  expectRefused,
  fixture,
  gateway,
  newId,
  startDevServer,
  streamOf,
  tempDir,
  workflowBundle,
} from './support/harness';
import { Driver } from './support/scenarios';
import { DecisionDriver } from './support/award-decision';

jest.setTimeout(600_000);

const f = fixture();
const tmp = tempDir();
const external: AwardCatalog = {
  ...f.catalog,
  decisions: {
    ...f.catalog.decisions!,
    authorities: { UBND: { ...f.catalog.decisions!.authorities.UBND, numbering: 'external' } },
  },
};
let env: TestWorkflowEnvironment;
let store: SqliteEventStore;
const workers: { worker: Worker; running: Promise<void> }[] = [];
const drivers: Record<'register' | 'external', { d: Driver; dd: DecisionDriver }> = {} as never;

beforeAll(async () => {
  env = await startDevServer();
  store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  const bundle = await workflowBundle();
  for (const [mode, catalog] of [
    ['register', f.catalog],
    ['external', external],
  ] as const) {
    const taskQueue = `revocation-decision-${mode}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: workerActivities({ store, directory: f.directory, catalog, decisionAuthority: 'UBND' }),
    });
    workers.push({ worker, running: worker.run() });
    drivers[mode] = {
      d: new Driver(gateway(env.client, taskQueue), f),
      dd: new DecisionDriver(env.client, taskQueue, f),
    };
  }
});

afterAll(async () => {
  for (const w of workers) w.worker.shutdown();
  await Promise.all(workers.map((w) => w.running.catch(() => undefined)));
  await store?.close();
  await env?.teardown();
  tmp.remove();
});

const nominationState = async (id: string) =>
  foldRecorded<any, NominationState>(nominationDecider, await streamOf(store, id));
const resultOf = (decisionId: string) => env.client.workflow.getHandle(awardDecisionWorkflowId(decisionId)).result();

/** Brought to the signature by its workflow, then awarded by a decision of its own. */
async function awarded(
  mode: 'register' | 'external',
  number?: string,
): Promise<{ id: string; decisionNumber: string }> {
  const { d, dd } = drivers[mode];
  const id = newId(mode[0]);
  await d.toAwaitingSignature(id);
  const qd = newId('qd');
  await dd.draft(qd, [id]);
  const signed = await dd.sign(qd, number);
  await resultOf(qd);
  return { id, decisionNumber: signed.decisionNumber! };
}

test('register: the revocation decision takes the next number of the register and revokes the award once', async () => {
  const { dd } = drivers.register;
  const award = await awarded('register');
  const year = yearOf(new Date().toISOString());
  const before = (await store.readStream(decisionNumberStreamName('UBND', year))).length;

  // A number given under `register` is refused, and so is a revocation by the secretary: nothing written.
  const head = await store.headPosition();
  await expectRefused(dd.revoke(newId('hb'), award.id, '99/QĐ-UBND'), 'VALIDATION', 'NUMBERING_MODE');
  await expectRefused(dd.revoke(newId('hb'), award.id, undefined, 'thuky'), 'FORBIDDEN', 'ROLE_REQUIRED');
  expect(await store.headPosition()).toBe(head);

  const hb = newId('hb');
  const issued = await dd.revoke(hb, award.id);
  expect(issued).toMatchObject({ status: 'ISSUED', year });
  expect(issued.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
  const register = await store.readStream(decisionNumberStreamName('UBND', year));
  expect(register).toHaveLength(before + 1);
  expect(register[register.length - 1].data).toMatchObject({ nominationId: `decision:${hb}` });

  const result = await resultOf(hb);
  expect(result).toMatchObject({ status: 'APPLIED', application: { applied: [award.id], skipped: [] } });
  const revoked = (await streamOf(store, award.id)).filter((e) => e.type === 'AwardRevoked');
  expect(revoked).toHaveLength(1);
  expect(revoked[0].data).toMatchObject({
    decisionNumber: award.decisionNumber,
    revocationDecisionNumber: issued.decisionNumber,
    revocationYear: year,
    ground: 'CRITERIA_NOT_MET',
  });
  expect(revoked[0].metadata.causationId).toBe(revocationApplyCommandId(hb, award.id));
  // The decision names the one it revokes.
  const events = await store.readStream(awardDecisionStreamName(hb));
  expect(events.map((e) => e.type)).toEqual(['AwardDecisionDrafted', 'DecisionSigned', 'DecisionApplied']);
  expect(events[0].data).toMatchObject({
    kind: 'REVOCATION',
    revokes: { decisionNumber: award.decisionNumber, year, ground: 'CRITERIA_NOT_MET' },
  });

  // Revoked once: a second revocation is refused, and takes no number.
  const after = await store.headPosition();
  await expectRefused(dd.revoke(newId('hb'), award.id), 'INVALID_STATE', 'NOT_AWARDED');
  expect(await store.headPosition()).toBe(after);
});

test('external: the office’s number with the request (a used one is refused), or registered later; the register is not touched', async () => {
  const { dd } = drivers.external;
  const year = yearOf(new Date().toISOString());
  const base = 900_000 + Math.floor(Math.random() * 90_000);
  const first = await awarded('external', `${base}/QĐ-UBND`);
  const second = await awarded('external', `${base + 1}/QĐ-UBND`);
  const registerBefore = (await store.readStream(decisionNumberStreamName('UBND', year))).length;

  // A number already used this year (the award decision's) → 409, nothing written.
  const head = await store.headPosition();
  await expectRefused(dd.revoke(newId('hb'), first.id, `${base}/QĐ-UBND`), 'CONFLICT', 'DECISION_NUMBER_TAKEN');
  expect(await store.headPosition()).toBe(head);

  const withNumber = newId('hb');
  const issued = await dd.revoke(withNumber, first.id, `${base + 2}/QĐ-UBND`);
  expect(issued).toMatchObject({ status: 'ISSUED', decisionNumber: `${base + 2}/QĐ-UBND` });
  await resultOf(withNumber);
  expect((await nominationState(first.id)).status).toBe('REVOKED');

  // Without a number: signed, the award stays in force until the office registers it.
  const later = newId('hb');
  expect(await dd.revoke(later, second.id)).toMatchObject({ status: 'SIGNED' });
  expect((await nominationState(second.id)).status).toBe('AWARDED');
  await expectRefused(
    dd.run(later, 'thuky', { type: 'RegisterDecisionNumber', number: `${base + 2}/QĐ-UBND` }),
    'CONFLICT',
    'DECISION_NUMBER_TAKEN',
  );
  await dd.run(later, 'thuky', { type: 'RegisterDecisionNumber', number: `${base + 3}/QĐ-UBND` });
  expect(await resultOf(later)).toMatchObject({ status: 'APPLIED' });
  const revoked = (await streamOf(store, second.id)).find((e) => e.type === 'AwardRevoked');
  expect(revoked?.data).toMatchObject({ revocationDecisionNumber: `${base + 3}/QĐ-UBND`, revocationYear: year });
  expect(await store.readStream(decisionNumberStreamName('UBND', year))).toHaveLength(registerBefore);
});

test('a recipient on hold: the signature is refused naming them; held after the signature, recorded as not applied', async () => {
  const { d, dd } = drivers.external;
  const [a, b] = [newId('a'), newId('b')];
  for (const id of [a, b]) await d.toAwaitingSignature(id);
  const qd = newId('qd');
  await dd.draft(qd, [a, b]);

  await d.run(b, 'thuky', { type: 'PutOnHold', matter: 'INSPECTION', comment: 'Thanh tra đang xác minh' });
  const head = await store.headPosition();
  const refused = await expectRefused(dd.sign(qd), 'INVALID_STATE', 'ON_HOLD');
  expect(refused.message).toContain(b);
  expect(refused.field).toBe('recipients[1]');
  expect(await store.headPosition()).toBe(head);
  await d.run(b, 'thuky', { type: 'ReleaseFromHold' });

  // Signed (the office will enter the number), then b is put on hold before the decision is applied.
  expect(await dd.sign(qd)).toMatchObject({ status: 'SIGNED' });
  await d.run(b, 'thuky', { type: 'PutOnHold', matter: 'INSPECTION', comment: 'Có đơn tố cáo mới' });
  await dd.run(qd, 'thuky', {
    type: 'RegisterDecisionNumber',
    number: `${800_000 + Math.floor(Math.random() * 90_000)}/QĐ-UBND`,
  });

  const result = await resultOf(qd);
  expect(result.status).toBe('APPLIED');
  expect(result.application).toMatchObject({ applied: [a], skipped: [b] });
  expect(result.application!.notApplied![0].reason).toContain('tạm dừng');
  expect((await nominationState(a)).status).toBe('AWARDED');
  expect(await nominationState(b)).toMatchObject({ status: 'AWAITING_SIGNATURE', onHold: true });
  const applied = (await store.readStream(awardDecisionStreamName(qd))).find((e) => e.type === 'DecisionApplied');
  expect(applied?.data).toMatchObject({ nominationIds: [a], notApplied: [{ nominationId: b }] });
});
