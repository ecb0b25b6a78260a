/**
 * Every path of one nomination through the real workflow, on the real Temporal dev server, with
 * the real SQLite event store: the event stream and the workflow must tell the same story.
 */
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { decisionNumberStreamName, nomineeStreamName, type NominationEvent } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import {
  createNominationActivities,
  nominationWorkflowId,
  readNomineeRecord,
  yearOf,
  type NominationWorkflowResult,
} from '@tdkt/temporal';
import {
  acceptedUpdates,
  expectRefused,
  fixture,
  gateway,
  limits,
  newId,
  sleep,
  startDevServer,
  streamOf,
  tempDir,
  typesOf,
  VOTERS_FOR_DONVI1,
  waitFor,
  workflowArgs,
  workflowBundle,
} from './support/harness';
import { Driver } from './support/scenarios';
import { failingAfterAppend, oncePerEvent } from './support/faults';
import { replayAll } from './support/replay';

jest.setTimeout(120_000);

const TASK_QUEUE = 'nomination-paths';
const f = fixture();
const tmp = tempDir();
let env: TestWorkflowEnvironment;
let store: SqliteEventStore;
let worker: Worker;
let running: Promise<void>;
let d: Driver;
/** Nominations whose appends fail once right after they are stored (test 'retried without duplicating'). */
const faulty = new Set<string>();
const FAULTY_EVENTS = ['NominationSubmitted', 'CouncilVoteCast', 'AwardDecisionSigned'];
const faultsInjected: string[] = [];
/** Every nomination this file runs: their histories are replayed at the end. */
const used: string[] = [];
const nid = () => {
  const id = newId();
  used.push(id);
  return id;
};

beforeAll(async () => {
  env = await startDevServer();
  store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: createNominationActivities({
      store: failingAfterAppend(
        store,
        oncePerEvent(faulty, FAULTY_EVENTS, (type) => faultsInjected.push(type)),
      ),
      directory: f.directory,
      catalog: f.catalog,
      decisionAuthority: f.directory.org.decisionAuthority,
    }),
  });
  running = worker.run();
  d = new Driver(gateway(env.client, TASK_QUEUE), f);
});

afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await store?.close();
  await env?.teardown();
  tmp.remove();
});

const historyLength = async (id: string) =>
  (await env.client.workflow.getHandle(nominationWorkflowId(id)).fetchHistory()).events?.length ?? 0;
const resultOf = (id: string) =>
  env.client.workflow.getHandle(nominationWorkflowId(id)).result() as Promise<NominationWorkflowResult>;

test('happy path: draft → AWARDED; the stream holds every step and the decision is 1/QĐ-UBND', async () => {
  const id = nid();
  const nomineeId = newId('cccd');
  const drafted = await d.draft(id, { nominee: { kind: 'individual', name: 'Trần Văn Bình', nomineeId } });
  expect(drafted).toMatchObject({ nominationId: id, status: 'DRAFT', onHold: false, revision: 0 });
  expect((await d.submit(id)).status).toBe('CLUSTER_REVIEW');
  expect((await d.endorse(id)).status).toBe('COUNCIL_VOTING');
  const opened = await d.openVoting(id);
  expect(opened.status).toBe('COUNCIL_VOTING');
  expect((await d.gateway.view(id)).council).toMatchObject({ open: true, members: 11, votes: 0, recused: 0 });
  const lastVote = await d.councilVotes(id, 'approve');
  expect(lastVote.status).toBe('AWAITING_SIGNATURE'); // closed at once: everyone voted or recused
  const signed = await d.sign(id);
  expect(signed).toMatchObject({ status: 'AWARDED', decisionNumber: '1/QĐ-UBND', revision: 17 });

  const events = await streamOf(store, id);
  expect(events.map((e) => e.type)).toEqual([
    'NominationDrafted',
    'NominationSubmitted',
    'ClusterEndorsed',
    'OfficeCheckPassed',
    'CouncilVotingOpened',
    'CouncilMemberRecused',
    ...VOTERS_FOR_DONVI1.map(() => 'CouncilVoteCast'),
    'CouncilVotingClosed',
    'AwardDecisionSigned',
  ]);
  expect(events[2].data).toMatchObject({ nextStatus: 'OFFICE_CHECK' });
  expect(events[3].metadata).toMatchObject({ actorId: 'thuky', actorRole: 'COUNCIL_SECRETARY' });
  expect(signed.position).toBe(events[events.length - 1].position);
  const closed = events[16].data as Extract<NominationEvent, { type: 'CouncilVotingClosed' }>['data'];
  expect(closed).toMatchObject({
    trigger: 'ALL_VOTED',
    outcome: 'APPROVED',
    tally: { members: 11, approve: 10, recused: 1 },
  });
  expect(events[16].metadata).toMatchObject({ actorId: 'system', actorRole: 'SYSTEM' });
  expect(events[1].metadata).toMatchObject({
    actorId: 'thutruong.donvi1',
    actorRole: 'UNIT_HEAD',
    actorUnitId: 'donvi1',
    correlationId: id,
    schemaVersion: 1,
  });
  expect(events[17].metadata).toMatchObject({ actorId: 'chutich', actorRole: 'CHAIRMAN', correlationId: id });
  expect(new Set(events.map((e) => e.metadata.causationId)).size).toBe(18); // one per command: 17 human ones and the automatic close

  expect(await resultOf(id)).toEqual({
    nominationId: id,
    status: 'AWARDED',
    revision: 17,
    decisionNumber: '1/QĐ-UBND',
  });
  const record = await readNomineeRecord(store, nomineeId);
  expect(record.record.awards).toEqual([
    expect.objectContaining({ nominationId: id, awardCode: 'BANG_KHEN_TINH', decisionNumber: '1/QĐ-UBND' }),
  ]);
  const view = await d.gateway.view(id);
  expect(view).toMatchObject({ status: 'AWARDED', decisionNumber: '1/QĐ-UBND', awaiting: [], dueAt: null });
});

