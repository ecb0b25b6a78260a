/**
 * Records the replay fixtures (test/fixtures/histories/*.json): runs every path of the nomination
 * workflow (and a revocation) on the real dev server and writes each workflow's history.
 * Used by test/workflow/replay.test.ts when RECORD_HISTORIES=1:
 *
 *   RECORD_HISTORIES=1 npx jest test/workflow/replay.test.ts
 *
 * Files of the same name are overwritten; any other file in the directory stays (e.g. a history
 * kept from an older workflow version while workflows started with it may still be running).
 * Re-record only after an intended, versioned change (workflow `patched()`): a replay failure
 * otherwise means the change would break running workflows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { SqliteEventStore } from '@tdkt/event-store';
import {
  MemorySecretKeyStore,
  awardDecisionWorkflowId,
  castSecretBallot,
  councilSessionWorkflowId,
  workerActivities,
  nominationWorkflowId,
  revocationWorkflowId,
  type CommandOutcome,
  type RevocationWorkflowArgs,
} from '@tdkt/temporal';
import {
  expectRefused,
  fixture,
  gateway,
  limits,
  startDevServer,
  tempDir,
  typesOf,
  waitFor,
  workflowArgs,
  workflowBundle,
} from './harness';
import { Driver, runToOutcome } from './scenarios';
import { historyToFixture } from './replay';
import { failingAfterAppend, oncePerEvent } from './faults';
import { SessionDriver, blindBallot, openBallotNomination, secretBallotNomination } from './council-session';
import { DecisionDriver, approvedByCouncil } from './award-decision';
import { councilSessionStreamName, nominationStreamName } from '@tdkt/domain';

const TASK_QUEUE = 'record-histories';

/** What each scenario leaves behind: the workflow ids whose histories are kept, by file name. */
type Recorded = Record<string, string>;
interface Ctx {
  d: Driver;
  s: SessionDriver;
  /** Short stage limits: reminder at 1 s, escalation at 2 s, council deadline 2 s. */
  fast: Driver;
  store: SqliteEventStore;
  /** Activities of this nomination fail once right after their append (submit and sign). */
  faulty: Set<string>;
  revoke(nominationId: string): Promise<CommandOutcome>;
  /** Waits for the nomination's workflow to end. */
  ended(nominationId: string): Promise<unknown>;
}

const nomination = (file: string, id: string): Recorded => ({ [file]: nominationWorkflowId(id) });

