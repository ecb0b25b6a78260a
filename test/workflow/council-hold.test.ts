/**
 * A hold during council voting blocks every vote; time on hold must not run down the council's
 * voting deadline, or a release after the deadline would close the voting at once (members never
 * got to vote). Real dev server, real SQLite store.
 */
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { SqliteEventStore } from '@tdkt/event-store';
import { createNominationActivities, nominationWorkflowId } from '@tdkt/temporal';
import {
  VOTERS_FOR_DONVI1,
  fixture,
  gateway,
  newId,
  sleep,
  startDevServer,
  streamOf,
  tempDir,
  typesOf,
  waitFor,
  workflowArgs,
  workflowBundle,
} from './support/harness';
import { Driver } from './support/scenarios';
import { replayAll } from './support/replay';

jest.setTimeout(120_000);

const TASK_QUEUE = 'council-hold';
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
      decisionAuthority: f.directory.org.decisionAuthority,
    }),
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

test('time on hold does not run down the council deadline: voting stays open after a release past it, and closes later', async () => {
  const VOTING_SECONDS = 6;
  const d = new Driver(gateway(env.client, TASK_QUEUE, workflowArgs({ councilVotingDays: VOTING_SECONDS })), f);
  const id = newId();
  await d.draft(id);
  await d.submitOneOff(id);
  await d.openVoting(id);
  const held = await d.hold(id);
  expect(held.onHold).toBe(true);
  const deadline = (await d.gateway.view(id)).council!.deadline;
  // Stay on hold until well past the original deadline.
  await sleep(Math.max(0, Date.parse(deadline) - Date.now()) + 1_500);
  await d.release(id);

  // Voting is still open: a member votes after the release.
  const voted = await d.vote(id, 'hoidong2', 'approve');
  expect(voted).toMatchObject({ status: 'COUNCIL_VOTING', onHold: false });

  // The clock was not lost: the council closes by itself at its deadline moved by the time on hold.
  await waitFor(async () => (await typesOf(store, id)).includes('CouncilVotingClosed'), 30_000);
  const events = await streamOf(store, id);
  const at = (type: string) => Date.parse(events.find((e) => e.type === type)!.metadata.occurredAt);
  const heldMs = at('NominationReleasedFromHold') - at('NominationPutOnHold');
  const closed = events[events.length - 1];
  expect(closed).toMatchObject({ type: 'CouncilVotingClosed', data: { trigger: 'DEADLINE' } });
  expect(Date.parse(closed.metadata.occurredAt)).toBeGreaterThanOrEqual(Date.parse(deadline) + heldMs);
  expect(events.map((e) => e.type)).toEqual([
    'NominationDrafted',
    'NominationSubmitted',
    'OfficeCheckPassed',
    'CouncilVotingOpened',
    'NominationPutOnHold',
    'NominationReleasedFromHold',
    'CouncilVoteCast',
    'CouncilVotingClosed',
  ]);

  const handle = env.client.workflow.getHandle(nominationWorkflowId(id));
  await handle.result();
  const results = await replayAll([{ workflowId: handle.workflowId, history: await handle.fetchHistory() }]);
  expect(results.filter((r) => r.error)).toEqual([]);
});

test('voting closes itself once every eligible member has voted: a conflicted member who never recused is not waited for', async () => {
  const d = new Driver(gateway(env.client, TASK_QUEUE), f); // voting deadline an hour away
  const id = newId();
  await d.draft(id);
  await d.submit(id);
  await d.endorse(id);
  await d.openVoting(id);
  // hoidong1 is from the nominee's unit: may not vote, and does not recuse either.
  let last;
  for (const m of VOTERS_FOR_DONVI1) last = await d.vote(id, m, 'approve');
  expect(last).toMatchObject({ status: 'AWAITING_SIGNATURE' });
  const closed = (await streamOf(store, id)).slice(-1)[0];
  expect(closed).toMatchObject({
    type: 'CouncilVotingClosed',
    data: { trigger: 'ALL_VOTED', outcome: 'APPROVED', tally: { members: 11, approve: 10, recused: 0 } },
  });

  await d.withdraw(id);
  const handle = env.client.workflow.getHandle(nominationWorkflowId(id));
  await handle.result();
  const results = await replayAll([{ workflowId: handle.workflowId, history: await handle.fetchHistory() }]);
  expect(results.filter((r) => r.error)).toEqual([]);
});