test('returned for revision → edited → resubmitted → endorsed; the history keeps both rounds', async () => {
  const id = nid();
  await d.draft(id);
  await d.submit(id);
  await expectRefused(d.returnForRevision(id, ''), 'VALIDATION', 'REQUIRED'); // reasons are required (activity)
  expect((await d.returnForRevision(id)).status).toBe('RETURNED');
  expect((await d.gateway.view(id)).awaiting).toEqual(['UNIT_HEAD:donvi1', 'UNIT_OFFICER:donvi1']);
  await d.run(id, 'canbo.donvi1', {
    type: 'EditNomination',
    changes: { achievements: 'Bổ sung minh chứng: quyết định công nhận sáng kiến' },
  });
  await expectRefused(d.submit(id), 'INVALID_STATE', 'WRONG_STAGE'); // a returned nomination is resubmitted
  const resubmitted = await d.run(id, 'thutruong.donvi1', { type: 'ResubmitNomination' });
  expect(resubmitted.status).toBe('CLUSTER_REVIEW');
  expect((await d.gateway.view(id)).round).toBe(2);
  expect((await d.endorse(id)).status).toBe('COUNCIL_VOTING');
  const events = await streamOf(store, id);
  expect(events.map((e) => e.type)).toEqual([
    'NominationDrafted',
    'NominationSubmitted',
    'NominationReturnedForRevision',
    'NominationEdited',
    'NominationResubmitted',
    'ClusterEndorsed',
    'OfficeCheckPassed',
  ]);
  expect(events.map((e) => (e.data as { round?: number }).round)).toEqual([
    undefined,
    undefined,
    1,
    undefined,
    2,
    2,
    2,
  ]);
  expect(events[2].metadata.reason).toBe('Bổ sung minh chứng sáng kiến');
  await d.withdraw(id);
});

test('rejected at cluster: REJECTED, the workflow ends, later commands are refused as closed', async () => {
  const id = nid();
  await d.draft(id);
  await d.submit(id);
  expect((await d.rejectAtCluster(id)).status).toBe('REJECTED');
  expect(await resultOf(id)).toMatchObject({ status: 'REJECTED', revision: 2 });
  await expectRefused(d.endorse(id), 'INVALID_STATE', 'NOMINATION_CLOSED');
  expect(await typesOf(store, id)).toEqual(['NominationDrafted', 'NominationSubmitted', 'ClusterRejected']);
  expect((await d.gateway.view(id)).status).toBe('REJECTED'); // queries still answer after the end
});

