import { Actor, ActingAs, Role, actingAs, hasRole } from '../shared/actor';
import { domainError, forbidden, invalidState, nominationNotFound } from '../shared/errors';
import { roleLabel, statusLabel } from '../shared/labels';
import { awaiteeKey } from './awaitee';
import type { NominationCommandType } from './nomination.commands';
import { ExistingNomination, NominationState, TERMINAL_STATUSES } from './nomination.state';
import type { CouncilMember, Nominee, NominationStatus } from './nomination.types';

/**
 * The checks that need nothing but the actor and the nomination's state: role, scope, stage,
 * hold, separation of duties, council membership. The workflow's Update validators run exactly
 * this (synchronously, before anything is written); `decide` runs it again with full context.
 * Returns the role the actor acts in, or throws a DomainError.
 */
export function guard(type: NominationCommandType, actor: Actor, state: NominationState): ActingAs {
  if (type === 'DraftNomination') {
    if (state.status !== 'NONE') throw invalidState('ALREADY_EXISTS', 'Hồ sơ đề nghị này đã tồn tại');
    return as(actor, 'UNIT_OFFICER');
  }
  if (state.status === 'NONE') throw nominationNotFound();
  const s = state;
  switch (type) {
    case 'EditNomination': {
      const by = as(actor, 'UNIT_OFFICER');
      ofUnit(actor, s);
      notNominee(actor, s);
      progressing(s, 'DRAFT', 'RETURNED');
      return by;
    }
    case 'SubmitNomination': {
      const by = as(actor, 'UNIT_HEAD');
      ofUnit(actor, s);
      notNominee(actor, s);
      progressing(s, 'DRAFT');
      return by;
    }
    case 'ResubmitNomination': {
      const by = as(actor, 'UNIT_HEAD');
      ofUnit(actor, s);
      notNominee(actor, s);
      progressing(s, 'RETURNED');
      return by;
    }
    case 'ReviewAtCluster': {
      const by = as(actor, 'CLUSTER_LEADER');
      if (actor.clusterId !== s.clusterId)
        throw forbidden('OUT_OF_SCOPE', 'Chỉ trưởng cụm/khối của đơn vị đề nghị được xét hồ sơ này');
      notInvolved(actor, s);
      notNominee(actor, s);
      progressing(s, 'CLUSTER_REVIEW');
      return by;
    }
    case 'OpenCouncilVoting': {
      const by = as(actor, 'COUNCIL_SECRETARY');
      notNominee(actor, s);
      progressing(s, 'COUNCIL_VOTING');
      if (s.council?.open) throw invalidState('VOTING_ALREADY_OPEN', 'Hội đồng đã mở biểu quyết hồ sơ này');
      return by;
    }
    case 'CastCouncilVote':
    case 'RecuseFromCouncil': {
      const by = as(actor, 'COUNCIL_MEMBER');
      progressing(s, 'COUNCIL_VOTING');
      const council = s.council;
      if (!council?.open) throw invalidState('VOTING_NOT_OPEN', 'Hội đồng chưa mở biểu quyết hồ sơ này');
      if (!council.members.some((m) => m.userId === actor.userId))
        throw forbidden('NOT_A_COUNCIL_MEMBER', 'Người này không thuộc thành phần hội đồng biểu quyết hồ sơ này');
      if (council.votes[actor.userId] !== undefined)
        throw invalidState('ALREADY_VOTED', 'Thành viên đã biểu quyết hồ sơ này');
      if (council.recused.includes(actor.userId))
        throw invalidState('ALREADY_RECUSED', 'Thành viên đã rút khỏi việc biểu quyết hồ sơ này');
      if (type === 'CastCouncilVote') {
        notInvolved(actor, s);
        if (mustRecuse(actor, s))
          throw forbidden(
            'MUST_RECUSE',
            'Thành viên cùng đơn vị với người được đề nghị (hoặc chính người được đề nghị) phải rút khỏi biểu quyết',
          );
      }
      return by;
    }
    case 'CloseCouncilVoting': {
      const by = hasRole(actor, 'SYSTEM') ? actingAs(actor, 'SYSTEM') : as(actor, 'COUNCIL_SECRETARY');
      notNominee(actor, s);
      progressing(s, 'COUNCIL_VOTING');
      if (!s.council?.open) throw invalidState('VOTING_NOT_OPEN', 'Hội đồng chưa mở biểu quyết hồ sơ này');
      return by;
    }
    case 'RecordSessionOutcome': {
      // The session's workflow only; a nomination on hold still learns the vote (it cannot be signed on hold).
      const by = as(actor, 'SYSTEM');
      if (s.status !== 'COUNCIL_VOTING')
        throw invalidState('WRONG_STAGE', `Hồ sơ đang ở bước ${s.status}, không ghi nhận được kết quả phiên họp`);
      if (s.council?.open) throw invalidState('VOTING_ALREADY_OPEN', 'Hồ sơ đang được lấy ý kiến bằng văn bản');
      return by;
    }
    case 'SignAwardDecision':
    case 'DeclineSignature': {
      const by = as(actor, 'CHAIRMAN');
      notInvolved(actor, s);
      notNominee(actor, s);
      progressing(s, 'AWAITING_SIGNATURE');
      // An award decided above the province is forwarded (ForwardToCentral); the Chairman may still decline.
      if (type === 'SignAwardDecision' && s.award.awardedBy === 'CENTRAL') throw domainError('CENTRAL_AWARD');
      return by;
    }
    case 'PutOnHold': {
      const by = as(actor, 'COUNCIL_SECRETARY');
      notNominee(actor, s);
      notEnded(s);
      if (s.onHold) throw invalidState('ALREADY_ON_HOLD', 'Hồ sơ đang bị tạm dừng');
      return by;
    }
    case 'ReleaseFromHold': {
      const by = as(actor, 'COUNCIL_SECRETARY');
      notNominee(actor, s);
      notEnded(s);
      if (!s.onHold) throw invalidState('NOT_ON_HOLD', 'Hồ sơ không bị tạm dừng');
      return by;
    }
    case 'WithdrawNomination': {
      const by = as(actor, 'UNIT_HEAD');
      ofUnit(actor, s);
      notNominee(actor, s);
      if (s.status === 'AWARDED' || s.status === 'REVOKED')
        throw invalidState(
          'ALREADY_SIGNED',
          'Quyết định khen thưởng đã ký: không thể rút hồ sơ (chỉ có thể hủy bỏ khen thưởng)',
        );
      notEnded(s);
      return by;
    }
    case 'RevokeAward': {
      const by = as(actor, 'CHAIRMAN');
      notNominee(actor, s);
      if (s.status !== 'AWARDED') throw invalidState('NOT_AWARDED', 'Chỉ hủy bỏ được khen thưởng đã được quyết định');
      return by;
    }
    case 'ForwardToCentral': {
      const by = as(actor, 'CHAIRMAN');
      notInvolved(actor, s);
      notNominee(actor, s);
      progressing(s, 'AWAITING_SIGNATURE');
      if (s.award.awardedBy !== 'CENTRAL') throw domainError('NOT_CENTRAL_AWARD');
      return by;
    }
    case 'RecordCentralDecision': {
      const by = as(actor, 'COUNCIL_SECRETARY');
      notNominee(actor, s);
      progressing(s, 'FORWARDED');
      return by;
    }
    case 'IssueStageReminder':
    case 'EscalateStage': {
      const by = as(actor, 'SYSTEM');
      notEnded(s);
      return by;
    }
  }
}

