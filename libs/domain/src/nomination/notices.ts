import { awaiteeKey } from './awaitee';
import type { NominationEvent } from './nomination.events';
import { awaiting } from './nomination.guard';
import type { NominationState } from './nomination.state';

/** What a person may choose to receive: a stage waits for them, a time limit, how a nomination ended. */
export type NoticeKind = 'awaiting' | 'overdue' | 'outcome';
export const NOTICE_KINDS: readonly NoticeKind[] = ['awaiting', 'overdue', 'outcome'];

export type NoticeReason =
  | 'AWAITING'
  | 'REMINDER'
  | 'ESCALATED'
  | 'ESCALATED_TO_YOU'
  | 'AWARDED'
  | 'REJECTED'
  | 'RETURNED'
  | 'WITHDRAWN'
  | 'REVOKED';

export interface Notice {
  kind: NoticeKind;
  reason: NoticeReason;
  /** Who is concerned, as awaitee keys (`UNIT_HEAD:donvi1`, `COUNCIL_MEMBER:hoidong2`, `CHAIRMAN`). */
  to: string[];
}

const OUTCOME_OF: Partial<Record<NominationEvent['type'], NoticeReason>> = {
  AwardDecisionSigned: 'AWARDED',
  CentralAwardDecided: 'AWARDED',
  NominationReturnedForRevision: 'RETURNED',
  NominationWithdrawn: 'WITHDRAWN',
  AwardRevoked: 'REVOKED',
};

/**
 * Who an event concerns, and why, from the state before and after it. In priority order: a person
 * meant by several notices of one event is told once, by the first (the projection resolves keys
 * to persons). The actor of the event is never told of their own act (the caller drops them).
 *  - outcome: the proposing unit (its officers and head) when its nomination is awarded, rejected
 *    (by the cluster, the council or the Chairman), returned with reasons, withdrawn or revoked;
 *  - overdue: the awaited at a reminder or an escalation, and whom it is escalated to;
 *  - awaiting: whoever the nomination newly waits for (a new stage, voting opened, a hold, a
 *    council whose last pending member voted hands over to the secretary).
 */
export function noticesOf(before: NominationState, event: NominationEvent, after: NominationState): Notice[] {
  if (after.status === 'NONE') return [];
  const notices: Notice[] = [];
  const outcome =
    OUTCOME_OF[event.type] ?? (after.status === 'REJECTED' && before.status !== 'REJECTED' ? 'REJECTED' : undefined);
  if (outcome)
    notices.push({
      kind: 'outcome',
      reason: outcome,
      to: [awaiteeKey('UNIT_OFFICER', after.unitId), awaiteeKey('UNIT_HEAD', after.unitId)],
    });
  if (event.type === 'StageReminderIssued')
    notices.push({ kind: 'overdue', reason: 'REMINDER', to: [...event.data.awaiting] });
  if (event.type === 'StageEscalated') {
    notices.push({ kind: 'overdue', reason: 'ESCALATED', to: [...event.data.awaiting] });
    notices.push({ kind: 'overdue', reason: 'ESCALATED_TO_YOU', to: [event.data.escalatedTo] });
  }
  const newStage =
    before.status === 'NONE' ||
    before.status !== after.status ||
    before.onHold !== after.onHold ||
    Boolean(before.council?.open) !== Boolean(after.council?.open);
  const already = newStage ? [] : awaiting(before);
  const fresh = [...new Set(awaiting(after))].filter((k) => !already.includes(k));
  if (fresh.length) notices.push({ kind: 'awaiting', reason: 'AWAITING', to: fresh });
  return notices.filter((n) => n.to.length > 0);
}