test('rejected by the council: threshold not met', async () => {
  const id = nid();
  await d.draft(id);
  await d.submit(id);
  await d.endorse(id);
  await d.openVoting(id);
  await d.recuse(id, 'hoidong1');
  // 7 of 11 approve: 70 % of all members needs 8.
  for (const m of ['hoidong2', 'hoidong3', 'hoidong4', 'hoidong5', 'hoidong6', 'hoidong7', 'hoidong8'])
    await d.vote(id, m, 'approve');
  await d.vote(id, 'hoidong9', 'reject');
  await d.vote(id, 'hoidong10', 'reject');
  const last = await d.vote(id, 'chutich', 'abstain');
  expect(last.status).toBe('REJECTED');
  const events = await streamOf(store, id);
  expect(events[events.length - 1]).toMatchObject({
    type: 'CouncilVotingClosed',
    data: {
      trigger: 'ALL_VOTED',
      outcome: 'THRESHOLD_NOT_MET',
      tally: { approve: 7, reject: 2, abstain: 1, recused: 1, members: 11 },
    },
  });
  expect(await resultOf(id)).toMatchObject({ status: 'REJECTED' });
});

test('rejected by the council: quorum not met when the secretary closes early', async () => {
  const id = nid();
  await d.draft(id);
  await d.submit(id);
  await d.endorse(id);
  await d.openVoting(id);
  await d.vote(id, 'hoidong2', 'approve');
  await expectRefused(d.run(id, 'hoidong3', { type: 'CloseCouncilVoting' }), 'FORBIDDEN', 'ROLE_REQUIRED');
  expect((await d.closeVoting(id)).status).toBe('REJECTED');
  const events = await streamOf(store, id);
  expect(events[events.length - 1]).toMatchObject({
    type: 'CouncilVotingClosed',
    data: { trigger: 'SECRETARY', outcome: 'QUORUM_NOT_MET' },
    metadata: { actorId: 'thuky', actorRole: 'COUNCIL_SECRETARY' },
  });
});

test("the chairman's decline rejects the nomination", async () => {
  const id = nid();
  await d.draft(id);
  await d.submit(id);
  await d.endorse(id);
  await d.openVoting(id);
  await d.councilVotes(id, 'approve');
  await expectRefused(d.decline(id, ''), 'VALIDATION', 'REQUIRED');
  expect((await d.decline(id)).status).toBe('REJECTED');
  expect((await typesOf(store, id)).slice(-1)).toEqual(['SignatureDeclined']);
  expect(await resultOf(id)).toMatchObject({ status: 'REJECTED' });
});

test('council: the member from the nominee unit must recuse, a vote counts once, outsiders cannot vote', async () => {
  const id = nid();
  await d.draft(id);
  await d.submit(id);
  await d.endorse(id);
  await expectRefused(d.vote(id, 'hoidong2'), 'INVALID_STATE', 'VOTING_NOT_OPEN');
  await d.openVoting(id);
  await expectRefused(d.openVoting(id), 'INVALID_STATE', 'VOTING_ALREADY_OPEN');
  await expectRefused(d.vote(id, 'hoidong1'), 'FORBIDDEN', 'MUST_RECUSE');
  await expectRefused(d.vote(id, 'thuky'), 'FORBIDDEN', 'ROLE_REQUIRED');
  await d.recuse(id, 'hoidong1');
  await expectRefused(d.recuse(id, 'hoidong1'), 'INVALID_STATE', 'ALREADY_RECUSED');
  await d.vote(id, 'hoidong2', 'approve');
  await expectRefused(d.vote(id, 'hoidong2', 'reject'), 'INVALID_STATE', 'ALREADY_VOTED');
  const view = await d.gateway.view(id);
  expect(view.council).toMatchObject({ open: true, votes: 1, recused: 1 });
  expect(view.awaiting).toEqual([
    'COUNCIL_MEMBER:hoidong3',
    'COUNCIL_MEMBER:hoidong4',
    'COUNCIL_MEMBER:hoidong5',
    'COUNCIL_MEMBER:hoidong6',
    'COUNCIL_MEMBER:hoidong7',
    'COUNCIL_MEMBER:hoidong8',
    'COUNCIL_MEMBER:hoidong9',
    'COUNCIL_MEMBER:hoidong10',
    'COUNCIL_MEMBER:chutich',
  ]);
  for (const m of VOTERS_FOR_DONVI1.slice(1, -1)) await d.vote(id, m, 'approve');
  expect((await d.vote(id, 'chutich', 'approve')).status).toBe('AWAITING_SIGNATURE');
  const types = await typesOf(store, id);
  expect(types.filter((t) => t === 'CouncilVoteCast')).toHaveLength(VOTERS_FOR_DONVI1.length);
  expect(types.filter((t) => t === 'CouncilMemberRecused')).toHaveLength(1);
  await d.withdraw(id);
});