/** Every path, by fixture name. Each scenario uses its own nomination id (`rec-<name>`). */
export const SCENARIOS: Record<string, (c: Ctx, id: string) => Promise<Recorded>> = {
  awarded: async ({ d }, id) => {
    await runToOutcome(d, id, 'AWARDED');
    return nomination('awarded', id);
  },
  'returned-resubmitted-awarded': async ({ d }, id) => {
    await runToOutcome(d, id, 'RETURNED_THEN_AWARDED');
    return nomination('returned-resubmitted-awarded', id);
  },
  'rejected-at-cluster': async ({ d }, id) => {
    await runToOutcome(d, id, 'REJECTED_AT_CLUSTER');
    return nomination('rejected-at-cluster', id);
  },
  'rejected-by-council-threshold': async ({ d }, id) => {
    await runToOutcome(d, id, 'REJECTED_BY_COUNCIL');
    return nomination('rejected-by-council-threshold', id);
  },
  'rejected-by-council-quorum': async ({ d }, id) => {
    await d.draft(id);
    await d.submit(id);
    await d.endorse(id);
    await d.openVoting(id);
    await d.vote(id, 'hoidong2', 'approve');
    await d.closeVoting(id);
    return nomination('rejected-by-council-quorum', id);
  },
  'declined-by-chairman': async ({ d }, id) => {
    await runToOutcome(d, id, 'DECLINED');
    return nomination('declined-by-chairman', id);
  },
  'withdrawn-in-council': async ({ d }, id) => {
    await d.draft(id);
    await d.submit(id);
    await d.endorse(id);
    await d.openVoting(id);
    await d.councilVotes(id, 'approve');
    await d.withdraw(id);
    return nomination('withdrawn-in-council', id);
  },
  'one-off-awarded': async ({ d }, id) => {
    await d.draft(id);
    await d.submitOneOff(id);
    await d.openVoting(id);
    await d.councilVotes(id, 'approve');
    await d.sign(id);
    return nomination('one-off-awarded', id);
  },
  'hold-and-release': async ({ d }, id) => {
    await d.draft(id);
    await d.submit(id);
    await d.hold(id);
    await expectRefused(d.endorse(id), 'INVALID_STATE', 'ON_HOLD');
    await d.release(id);
    await d.endorse(id);
    await d.withdraw(id);
    return nomination('hold-and-release', id);
  },
  'refused-commands': async ({ d }, id) => {
    await d.draft(id);
    await expectRefused(d.submit(id, 'canbo.donvi1'), 'FORBIDDEN', 'ROLE_REQUIRED');
    await expectRefused(d.endorse(id), 'INVALID_STATE', 'WRONG_STAGE');
    await d.submit(id);
    await expectRefused(d.returnForRevision(id, ''), 'VALIDATION', 'REQUIRED'); // refused by the activity
    await d.endorse(id);
    await d.openVoting(id);
    await expectRefused(d.vote(id, 'hoidong1'), 'FORBIDDEN', 'MUST_RECUSE');
    await d.vote(id, 'hoidong2');
    await expectRefused(d.vote(id, 'hoidong2', 'reject'), 'INVALID_STATE', 'ALREADY_VOTED');
    await d.withdraw(id);
    return nomination('refused-commands', id);
  },
  // The office's check (patch `office-check-stage`): found incomplete, resubmitted, endorsed and found complete.
  'office-check-returned-then-complete': async ({ d }, id) => {
    await d.draft(id);
    await d.submit(id);
    await d.endorseOnly(id);
    await expectRefused(d.officeCheck(id, [' ']), 'VALIDATION', 'REQUIRED'); // refused by the activity
    await d.officeCheck(id, ['BIEN_BAN_HOP_XET']);
    await d.run(id, 'thutruong.donvi1', { type: 'ResubmitNomination' });
    await d.endorse(id);
    await d.withdraw(id);
    return nomination('office-check-returned-then-complete', id);
  },
  'draft-refused-by-validator': async ({ d, ended }, id) => {
    await expectRefused(d.draft(id, {}, 'thutruong.donvi1'), 'FORBIDDEN', 'ROLE_REQUIRED');
    await ended(id);
    return nomination('draft-refused-by-validator', id);
  },
  'draft-refused-by-activity': async ({ d, ended }, id) => {
    await expectRefused(d.draft(id, { awardCode: 'NO_SUCH_AWARD' }), 'VALIDATION', 'UNKNOWN_AWARD');
    await ended(id);
    return nomination('draft-refused-by-activity', id);
  },
  'stage-reminder-escalation': async ({ fast, store }, id) => {
    await fast.draft(id);
    await fast.submit(id);
    await waitFor(async () => (await typesOf(store, id)).includes('StageEscalated'), 30_000);
    await fast.endorse(id);
    await fast.withdraw(id);
    return nomination('stage-reminder-escalation', id);
  },
  'council-closed-at-deadline': async ({ fast, ended }, id) => {
    await fast.draft(id);
    await fast.submitOneOff(id);
    await fast.openVoting(id);
    await fast.vote(id, 'hoidong2', 'approve');
    await ended(id);
    return nomination('council-closed-at-deadline', id);
  },
  'activity-retried-after-append': async ({ d, faulty }, id) => {
    faulty.add(id);
    await runToOutcome(d, id, 'AWARDED');
    return nomination('activity-retried-after-append', id);
  },
  // A council session (open and secret items, quorum refused then met, written ballot, recusal, close),
  // and the nominations it decided (the session-outcome signal in their histories).
  'council-session': async ({ d, s, store }, id) => {
    const open = `${id}-open`;
    const secret = `${id}-secret`;
    await openBallotNomination(d, open, 'donvi1');
    await secretBallotNomination(d, secret);
    await s.convene(id, [open]);
    await s.run(id, 'thuky', { type: 'ChangeAgenda', add: [secret], remove: [] });
    await s.run(id, 'thuky', {
      type: 'RecordWrittenBallot',
      onBehalfOf: 'hoidong4',
      choices: [{ nominationId: open, choice: 'approve' }],
    });
    for (const m of ['hoidong1', 'hoidong2', 'hoidong3']) await s.run(id, m, { type: 'CheckIn' });
    await expectRefused(s.run(id, 'thuky', { type: 'OpenSession' }), 'INVALID_STATE', 'ATTENDANCE_QUORUM_NOT_MET');
    for (const m of ['hoidong5', 'hoidong6', 'hoidong7', 'hoidong8', 'hoidong9', 'hoidong10', 'chutich'])
      await s.run(id, m, { type: 'CheckIn' });
    await s.run(id, 'thuky', { type: 'OpenSession' });
    await s.run(id, 'hoidong2', { type: 'RecuseFromItem', nominationId: secret, reason: 'Người thân' });
    for (const m of ['hoidong2', 'hoidong3', 'hoidong5', 'chutich'])
      await s.run(id, m, { type: 'CastSessionBallot', choices: [{ nominationId: open, choice: 'approve' }] });
    const opened = (await store.readStream(councilSessionStreamName(id))).find(
      (e) => e.type === 'CouncilSessionOpened',
    );
    const key = (opened!.data as { secretItems: { publicKey: string }[] }).secretItems[0].publicKey;
    for (const m of ['hoidong3', 'hoidong5', 'chutich']) {
      const c = await blindBallot(key);
      const out = await s.run(id, m, {
        type: 'IssueBlindSignature',
        nominationId: secret,
        blindedMessage: c.blindedMessage,
      });
      await castSecretBallot(store, id, secret, {
        token: c.token,
        signature: await c.unblind(out.blindSignature!),
        choice: 'approve',
      });
    }
    await s.run(id, 'thuky', { type: 'CloseSession' });
    await s.client.workflow.getHandle(councilSessionWorkflowId(id)).result();
    for (const n of [open, secret])
      await waitFor(async () =>
        (await store.readStream(nominationStreamName(n))).some((e) => e.type === 'CouncilVotingClosed'),
      );
    return {
      'council-session': councilSessionWorkflowId(id),
      ...nomination('decided-in-session', open),
      ...nomination('rejected-in-session-secret-ballot', secret),
    };
  },
  // An award decision of two recipients: one taken off with a reason, the decision signed, the other
  // nomination AWARDED by the decision's signal (the decisionSigned signal in its history).
  'award-decision': async ({ d, s, store }, id) => {
    const [kept, removed] = await approvedByCouncil(d, s.client, TASK_QUEUE, store, 2);
    const dd = new DecisionDriver(s.client, TASK_QUEUE, d.f);
    await dd.draft(id, [kept, removed]);
    await dd.run(id, 'thuky', { type: 'RemoveRecipient', nominationId: removed, reason: 'Đang xác minh đơn thư' });
    await dd.sign(id);
    await s.client.workflow.getHandle(awardDecisionWorkflowId(id)).result();
    return { 'award-decision': awardDecisionWorkflowId(id), ...nomination('awarded-by-decision', kept) };
  },
  // An award decided above the province: public notice, council, the Chairman's submission, the central decision.
  'forwarded-central-award': async ({ d, store }, id) => {
    await d.draft(id, { awardCode: 'BANG_KHEN_THU_TUONG' });
    await d.submit(id);
    await d.endorse(id);
    await d.publishEndedNotice(store, [id]);
    await d.openVoting(id);
    await d.councilVotes(id, 'approve');
    await d.forward(id);
    await d.centralDecision(id);
    return nomination('forwarded-central-award', id);
  },
  revoked: async ({ d, revoke }, id) => {
    await runToOutcome(d, id, 'AWARDED');
    await revoke(id);
    return { ...nomination('revoked', id), 'revoked.revocation': revocationWorkflowId(id, `revoke-${id}`) };
  },
};

