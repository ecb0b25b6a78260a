import { actingAs, hasRole, type ActingAs, type Actor, type Role } from '../shared/actor';
import { domainError, forbidden, invalidState } from '../shared/errors';
import type { CouncilMember } from '../nomination/nomination.types';
import type { CouncilSessionCommandType } from './council-session.commands';
import type { CouncilSessionState, ExistingSession } from './council-session.state';
import type { SessionItem, SessionStatus } from './council-session.types';

/**
 * The checks that need only the actor and the session's state: role, roster, stage, presence. The
 * session workflow's Update validators run exactly this; `decideSession` runs it again with the data.
 */
export function guardSession(type: CouncilSessionCommandType, actor: Actor, state: CouncilSessionState): ActingAs {
  if (type === 'ConveneSession') {
    if (state.status !== 'NONE') throw domainError('SESSION_ALREADY_EXISTS');
    return as(actor, 'COUNCIL_SECRETARY');
  }
  if (state.status === 'NONE') throw domainError('SESSION_NOT_FOUND');
  const s = state;
  switch (type) {
    case 'ChangeAgenda': {
      const by = as(actor, 'COUNCIL_SECRETARY');
      if (s.status !== 'SCHEDULED') throw domainError('AGENDA_FROZEN');
      return by;
    }
    case 'CheckIn': {
      const by = member(actor, s);
      during(s, 'SCHEDULED', 'OPEN');
      if (s.present.includes(actor.userId)) throw domainError('ALREADY_CHECKED_IN');
      return by;
    }
    case 'OpenSession': {
      const by = as(actor, 'COUNCIL_SECRETARY');
      during(s, 'SCHEDULED');
      return by;
    }
    case 'RecuseFromItem': {
      const by = member(actor, s);
      during(s, 'SCHEDULED', 'OPEN');
      return by;
    }
    case 'CastSessionBallot': {
      const by = member(actor, s);
      during(s, 'OPEN');
      if (!s.present.includes(actor.userId)) throw domainError('NOT_PRESENT');
      if (s.ballots[actor.userId]) throw domainError('BALLOT_ALREADY_CAST');
      return by;
    }
    case 'RecordWrittenBallot': {
      const by = as(actor, 'COUNCIL_SECRETARY');
      during(s, 'SCHEDULED', 'OPEN');
      return by;
    }
    case 'IssueBlindSignature': {
      const by = member(actor, s);
      during(s, 'OPEN');
      if (!s.present.includes(actor.userId)) throw domainError('NOT_PRESENT');
      return by;
    }
    case 'CloseSession': {
      const by = hasRole(actor, 'SYSTEM') ? actingAs(actor, 'SYSTEM') : as(actor, 'COUNCIL_SECRETARY');
      if (s.status === 'SCHEDULED') throw domainError('SESSION_NOT_OPEN');
      return by; // closing a closed session is a no-op (decideSession)
    }
  }
}

/**
 * Whether a roster member may vote on an item: not the nominee, not from the nominee's unit (by
 * the roster or the member's own identity), not its drafter or proposer, and not recused.
 */
export function mayVoteOn(m: CouncilMember & { actorUnitId?: string }, item: SessionItem, s: ExistingSession): boolean {
  return !conflicted(m, item) && !(s.recused[item.nominationId] ?? []).includes(m.userId);
}

/** Conflict of interest by rule (the member must recuse), independent of any recusal recorded. */
export function conflicted(m: CouncilMember & { actorUnitId?: string }, item: SessionItem): boolean {
  const units = [m.unitId, m.actorUnitId].filter((u): u is string => u !== undefined);
  if (units.includes(item.unitId)) return true;
  if (item.nominee.userId !== undefined && item.nominee.userId === m.userId) return true;
  return item.involved.includes(m.userId);
}

/** Members who may vote on some open-ballot item and have no ballot in yet: the session waits for them. */
export function pendingBallots(s: ExistingSession): CouncilMember[] {
  const open = s.agenda.filter((i) => !i.policy.secretBallot);
  return s.members.filter((m) => !s.ballots[m.userId] && open.some((i) => mayVoteOn(m, i, s)));
}

/** Per secret item, how many members may vote on it (the most ballots its box can hold). */
export function secretVoters(s: ExistingSession, item: SessionItem): number {
  return s.members.filter((m) => mayVoteOn(m, item, s)).length;
}

function as(actor: Actor, role: Role): ActingAs {
  if (!hasRole(actor, role)) throw forbidden('ROLE_REQUIRED', `Thao tác này cần vai trò ${role}`);
  return actingAs(actor, role);
}

function member(actor: Actor, s: ExistingSession): ActingAs {
  const by = as(actor, 'COUNCIL_MEMBER');
  if (!s.members.some((m) => m.userId === actor.userId)) throw domainError('NOT_A_COUNCIL_MEMBER');
  return by;
}

function during(s: ExistingSession, ...allowed: SessionStatus[]) {
  if (allowed.includes(s.status)) return;
  if (s.status === 'CLOSED') throw domainError('SESSION_CLOSED');
  if (s.status === 'OPEN') throw invalidState('WRONG_STAGE', 'Phiên họp đã khai mạc');
  throw domainError('SESSION_NOT_OPEN');
}