test('a wrong role is refused by the validator: nothing in the stream, no accepted update in history', async () => {
  // A draft by someone who may not draft: refused at once; the workflow ends without writing.
  const refusedDraft = nid();
  await expectRefused(d.draft(refusedDraft, {}, 'thutruong.donvi1'), 'FORBIDDEN', 'ROLE_REQUIRED');
  const refusedDraftEnded = resultOf(refusedDraft);

  const id = nid();
  await d.draft(id);
  const eventsAfterDraft = await historyLength(id);
  await expectRefused(d.submit(id, 'canbo.donvi1'), 'FORBIDDEN', 'ROLE_REQUIRED');
  await expectRefused(d.endorse(id), 'INVALID_STATE', 'WRONG_STAGE');
  await expectRefused(d.sign(id), 'INVALID_STATE', 'WRONG_STAGE');
  await expectRefused(
    d.run(id, 'canbo.donvi3', { type: 'EditNomination', changes: { achievements: 'x' } }),
    'FORBIDDEN',
    'OUT_OF_SCOPE',
  );
  expect(await typesOf(store, id)).toEqual(['NominationDrafted']);
  expect(await acceptedUpdates(env.client, id)).toEqual(['draft']);
  expect(await historyLength(id)).toBe(eventsAfterDraft); // a validator's refusal leaves no event at all

  await d.submit(id);
  await expectRefused(
    d.run(id, 'truongcum.cum2', { type: 'ReviewAtCluster', decision: 'endorse' }),
    'FORBIDDEN',
    'OUT_OF_SCOPE',
  );
  expect(await typesOf(store, id)).toEqual(['NominationDrafted', 'NominationSubmitted']);
  expect(await acceptedUpdates(env.client, id)).toEqual(['draft', 'submit']);
  await d.withdraw(id);

  expect(await refusedDraftEnded).toEqual({ nominationId: refusedDraft, status: 'NONE', revision: -1 });
  expect(await streamOf(store, refusedDraft)).toEqual([]);
  expect(await acceptedUpdates(env.client, refusedDraft)).toEqual([]);
  await expectRefused(d.gateway.view(refusedDraft), 'NOT_FOUND');
}, 60_000);

test('withdrawal: allowed before the signature, refused after it', async () => {
  const before = nid();
  await d.draft(before);
  await d.submit(before);
  await d.endorse(before);
  await d.openVoting(before);
  await d.councilVotes(before, 'approve');
  await expectRefused(d.run(before, 'thutruong.donvi3', { type: 'WithdrawNomination' }), 'FORBIDDEN', 'OUT_OF_SCOPE');
  expect((await d.withdraw(before)).status).toBe('WITHDRAWN');
  expect(await resultOf(before)).toMatchObject({ status: 'WITHDRAWN' });
  expect((await typesOf(store, before)).slice(-1)).toEqual(['NominationWithdrawn']);

  const after = nid();
  await d.toAwarded(after);
  await expectRefused(d.withdraw(after), 'INVALID_STATE', 'NOMINATION_CLOSED');
  expect((await typesOf(store, after)).slice(-1)).toEqual(['AwardDecisionSigned']);
});