/** Every fixture file the scenarios write (without `.json`). */
export const FIXTURE_NAMES = [
  ...Object.keys(SCENARIOS),
  'revoked.revocation',
  'awarded-by-decision',
  'decided-in-session',
  'rejected-in-session-secret-ballot',
].sort();

/** `only`: the scenarios to record (default all), e.g. RECORD_HISTORIES_ONLY=council-session. */
export async function recordHistories(outDir: string, only?: string[]): Promise<string[]> {
  const env = await startDevServer();
  const tmp = tempDir('tdkt-record-');
  const store = SqliteEventStore.open(join(tmp.dir, 'events.sqlite'));
  const f = fixture();
  const faulty = new Set<string>();
  try {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: await workflowBundle(),
      activities: workerActivities({
        store: failingAfterAppend(store, oncePerEvent(faulty, ['NominationSubmitted', 'AwardDecisionSigned'])),
        directory: f.directory,
        catalog: f.catalog,
        decisionAuthority: f.directory.org.decisionAuthority,
        secretKeys: new MemorySecretKeyStore(),
      }),
    });
    const ctx: Ctx = {
      d: new Driver(gateway(env.client, TASK_QUEUE), f),
      s: new SessionDriver(env.client, TASK_QUEUE, f),
      fast: new Driver(
        gateway(
          env.client,
          TASK_QUEUE,
          workflowArgs({ stageTimeLimits: limits({ CLUSTER_REVIEW: 2, reminderAt: 0.5 }), councilVotingDays: 2 }),
        ),
        f,
      ),
      store,
      faulty,
      ended: (nominationId) => env.client.workflow.getHandle(nominationWorkflowId(nominationId)).result(),
      revoke: (nominationId) =>
        env.client.workflow.execute('revocationWorkflow', {
          workflowId: revocationWorkflowId(nominationId, `revoke-${nominationId}`),
          taskQueue: TASK_QUEUE,
          args: [
            {
              nominationId,
              commandId: `revoke-${nominationId}`,
              actor: f.actor('chutich'),
              intent: {
                type: 'RevokeAward',
                ground: 'CRITERIA_NOT_MET',
                comment: 'Thanh tra kết luận không đạt tiêu chuẩn',
              },
            } satisfies RevocationWorkflowArgs,
          ],
        }),
    };
    const stamp = Date.now().toString(36);
    const recorded = await worker.runUntil(async () => {
      const chosen = Object.entries(SCENARIOS).filter(([name]) => !only || only.includes(name));
      const all = await Promise.all(chosen.map(([name, run]) => run(ctx, `rec-${name}-${stamp}`)));
      return Object.assign({}, ...all) as Recorded;
    });

    mkdirSync(outDir, { recursive: true });
    const written: string[] = [];
    for (const [name, workflowId] of Object.entries(recorded).sort()) {
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
      const file = join(outDir, `${name}.json`);
      writeFileSync(file, historyToFixture(workflowId, history));
      written.push(file);
    }
    return written;
  } finally {
    await store.close();
    await env.teardown();
    tmp.remove();
  }
}
