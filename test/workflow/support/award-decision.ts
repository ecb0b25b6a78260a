/**
 * Award-decision test helpers: nominations brought to the Chairman's decision through the council
 * (a council session of many items: the quickest path the office takes), and the decision gateway.
 * When a stage is added before the council, only `approvedByCouncil` changes.
 */
import type { Client } from '@temporalio/client';
import type { EventStore } from '@tdkt/event-store';
import { AwardDecisionGateway, type DecisionIntent } from '@tdkt/temporal';
import { foldRecorded } from '@tdkt/event-store';
import { nominationDecider, type NominationState } from '@tdkt/domain';
import { randomBytes } from 'node:crypto';
import { mapLimit, newId, streamOf, waitFor, type Fixture } from './harness';
import type { Driver } from './scenarios';
import { SessionDriver, openBallotNomination } from './council-session';

const MEMBERS = [...Array.from({ length: 10 }, (_, i) => `hoidong${i + 1}`), 'chutich'];

/**
 * `count` nominations (half donvi1, half donvi3) approved by one council session: each waits for
 * the Chairman's decision. Returns their ids.
 */
export async function approvedByCouncil(
  d: Driver,
  client: Client,
  taskQueue: string,
  store: EventStore,
  count: number,
): Promise<string[]> {
  const A = Array.from({ length: Math.ceil(count / 2) }, () => newId('a'));
  const B = Array.from({ length: Math.floor(count / 2) }, () => newId('b'));
  await mapLimit(
    [...A.map((id) => [id, 'donvi1'] as const), ...B.map((id) => [id, 'donvi3'] as const)],
    8,
    ([id, unit]) => openBallotNomination(d, id, unit),
  );
  const all = [...A, ...B];
  const s = new SessionDriver(client, taskQueue, d.f);
  const sessionId = newId('phien');
  await s.convene(sessionId, all);
  for (const m of MEMBERS) await s.run(sessionId, m, { type: 'CheckIn' });
  await s.run(sessionId, 'thuky', { type: 'OpenSession' });
  // Conflicts per item: hoidong1 is of donvi1, hoidong3 of donvi3 (each votes on the other unit only).
  const votesOn = (m: string) => (m === 'hoidong1' ? B : m === 'hoidong3' ? A : all);
  for (const m of MEMBERS)
    await s.run(sessionId, m, {
      type: 'CastSessionBallot',
      choices: votesOn(m).map((nominationId) => ({ nominationId, choice: 'approve' })),
    });
  await waitFor(
    async () =>
      (
        await Promise.all(
          all.map(
            async (id) => foldRecorded<any, NominationState>(nominationDecider, await streamOf(store, id)).status,
          ),
        )
      ).every((st) => st === 'AWAITING_SIGNATURE'),
    120_000,
    500,
  );
  return all;
}

export class DecisionDriver {
  readonly gateway: AwardDecisionGateway;
  constructor(
    client: Client,
    taskQueue: string,
    readonly f: Fixture,
  ) {
    this.gateway = new AwardDecisionGateway(client, { taskQueue });
  }
  run(decisionId: string, username: string, intent: DecisionIntent) {
    return this.gateway.execute(decisionId, intent, this.f.actor(username));
  }
  draft(decisionId: string, nominationIds: string[], title = 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh') {
    return this.run(decisionId, 'thuky', {
      type: 'DraftDecision',
      title,
      nominationIds,
      verificationCodes: nominationIds.map(() => randomBytes(16).toString('base64url')),
    });
  }
  /** The Chairman revokes an award: a revocation decision (its own id), numbered like any decision. */
  revoke(decisionId: string, nominationId: string, number?: string, username = 'chutich') {
    return this.run(decisionId, username, {
      type: 'IssueRevocation',
      nominationId,
      ground: 'CRITERIA_NOT_MET',
      reason: 'Thanh tra kết luận không đủ tiêu chuẩn',
      ...(number ? { number } : {}),
    });
  }
  sign(decisionId: string, number?: string) {
    return this.run(decisionId, 'chutich', { type: 'SignDecision', ...(number ? { number } : {}) });
  }
}