test('a one-off nomination skips cluster review', async () => {
  const id = nid();
  await d.draft(id);
  const submitted = await d.submitOneOff(id);
  expect(submitted.status).toBe('COUNCIL_VOTING');
  const events = await streamOf(store, id);
  expect(events[1]).toMatchObject({
    type: 'NominationSubmitted',
    data: { nextStatus: 'OFFICE_CHECK', skippedClusterReview: true, oneOff: true },
  });
  expect(events[2].type).toBe('OfficeCheckPassed');
  await expectRefused(d.endorse(id), 'INVALID_STATE', 'WRONG_STAGE');
  await d.openVoting(id);
  await d.councilVotes(id, 'approve');
  const signed = await d.sign(id);
  expect(signed.status).toBe('AWARDED');
  expect(signed.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
});

test('a hold blocks every step until it is released', async () => {
  const id = nid();
  await d.draft(id);
  await d.submit(id);
  await expectRefused(
    d.run(id, 'truongcum.cum1', { type: 'PutOnHold', matter: 'COMPLAINT', comment: 'x' }),
    'FORBIDDEN',
    'ROLE_REQUIRED',
  );
  const held = await d.hold(id);
  expect(held).toMatchObject({ status: 'CLUSTER_REVIEW', onHold: true });
  expect((await d.gateway.view(id)).awaiting).toEqual(['COUNCIL_SECRETARY']);
  await expectRefused(d.endorse(id), 'INVALID_STATE', 'ON_HOLD');
  await expectRefused(d.hold(id), 'INVALID_STATE', 'ALREADY_ON_HOLD');
  expect((await d.release(id)).onHold).toBe(false);
  await expectRefused(d.release(id), 'INVALID_STATE', 'NOT_ON_HOLD');
  expect((await d.endorse(id)).status).toBe('COUNCIL_VOTING');
  expect(await typesOf(store, id)).toEqual([
    'NominationDrafted',
    'NominationSubmitted',
    'NominationPutOnHold',
    'NominationReleasedFromHold',
    'ClusterEndorsed',
    'OfficeCheckPassed',
  ]);
  await d.withdraw(id);
});

test('stage limits (seconds): reminder, then escalation; the workflow still waits; the clock stops on hold; the council closes at its deadline', async () => {
  const fast = new Driver(
    gateway(
      env.client,
      TASK_QUEUE,
      workflowArgs({ stageTimeLimits: limits({ CLUSTER_REVIEW: 4, reminderAt: 0.5 }), councilVotingDays: 3 }),
    ),
    f,
  );
  // The held one: reminder due 3 s after submission, but it is put on hold at once (margin 3 s).
  const heldFast = new Driver(
    gateway(env.client, TASK_QUEUE, workflowArgs({ stageTimeLimits: limits({ CLUSTER_REVIEW: 6, reminderAt: 0.5 }) })),
    f,
  );
  const timed = nid();
  const held = nid();
  const council = nid();
  await Promise.all([fast.draft(timed), heldFast.draft(held), fast.draft(council)]);
  await heldFast.submit(held);
  await heldFast.hold(held);
  const submittedAt = Date.now();
  await fast.submit(timed);
  const view = await fast.gateway.view(timed);
  expect(view).toMatchObject({ status: 'CLUSTER_REVIEW', stage: 'CLUSTER_REVIEW', awaiting: ['CLUSTER_LEADER:cum1'] });
  expect(Date.parse(view.dueAt!) - Date.parse(view.reminderAt!)).toBe(2000);
  await fast.submitOneOff(council);
  await fast.openVoting(council);
  await fast.vote(council, 'hoidong2', 'approve');

  await waitFor(async () => (await typesOf(store, timed)).includes('StageEscalated'), 20_000);
  const events = await streamOf(store, timed);
  expect(events.map((e) => e.type)).toEqual([
    'NominationDrafted',
    'NominationSubmitted',
    'StageReminderIssued',
    'StageEscalated',
  ]);
  expect(events[2]).toMatchObject({
    data: { stage: 'CLUSTER_REVIEW', awaiting: ['CLUSTER_LEADER:cum1'] },
    metadata: { actorRole: 'SYSTEM' },
  });
  expect(events[3]).toMatchObject({
    data: { stage: 'CLUSTER_REVIEW', escalatedTo: 'COUNCIL_SECRETARY', dueAt: view.dueAt },
  });
  // Issued by the workflow's clock no earlier than due (workflow time), whatever the load.
  expect(Date.parse(events[2].metadata.occurredAt)).toBeGreaterThanOrEqual(Date.parse(view.reminderAt!));
  expect(Date.parse(events[3].metadata.occurredAt)).toBeGreaterThanOrEqual(Date.parse(view.dueAt!));
  expect(await fast.gateway.view(timed)).toMatchObject({ status: 'CLUSTER_REVIEW', reminded: true, escalated: true });

  // The council closed itself at its deadline (3 s) with too few votes.
  await waitFor(async () => (await typesOf(store, council)).includes('CouncilVotingClosed'), 20_000);
  expect((await streamOf(store, council)).slice(-1)[0]).toMatchObject({
    data: { trigger: 'DEADLINE', outcome: 'QUORUM_NOT_MET' },
  });
  expect(await resultOf(council)).toMatchObject({ status: 'REJECTED' });

  // Nothing fired for the nomination on hold, though its reminder was due after 3 s.
  await sleep(Math.max(0, submittedAt + 5_000 - Date.now()));
  expect(await typesOf(store, held)).toEqual(['NominationDrafted', 'NominationSubmitted', 'NominationPutOnHold']);
  await fast.release(held);
  await waitFor(async () => (await typesOf(store, held)).includes('StageReminderIssued'), 20_000);

  // A later human decision still works, and nothing more fires for a stage that has ended.
  expect((await fast.endorse(timed)).status).toBe('COUNCIL_VOTING');
  await sleep(1_000);
  expect((await typesOf(store, timed)).filter((t) => t.startsWith('Stage'))).toHaveLength(2);
  await Promise.all([fast.withdraw(timed), fast.withdraw(held)]);
}, 60_000);

test('the office’s check: incomplete returns it to the unit with the missing items; resubmitted, it passes the cluster and the office again', async () => {
  const id = nid();
  await d.draft(id);
  await d.submit(id);
  const endorsed = await d.endorseOnly(id);
  expect(endorsed.status).toBe('OFFICE_CHECK');
  expect(await d.gateway.view(id)).toMatchObject({ stage: 'OFFICE_CHECK', awaiting: ['COUNCIL_SECRETARY'] });
  await expectRefused(d.openVoting(id), 'INVALID_STATE', 'WRONG_STAGE');
  await expectRefused(
    d.run(id, 'truongcum.cum1', { type: 'RecordOfficeCheck', result: 'complete' }),
    'FORBIDDEN',
    'ROLE_REQUIRED',
  );
  await expectRefused(d.officeCheck(id, ['  ']), 'VALIDATION', 'REQUIRED');
  expect((await d.officeCheck(id, ['BIEN_BAN_HOP_XET'])).status).toBe('RETURNED');
  expect((await d.gateway.view(id)).awaiting).toEqual(['UNIT_HEAD:donvi1', 'UNIT_OFFICER:donvi1']);
  expect((await d.run(id, 'thutruong.donvi1', { type: 'ResubmitNomination' })).status).toBe('CLUSTER_REVIEW');
  expect((await d.endorse(id)).status).toBe('COUNCIL_VOTING');
  const events = await streamOf(store, id);
  expect(events.map((e) => e.type)).toEqual([
    'NominationDrafted',
    'NominationSubmitted',
    'ClusterEndorsed',
    'OfficeCheckReturned',
    'NominationResubmitted',
    'ClusterEndorsed',
    'OfficeCheckPassed',
  ]);
  expect(events[3].data).toMatchObject({ missing: ['BIEN_BAN_HOP_XET'], round: 1 });
  await d.withdraw(id);

  // Without a cluster review (Công dân Đồng Khởi), the submission goes straight to the office.
  const direct = nid();
  await d.draft(direct, { awardCode: 'CONG_DAN_DONG_KHOI' });
  expect((await d.submit(direct)).status).toBe('OFFICE_CHECK');
  expect((await d.officeCheck(direct)).status).toBe('COUNCIL_VOTING');
  await d.withdraw(direct);
});

test('the office’s check has its own time limit: reminded, then escalated to the Chairman', async () => {
  const fast = new Driver(
    gateway(env.client, TASK_QUEUE, workflowArgs({ stageTimeLimits: limits({ OFFICE_CHECK: 4, reminderAt: 0.5 }) })),
    f,
  );
  const id = nid();
  await fast.draft(id);
  await fast.submit(id);
  await fast.endorseOnly(id);
  await waitFor(async () => (await typesOf(store, id)).includes('StageEscalated'), 20_000);
  const events = (await streamOf(store, id)).slice(3);
  expect(events.map((e) => [e.type, (e.data as { stage?: string }).stage])).toEqual([
    ['StageReminderIssued', 'OFFICE_CHECK'],
    ['StageEscalated', 'OFFICE_CHECK'],
  ]);
  expect(events[1].data).toMatchObject({ awaiting: ['COUNCIL_SECRETARY'], escalatedTo: 'CHAIRMAN' });
  expect((await fast.officeCheck(id)).status).toBe('COUNCIL_VOTING');
  await fast.withdraw(id);
}, 60_000);

test('an activity that fails after appending is retried without duplicating events', async () => {
  const id = nid();
  const nomineeId = newId('cccd');
  faulty.add(id);
  try {
    const signed = await d.toAwarded(id, { nominee: { kind: 'individual', name: 'Lê Thị Cúc', nomineeId } });
    expect(signed.status).toBe('AWARDED');
    // Each of these appends was stored, then its activity failed and was retried.
    expect(faultsInjected.filter((t) => t === 'NominationSubmitted')).toHaveLength(1);
    expect(faultsInjected.filter((t) => t === 'CouncilVoteCast')).toHaveLength(VOTERS_FOR_DONVI1.length);
    expect(faultsInjected.filter((t) => t === 'AwardDecisionSigned')).toHaveLength(1);
    const events = await streamOf(store, id);
    expect(events.map((e) => e.type)).toEqual([
      'NominationDrafted',
      'NominationSubmitted',
      'ClusterEndorsed',
      'OfficeCheckPassed',
      'CouncilVotingOpened',
      'CouncilMemberRecused',
      ...VOTERS_FOR_DONVI1.map(() => 'CouncilVoteCast'),
      'CouncilVotingClosed',
      'AwardDecisionSigned',
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // One decision number and one award record for it, despite the retried signature.
    const year = yearOf(events[17].metadata.occurredAt);
    const allocations = (await store.readStream(decisionNumberStreamName('UBND', year))).filter(
      (e) => (e.data as { nominationId: string }).nominationId === id,
    );
    expect(allocations).toHaveLength(1);
    expect(signed.decisionNumber).toBe((allocations[0].data as { decisionNumber: string }).decisionNumber);
    expect(await store.readStream(nomineeStreamName(nomineeId))).toHaveLength(1);
  } finally {
    faulty.delete(id);
  }
});

test('revocation after the award: REVOKED in the stream, the nominee record marks it revoked', async () => {
  const id = nid();
  const nomineeId = newId('cccd');
  await d.toAwarded(id, { nominee: { kind: 'individual', name: 'Phạm Văn Dũng', nomineeId } });
  await expectRefused(d.revoke(id, 'thuky'), 'FORBIDDEN', 'ROLE_REQUIRED');
  const revoked = await d.revoke(id);
  expect(revoked).toMatchObject({ nominationId: id, status: 'REVOKED', revision: 18 });
  const events = await streamOf(store, id);
  expect(events[18]).toMatchObject({
    type: 'AwardRevoked',
    data: { ground: 'CRITERIA_NOT_MET' },
    metadata: { actorId: 'chutich', actorRole: 'CHAIRMAN' },
  });
  const record = await readNomineeRecord(store, nomineeId);
  expect(record.record.awards).toEqual([expect.objectContaining({ nominationId: id, revoked: true })]);
  await expectRefused(d.revoke(id), 'INVALID_STATE', 'NOT_AWARDED');
  await expectRefused(d.revoke(newId('missing')), 'NOT_FOUND');
  expect(await store.readStream(nomineeStreamName(nomineeId))).toHaveLength(2);
});

test('gateway: unknown nominations, duplicate drafts, a draft refused by the activity and drafted again', async () => {
  const missing = newId('missing');
  await expectRefused(d.gateway.view(missing), 'NOT_FOUND', 'NOMINATION_NOT_FOUND');
  await expectRefused(d.submit(missing), 'NOT_FOUND', 'NOMINATION_NOT_FOUND');

  const id = nid();
  await d.draft(id);
  await expectRefused(d.draft(id), 'INVALID_STATE', 'ALREADY_EXISTS');
  await d.withdraw(id);
  await expectRefused(d.draft(id), 'INVALID_STATE', 'ALREADY_EXISTS'); // ended: the id stays taken

  const retried = nid();
  const refused = await expectRefused(d.draft(retried, { awardCode: 'NO_SUCH_AWARD' }), 'VALIDATION', 'UNKNOWN_AWARD');
  expect(refused.field).toBe('awardCode');
  expect(await resultOf(retried)).toMatchObject({ status: 'NONE' }); // ended at once, nothing written
  expect(await streamOf(store, retried)).toEqual([]);
  expect((await d.draft(retried)).status).toBe('DRAFT');
  await d.withdraw(retried);
});

test('every history recorded in this file replays deterministically', async () => {
  const histories = [];
  for (const id of used) {
    const handle = env.client.workflow.getHandle(nominationWorkflowId(id));
    histories.push({ workflowId: handle.workflowId, history: await handle.fetchHistory() });
  }
  const results = await replayAll(histories);
  expect(results.filter((r) => r.error)).toEqual([]);
  expect(results).toHaveLength(used.length);
});
