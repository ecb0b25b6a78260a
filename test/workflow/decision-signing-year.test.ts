/**
 * Decision numbers restart with the SIGNING year, never the campaign's: two decisions of the same
 * campaign (year 2026), one signed on 28 December 2026 and one on 4 January 2027, both get number 1
 * of their own year's register, and the registry tells them apart by number and signing year.
 * The nominations are brought to the signature by the real workflows; the decision's activities run
 * with the signing instant the workflow would pass (the clock of a test cannot be moved to January),
 * and the nominations apply them through the same signal the decision's workflow sends.
 */
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { decisionNumberStreamName } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import { AwardRegistryProjection, openReadModelDb, ReadModelQueries, rebuild } from '@tdkt/projections';
import {
  createAwardDecisionActivities,
  nominationWorkflowId,
  workerActivities,
  type ApplyDecisionCommandInput,
} from '@tdkt/temporal';
import { decisionSignedSignal } from '../../workflows/nomination/definitions';
import { fixture, gateway, newId, startDevServer, streamOf, tempDir, waitFor, workflowBundle } from './support/harness';
import { Driver } from './support/scenarios';

jest.setTimeout(300_000);

const TASK_QUEUE = 'decision-signing-year';
const f = fixture();
const tmp = tempDir();
let env: TestWorkflowEnvironment;
let store: SqliteEventStore;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  env = await startDevServer();
  store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  const deps = { store, directory: f.directory, catalog: f.catalog, decisionAuthority: 'UBND' };
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: workerActivities(deps),
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running?.catch(() => undefined);
  await store?.close();
  await env?.teardown();
  tmp.remove();
});

test('a December campaign signed in January is numbered in the new year; the registry tells the two years apart', async () => {
  const d = new Driver(gateway(env.client, TASK_QUEUE), f);
  const [december, january] = [newId('dec'), newId('jan')];
  for (const id of [december, january]) await d.toAwaitingSignature(id); // campaign year: the test campaign's
  const campaignYear = f.directory.campaign('test-campaign')!.year;
  const activities = createAwardDecisionActivities({
    store,
    directory: f.directory,
    catalog: f.catalog,
    decisionAuthority: 'UBND',
  });

  /** Draft and sign as the decision's workflow would, the signature at `signedAt`; then apply it. */
  async function decide(nominationId: string, signedAt: string) {
    const decisionId = newId('qd');
    let revision = -1;
    const run = async (
      commandId: string,
      intent: ApplyDecisionCommandInput['intent'],
      username: string,
      now: string,
    ) => {
      const r = await activities.applyDecisionCommand({
        decisionId,
        commandId,
        intent,
        actor: f.actor(username),
        now,
        expectedRevision: revision,
      });
      revision = r.revision;
      return r.events;
    };
    const [drafted] = await run(
      'draft',
      {
        type: 'DraftDecision',
        title: 'Về việc tặng Bằng khen',
        nominationIds: [nominationId],
        verificationCodes: ['x'.repeat(22)],
      },
      'thuky',
      '2026-12-20T03:00:00.000Z',
    );
    const [signed] = await run('sign', { type: 'SignDecision' }, 'chutich', signedAt);
    if (signed.type !== 'DecisionSigned' || drafted.type !== 'AwardDecisionDrafted') throw new Error('not signed');
    await env.client.workflow.getHandle(nominationWorkflowId(nominationId)).signal(decisionSignedSignal, {
      decisionId,
      decisionNumber: signed.data.decisionNumber!,
      signedAt: signed.data.at,
      verificationCode: drafted.data.recipients[0].verificationCode,
      signer: f.actor('chutich'),
    });
    return signed.data;
  }

  const inDecember = await decide(december, '2026-12-28T03:00:00.000Z');
  const inJanuary = await decide(january, '2027-01-04T02:00:00.000Z');
  expect(inDecember).toMatchObject({ decisionNumber: '1/QĐ-UBND', year: 2026 });
  expect(inJanuary).toMatchObject({ decisionNumber: '1/QĐ-UBND', year: 2027 });
  expect(await store.readStream(decisionNumberStreamName('UBND', 2027))).toHaveLength(1);

  for (const id of [december, january])
    await waitFor(async () => (await streamOf(store, id)).some((e) => e.type === 'AwardDecisionSigned'), 60_000);
  const signedJanuary = (await streamOf(store, january)).find((e) => e.type === 'AwardDecisionSigned')!;
  expect(signedJanuary.data).toMatchObject({ year: campaignYear, at: '2027-01-04T02:00:00.000Z' });

  const db = await openReadModelDb({ sqliteFile: join(tmp.dir, 'registry.sqlite') });
  try {
    await rebuild(db, store, { projections: [new AwardRegistryProjection()] });
    const queries = new ReadModelQueries(db);
    const y2027 = await queries.getAwardByDecisionNumber('1/QĐ-UBND', 2027);
    expect(y2027).toMatchObject({ kind: 'AWARD', year: 2027, otherYears: [2026] });
    expect(y2027!.awards.map((a) => [a.nominationId, a.year, a.signingYear])).toEqual([[january, campaignYear, 2027]]);
    const y2026 = await queries.getAwardByDecisionNumber('1/QĐ-UBND', 2026);
    expect(y2026!.awards.map((a) => [a.nominationId, a.signingYear])).toEqual([[december, 2026]]);
    // Without a year: the latest signing year, the other one named.
    expect(await queries.getAwardByDecisionNumber('1/QĐ-UBND')).toMatchObject({ year: 2027, otherYears: [2026] });
  } finally {
    await db.close();
  }
});