/** Who the nomination currently waits for, as awaitee keys (for reminders, escalation and the inbox). */
export function awaiting(state: NominationState): string[] {
  if (state.status === 'NONE') return [];
  if (state.onHold) return ['COUNCIL_SECRETARY'];
  switch (state.status) {
    case 'DRAFT':
      return [awaiteeKey('UNIT_HEAD', state.unitId)];
    case 'RETURNED':
      return [awaiteeKey('UNIT_HEAD', state.unitId), awaiteeKey('UNIT_OFFICER', state.unitId)];
    case 'CLUSTER_REVIEW':
      return [awaiteeKey('CLUSTER_LEADER', state.clusterId)];
    case 'COUNCIL_VOTING': {
      const c = state.council;
      if (!c?.open) return ['COUNCIL_SECRETARY'];
      const pending = c.members.filter((m) => c.votes[m.userId] === undefined && !c.recused.includes(m.userId));
      return pending.length ? pending.map((m) => awaiteeKey('COUNCIL_MEMBER', m.userId)) : ['COUNCIL_SECRETARY'];
    }
    case 'AWAITING_SIGNATURE':
      return ['CHAIRMAN'];
    case 'FORWARDED':
      return ['COUNCIL_SECRETARY'];
    default:
      return [];
  }
}

