/**
 * A council session on the real Temporal dev server and a real SQLite event store: 20 items (open
 * and secret), attendance quorum refused then met, a written ballot, a recusal, one ballot per
 * member, the secret items voted through blind signatures by a client that blinds itself, then the
 * close: every nomination moves on exactly once, the public ballots recount to the tally, and no
 * workflow history or event links a member to a secret choice.
 */
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  agendaLockStreamName,
  ballotBoxStreamName,
  councilSessionStreamName,
  type CouncilSessionEvent,
  type ExistingSession,
} from '@tdkt/domain';
import { SqliteEventStore, type RecordedEvent } from '@tdkt/event-store';
import {
  MemorySecretKeyStore,
  castSecretBallot,
  councilSessionWorkflowId,
  nominationWorkflowId,
  publishedBallots,
  workerActivities,
} from '@tdkt/temporal';
import {
  expectRefused,
  fixture,
  gateway,
  newId,
  sleep,
  startDevServer,
  streamOf,
  tempDir,
  waitFor,
  workflowBundle,
} from './support/harness';
import { Driver } from './support/scenarios';
import { SessionDriver, blindBallot, openBallotNomination, secretBallotNomination } from './support/council-session';

jest.setTimeout(180_000);

const TASK_QUEUE = 'council-session';
const f = fixture();
const tmp = tempDir();
let env: TestWorkflowEnvironment;
let store: SqliteEventStore;
let worker: Worker;
let running: Promise<void>;
let d: Driver;
let s: SessionDriver;

beforeAll(async () => {
  env = await startDevServer();
  store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: workerActivities({
      store,
      directory: f.directory,
      catalog: f.catalog,
      decisionAuthority: f.directory.org.decisionAuthority,
      secretKeys: new MemorySecretKeyStore(),
    }),
  });
  running = worker.run();
  d = new Driver(gateway(env.client, TASK_QUEUE), f);
  s = new SessionDriver(env.client, TASK_QUEUE, f);
});

afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await store?.close();
  await env?.teardown();
  tmp.remove();
});

/** Every string inside a value, payload bytes decoded as UTF-8 (Temporal payloads are JSON bytes). */
function textOf(value: unknown, out: string[] = []): string[] {
  if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('utf8'));
  else if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => textOf(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => textOf(v, out));
  return out;
}
const historyText = async (workflowId: string) =>
  textOf(await env.client.workflow.getHandle(workflowId).fetchHistory()).join('\n');

const session = async (id: string) => {
  const events = await store.readStream(councilSessionStreamName(id));
  return { events, types: events.map((e) => e.type) };
};
const head = () => store.headPosition();

test('a session of 20 items: quorum, written ballot, recusal, open and secret ballots, close → each nomination moves on once', async () => {
  const A = Array.from({ length: 10 }, () => newId('a')); // donvi1, open ballot: hoidong1 conflicted
  const B = Array.from({ length: 8 }, () => newId('b')); // donvi3, open ballot: hoidong3 conflicted
  const S = Array.from({ length: 2 }, () => newId('s')); // donvi1, secret ballot (quorum 75 %, threshold 70 %)
  for (const id of A) await openBallotNomination(d, id, 'donvi1');
  for (const id of B) await openBallotNomination(d, id, 'donvi3');
  for (const id of S) await secretBallotNomination(d, id);
  const all = [...A, ...B, ...S];
  const sessionId = newId('phien');

  // Convened with the agenda; a nomination sits on one open session only.
  expect((await s.convene(sessionId, all)).status).toBe('SCHEDULED');
  const other = newId('phien');
  const clash = await expectRefused(s.convene(other, [A[0]]), 'CONFLICT', 'ON_ANOTHER_SESSION');
  expect(clash.field).toBe('nominationIds[0]');
  expect(await store.readStream(councilSessionStreamName(other))).toHaveLength(0);
  // The agenda changes before opening.
  await s.run(sessionId, 'thuky', { type: 'ChangeAgenda', add: [], remove: [B[7]] });
  await s.run(sessionId, 'thuky', { type: 'ChangeAgenda', add: [B[7]], remove: [] });
  await expectRefused(s.run(sessionId, 'hoidong2', { type: 'ChangeAgenda', add: [], remove: [A[1]] }), 'FORBIDDEN');

  // hoidong1 (absent) votes in writing before the session: the donvi3 items (the donvi1 ones are a conflict).
  const approveAll = (ids: string[]) => ids.map((nominationId) => ({ nominationId, choice: 'approve' as const }));
  await s.run(sessionId, 'thuky', { type: 'RecordWrittenBallot', onBehalfOf: 'hoidong1', choices: approveAll(B) });

  // Attendance: 3 of 11 present is below 2/3 (8) → the session does not open; nothing appended.
  for (const m of ['hoidong2', 'hoidong3', 'hoidong4']) await s.run(sessionId, m, { type: 'CheckIn' });
  const before = await head();
  const quorum = await expectRefused(
    s.run(sessionId, 'thuky', { type: 'OpenSession' }),
    'INVALID_STATE',
    'ATTENDANCE_QUORUM_NOT_MET',
  );
  expect(quorum.message).toContain('3/11');
  expect(await head()).toBe(before);
  for (const m of ['hoidong5', 'hoidong6', 'hoidong7', 'hoidong8', 'hoidong9'])
    await s.run(sessionId, m, { type: 'CheckIn' });
  expect((await s.run(sessionId, 'thuky', { type: 'OpenSession' })).status).toBe('OPEN');
  for (const m of ['hoidong10', 'chutich']) await s.run(sessionId, m, { type: 'CheckIn' }); // arrive late
  await expectRefused(
    s.run(sessionId, 'thuky', { type: 'ChangeAgenda', add: [], remove: [A[1]] }),
    'INVALID_STATE',
    'AGENDA_FROZEN',
  );

  // hoidong2 recuses from A[0] only.
  await s.run(sessionId, 'hoidong2', {
    type: 'RecuseFromItem',
    nominationId: A[0],
    reason: 'Người thân của người được đề nghị',
  });

  // One ballot each over the open items.
  const openIds = [...A, ...B];
  const ballot = (who: string, ids: string[], reject: string[] = []) =>
    s.run(sessionId, who, {
      type: 'CastSessionBallot',
      choices: ids.map((nominationId) => ({
        nominationId,
        choice: reject.includes(nominationId) ? 'reject' : 'approve',
      })),
    });
  await ballot(
    'hoidong2',
    openIds.filter((id) => id !== A[0]),
  );
  await ballot('hoidong3', A);
  await ballot('hoidong4', openIds, [B[0]]);
  await ballot('hoidong5', openIds);
  await ballot('hoidong6', openIds);
  await ballot('hoidong7', openIds, [B[0]]);
  await ballot('hoidong8', openIds, [B[0]]);
  await ballot('hoidong9', openIds, [A[0]]);
  await ballot('hoidong10', openIds, [A[0]]);

  // Refusals, with nothing appended: a second ballot, a recused item, an item off the agenda, a secret item.
  const refusedFrom = await head();
  await expectRefused(
    ballot(
      'hoidong2',
      openIds.filter((id) => id !== A[0]),
    ),
    'INVALID_STATE',
    'BALLOT_ALREADY_CAST',
  );
  const missing = await expectRefused(ballot('chutich', openIds.slice(1)), 'VALIDATION', 'CHOICES_MISSING');
  expect(missing.field).toBe('choices');
  const offAgenda = await expectRefused(ballot('chutich', [...openIds, 'khong-co']), 'VALIDATION', 'NOT_ON_AGENDA');
  expect(offAgenda.field).toBe(`choices[${openIds.length}].nominationId`);
  await expectRefused(ballot('chutich', [...openIds, S[0]]), 'VALIDATION', 'SECRET_ITEM');
  const recusedItem = await expectRefused(
    s.run(sessionId, 'hoidong2', { type: 'RecuseFromItem', nominationId: A[0], reason: 'lại' }),
    'INVALID_STATE',
    'RECUSED_FROM_ITEM',
  );
  expect(recusedItem.field).toBe('nominationId');
  expect(await head()).toBe(refusedFrom);
  await ballot('chutich', openIds);

  // Secret items: each present member who may vote gets one blind signature per item, then casts anonymously.
  const opened = (await session(sessionId)).events.find((e) => e.type === 'CouncilSessionOpened')!;
  const keys = (opened.data as { secretItems: { nominationId: string; publicKey: string; suite: string }[] })
    .secretItems;
  expect(keys.map((k) => k.nominationId).sort()).toEqual([...S].sort());
  expect(keys.every((k) => k.suite === 'RSABSSA-SHA384-PSS-Randomized')).toBe(true);
  const keyOf = (id: string) => keys.find((k) => k.nominationId === id)!.publicKey;
  // Every present member: hoidong1 is absent (and from the nominees' unit).
  const voters = [...Array.from({ length: 9 }, (_, i) => `hoidong${i + 2}`), 'chutich'];
  const tokens: { item: string; token: string; signature: string }[] = [];
  for (const item of S)
    for (const member of voters) {
      const c = await blindBallot(keyOf(item));
      const out = await s.run(sessionId, member, {
        type: 'IssueBlindSignature',
        nominationId: item,
        blindedMessage: c.blindedMessage,
      });
      tokens.push({ item, token: c.token, signature: await c.unblind(out.blindSignature!) });
    }
  // hoidong1 is from the nominee's unit: no signature; a second signature is refused.
  await expectRefused(
    s.run(sessionId, 'hoidong1', { type: 'IssueBlindSignature', nominationId: S[0], blindedMessage: 'AAAA' }),
    'INVALID_STATE',
    'NOT_PRESENT',
  );
  const again = await blindBallot(keyOf(S[0]));
  await expectRefused(
    s.run(sessionId, 'hoidong2', {
      type: 'IssueBlindSignature',
      nominationId: S[0],
      blindedMessage: again.blindedMessage,
    }),
    'INVALID_STATE',
    'SIGNATURE_ALREADY_ISSUED',
  );

  // S[0]: all ten approve; S[1]: 7 approve, 1 rejects, two never cast (issued 10 ≥ cast 8).
  const choiceFor = (t: (typeof tokens)[number], i: number) =>
    t.item === S[0] ? 'approve' : i % 10 === 7 ? 'reject' : 'approve';
  const cast = tokens.filter((t, i) => !(t.item === S[1] && i % 10 >= 8));
  const receipts: string[] = [];
  for (const [i, t] of tokens.entries()) {
    if (!cast.includes(t)) continue;
    receipts.push(
      (
        await castSecretBallot(store, sessionId, t.item, {
          token: t.token,
          signature: t.signature,
          choice: choiceFor(t, i),
        })
      ).receipt,
    );
  }
  const castFrom = await head();
  await expectRefused(
    castSecretBallot(store, sessionId, S[0], { ...tokens[0], choice: 'reject' }),
    'CONFLICT',
    'TOKEN_ALREADY_USED',
  );
  const wrongKey = tokens.find((t) => t.item === S[1])!;
  const bad = await expectRefused(
    castSecretBallot(store, sessionId, S[0], {
      token: wrongKey.token,
      signature: wrongKey.signature,
      choice: 'approve',
    }),
    'VALIDATION',
    'BAD_SIGNATURE',
  );
  expect(bad.field).toBe('signature');
  const malformed = await expectRefused(
    castSecretBallot(store, sessionId, S[0], {
      token: 'không+hợp/lệ=',
      signature: tokens[0].signature,
      choice: 'approve',
    }),
    'VALIDATION',
    'MALFORMED_BYTES',
  );
  expect(malformed.field).toBe('token');
  await expectRefused(
    castSecretBallot(store, sessionId, A[1], { ...tokens[0], choice: 'approve' }),
    'VALIDATION',
    'NOT_SECRET_ITEM',
  );
  expect(await head()).toBe(castFrom);

  // Close: every item tallied; closing again is a no-op.
  expect((await s.run(sessionId, 'thuky', { type: 'CloseSession' })).status).toBe('CLOSED');
  const closedAt = await head();
  expect((await s.run(sessionId, 'thuky', { type: 'CloseSession' })).status).toBe('CLOSED');
  await expectRefused(
    castSecretBallot(store, sessionId, S[1], { ...tokens[19], choice: 'approve' }),
    'INVALID_STATE',
    'BALLOT_BOX_SEALED',
  );

  const { delivered } = (await env.client.workflow.getHandle(councilSessionWorkflowId(sessionId)).result()) as {
    delivered: string[];
  };
  expect([...delivered].sort()).toEqual([...all].sort());
  expect(await head()).toBeGreaterThanOrEqual(closedAt);
  const { events, types } = await session(sessionId);
  expect(types.filter((t) => t === 'CouncilSessionClosed')).toHaveLength(1);
  const closed = events.find((e) => e.type === 'CouncilSessionClosed')!.data as Extract<
    CouncilSessionEvent,
    { type: 'CouncilSessionClosed' }
  >['data'];
  const outcome = (id: string) => closed.results.find((r) => r.nominationId === id)!;
  // 70 % of all 11 members needs 8 approvals, recused and absent members included.
  expect(outcome(A[0])).toMatchObject({
    outcome: 'THRESHOLD_NOT_MET',
    tally: { members: 11, approve: 7, reject: 2, recused: 2 },
  });
  for (const id of A.slice(1))
    expect(outcome(id)).toMatchObject({ outcome: 'APPROVED', tally: { approve: 10, recused: 1 } });
  expect(outcome(B[0])).toMatchObject({ outcome: 'THRESHOLD_NOT_MET', tally: { approve: 7, reject: 3 } });
  for (const id of B.slice(1)) expect(outcome(id)).toMatchObject({ outcome: 'APPROVED', tally: { approve: 10 } });
  expect(outcome(S[0])).toMatchObject({
    outcome: 'APPROVED',
    tally: { approve: 10 },
    secret: { issued: 10, cast: 10 },
  });
  // 8 of 11 took part: below the 75 % quorum (9) of the secret-ballot award.
  expect(outcome(S[1])).toMatchObject({
    outcome: 'QUORUM_NOT_MET',
    tally: { approve: 7, reject: 1 },
    secret: { issued: 10, cast: 8 },
  });

  // Recount from the public ballots equals the tally; each member finds their receipt.
  for (const id of S) {
    const pub = await publishedBallots(store, sessionId, id);
    expect(pub.counts).toEqual({
      approve: outcome(id).tally.approve,
      reject: outcome(id).tally.reject,
      abstain: outcome(id).tally.abstain,
    });
    expect(pub.ballotsHash).toBe(outcome(id).secret!.ballotsHash);
  }
  const published = (await Promise.all(S.map((id) => publishedBallots(store, sessionId, id)))).flatMap((p) =>
    p.ballots.map((b) => b.tokenHash),
  );
  expect(receipts.every((r) => published.includes(r))).toBe(true);

  // Each nomination moved on exactly once, with the session's tally and rule.
  // The nominations apply the signalled outcome on their own; wait until each has, then once more for duplicates.
  const closesOf = async (id: string) => (await streamOf(store, id)).filter((e) => e.type === 'CouncilVotingClosed');
  await waitFor(async () => (await Promise.all(all.map(closesOf))).every((c) => c.length > 0), 30_000);
  await sleep(500);
  for (const id of all) {
    const closes = await closesOf(id);
    expect(closes).toHaveLength(1);
    expect(closes[0].data).toMatchObject({
      trigger: 'SESSION',
      sessionId,
      outcome: outcome(id).outcome,
      rule: outcome(id).rule,
    });
  }
  await expect(d.gateway.view(A[1])).resolves.toMatchObject({ status: 'AWAITING_SIGNATURE' });
  const rejected = await env.client.workflow.getHandle(nominationWorkflowId(A[0])).result();
  expect(rejected).toMatchObject({ status: 'REJECTED' });
  // The agenda locks are released: the nominations could go on a later session.
  const locks = await store.readStream(agendaLockStreamName(A[1]));
  expect(locks.map((e) => e.type)).toEqual(['AgendaItemReserved', 'AgendaItemReleased']);

  // Nowhere a member next to a secret choice: no history and no identified event carries a token or its hash.
  const secrets = [...tokens.map((t) => t.token), ...tokens.map((t) => t.signature), ...receipts];
  const histories = [
    await historyText(councilSessionWorkflowId(sessionId)),
    ...(await Promise.all(all.map((id) => historyText(nominationWorkflowId(id))))),
  ];
  for (const h of histories) for (const x of secrets) expect(h.includes(x)).toBe(false);
  const everything: RecordedEvent[] = await store.readAll({ fromPosition: 0 });
  for (const e of everything) {
    const text = JSON.stringify(e);
    const isBox = S.some((id) => e.stream === ballotBoxStreamName(sessionId, id));
    if (isBox) {
      expect(e.metadata.actorId).toBe('anonymous');
      for (const m of [...voters, 'hoidong1', 'thuky']) expect(text.includes(`"${m}"`)).toBe(false);
    } else {
      for (const x of secrets) expect(text.includes(x)).toBe(false);
      // No identified event names a secret item together with a choice.
      if (S.some((id) => text.includes(id))) expect(text).not.toMatch(/"choice"/);
    }
  }
  const sessionState = (await s.gateway.state(sessionId).catch(() => undefined))?.state as ExistingSession | undefined;
  if (sessionState) expect(JSON.stringify(sessionState.votes)).not.toContain(S[0]);
});