/**
 * A member from the nominee's unit, or the nominee, must recuse. The unit is taken from both the
 * roster stamped at opening and the member's own identity: if either says the nominee's unit, the
 * member is conflicted (a stale roster must not let a colleague vote).
 */
export function mustRecuse(actor: Actor, s: ExistingNomination): boolean {
  const member = s.council?.members.find((m) => m.userId === actor.userId);
  const units = [member?.unitId, actor.unitId].filter((u): u is string => u !== undefined);
  return units.includes(s.unitId) || isNominee(actor, s.nominee) || (!!member && isNominee(member, s.nominee));
}

/**
 * Whether this person is the nominee. Two ways, either suffices: the account named on the nominee
 * (`nominee.userId`, given when drafting), or the person identifier the organisation file gives the
 * user (`personId`, e.g. `cccd-083090001234`) equal to the nominee's identifier (`nominee.nomineeId`).
 * The second does not depend on the drafter naming the account, and holds for users added later.
 * Names are never compared (namesakes are common).
 */
export function isNominee(person: { userId: string; personId?: string }, nominee: Nominee): boolean {
  return (
    (nominee.userId !== undefined && nominee.userId === person.userId) ||
    (person.personId !== undefined && person.personId !== '' && person.personId === nominee.nomineeId)
  );
}

/**
 * Whether a council member on the roster may vote on this nomination at all: not the nominee, not
 * from the nominee's unit, not its drafter or proposer. The others can only recuse, so the voting
 * does not wait for them (their recusal would not change the tally either).
 */
export function mayVote(member: CouncilMember, s: ExistingNomination): boolean {
  if (member.unitId !== undefined && member.unitId === s.unitId) return false;
  if (isNominee(member, s.nominee)) return false;
  return !s.drafters.includes(member.userId) && !s.proposers.includes(member.userId);
}

/** Members who may vote and have neither voted nor recused: the ones voting still waits for. */
export function pendingVoters(s: ExistingNomination): CouncilMember[] {
  const c = s.council;
  if (!c) return [];
  return c.members.filter((m) => c.votes[m.userId] === undefined && !c.recused.includes(m.userId) && mayVote(m, s));
}

function as(actor: Actor, role: Role): ActingAs {
  if (!hasRole(actor, role)) throw forbidden('ROLE_REQUIRED', `Thao tác này cần vai trò ${roleLabel(role)}`);
  return actingAs(actor, role);
}

function ofUnit(actor: Actor, s: ExistingNomination) {
  if (actor.unitId !== s.unitId) throw forbidden('OUT_OF_SCOPE', 'Chỉ đơn vị đề nghị được thao tác trên hồ sơ này');
}

/** Separation of duties: whoever drafted or proposed a nomination never reviews, votes on or signs it. */
function notInvolved(actor: Actor, s: ExistingNomination) {
  if (s.drafters.includes(actor.userId) || s.proposers.includes(actor.userId))
    throw forbidden('SEPARATION_OF_DUTIES', 'Người lập hoặc trình hồ sơ không được xét, biểu quyết hay ký hồ sơ đó');
}

/** The nominee takes no step on their own nomination (they may only recuse from the council's vote). */
function notNominee(actor: Actor, s: ExistingNomination) {
  if (!hasRole(actor, 'SYSTEM') && isNominee(actor, s.nominee)) throw domainError('OWN_NOMINATION');
}

function notEnded(s: ExistingNomination) {
  if (TERMINAL_STATUSES.includes(s.status))
    throw invalidState('NOMINATION_CLOSED', `Hồ sơ đã kết thúc (${statusLabel(s.status)})`);
}

function progressing(s: ExistingNomination, ...allowed: NominationStatus[]) {
  if (!allowed.includes(s.status))
    throw invalidState(
      'WRONG_STAGE',
      `Hồ sơ đang ở bước "${statusLabel(s.status)}", không thực hiện được thao tác này`,
    );
  if (s.onHold)
    throw invalidState('ON_HOLD', 'Hồ sơ đang tạm dừng (đang xem xét kỷ luật, thanh tra, khiếu nại hoặc tố cáo)');
}
