import type { Actor } from '../../shared/actor';
import { domainError, forbidden, invalid } from '../../shared/errors';
import type { CouncilMember } from '../../nomination/nomination.types';
import type {
  CastSessionBallot,
  IssueBlindSignature,
  RecordWrittenBallot,
  RecuseFromItem,
} from '../council-session.commands';
import type { BlindSignatureIssued, SessionBallotCast, SessionMemberRecused } from '../council-session.events';
import { conflicted, mayVoteOn } from '../council-session.guard';
import type { ExistingSession } from '../council-session.state';
import type { BallotChoice, SessionItem } from '../council-session.types';
import type { SessionCommon } from './shared';

const CHOICES = ['approve', 'reject', 'abstain'];

function itemOf(s: ExistingSession, nominationId: unknown, field: string): SessionItem {
  const item = s.agenda.find((i) => i.nominationId === nominationId);
  if (!item)
    throw domainError('NOT_ON_AGENDA', `Hồ sơ ${String(nominationId)} không có trong chương trình phiên họp`, field);
  return item;
}

/** The roster entry, with the unit of the member's own identity when they act themselves. */
const rosterOf = (s: ExistingSession, userId: string, actor?: Actor): CouncilMember & { actorUnitId?: string } => {
  const m = s.members.find((x) => x.userId === userId) ?? { userId };
  return actor?.unitId !== undefined ? { ...m, actorUnitId: actor.unitId } : m;
};

export function recuseFromItem(
  command: RecuseFromItem,
  s: ExistingSession,
  common: SessionCommon,
): SessionMemberRecused[] {
  const item = itemOf(s, command.nominationId, 'nominationId');
  const me = command.actor.userId;
  if ((s.recused[item.nominationId] ?? []).includes(me))
    throw domainError('RECUSED_FROM_ITEM', 'Thành viên đã rút khỏi biểu quyết hồ sơ này', 'nominationId');
  if (!item.policy.secretBallot && s.ballots[me]) throw domainError('BALLOT_ALREADY_CAST');
  if (s.issued[item.nominationId]?.[me]) throw domainError('SIGNATURE_ALREADY_ISSUED');
  const reason = command.reason?.trim() || 'Xung đột lợi ích';
  return [{ type: 'SessionMemberRecused', data: { ...common, nominationId: item.nominationId, reason } }];
}

/**
 * One choice per open-ballot item the member may vote on, no more: an item off the agenda, a secret
 * item, a duplicate, an item the member recused from (or must recuse from) is refused by field.
 */
function checkChoices(s: ExistingSession, voter: CouncilMember & { actorUnitId?: string }, choices: BallotChoice[]) {
  if (!Array.isArray(choices)) throw invalid('REQUIRED', 'Cần danh sách lựa chọn', 'choices');
  const seen = new Set<string>();
  choices.forEach((c, i) => {
    const item = itemOf(s, c?.nominationId, `choices[${i}].nominationId`);
    if (!CHOICES.includes(c.choice))
      throw invalid('CHOICE', 'choice phải là approve, reject hoặc abstain', `choices[${i}].choice`);
    if (seen.has(item.nominationId))
      throw domainError(
        'DUPLICATE_CHOICE',
        `Hai lựa chọn cho hồ sơ ${item.nominationId}`,
        `choices[${i}].nominationId`,
      );
    seen.add(item.nominationId);
    if (item.policy.secretBallot)
      throw domainError(
        'SECRET_ITEM',
        `Hồ sơ ${item.nominationId} bỏ phiếu kín: bỏ phiếu bằng mã phiếu ẩn danh, không ghi trong phiếu công khai`,
        `choices[${i}].nominationId`,
      );
    if ((s.recused[item.nominationId] ?? []).includes(voter.userId))
      throw domainError(
        'RECUSED_FROM_ITEM',
        `Thành viên đã rút khỏi biểu quyết hồ sơ ${item.nominationId}`,
        `choices[${i}].nominationId`,
      );
    if (conflicted(voter, item))
      throw forbidden(
        'MUST_RECUSE',
        `Thành viên phải rút khỏi biểu quyết hồ sơ ${item.nominationId} (cùng đơn vị, chính người được đề nghị, hoặc người lập/trình hồ sơ)`,
      );
  });
  const missing = s.agenda.filter((i) => !i.policy.secretBallot && mayVoteOn(voter, i, s) && !seen.has(i.nominationId));
  if (missing.length)
    throw domainError(
      'CHOICES_MISSING',
      `Phiếu biểu quyết thiếu lựa chọn cho ${missing.length} hồ sơ: ${missing
        .slice(0, 5)
        .map((i) => i.nominationId)
        .join(', ')}${missing.length > 5 ? ', …' : ''}`,
      'choices',
    );
  return choices.map((c) => ({ nominationId: c.nominationId, choice: c.choice }));
}

export function castSessionBallot(
  command: CastSessionBallot,
  s: ExistingSession,
  common: SessionCommon,
): SessionBallotCast[] {
  const me = command.actor.userId;
  const choices = checkChoices(s, rosterOf(s, me, command.actor), command.choices);
  return [{ type: 'SessionBallotCast', data: { ...common, member: me, choices, inWriting: false } }];
}

export function recordWrittenBallot(
  command: RecordWrittenBallot,
  s: ExistingSession,
  common: SessionCommon,
): SessionBallotCast[] {
  const member = command.onBehalfOf;
  if (typeof member !== 'string' || !s.members.some((m) => m.userId === member))
    throw domainError('ON_BEHALF_OF', 'Phiếu gửi trước phải là của một thành viên hội đồng', 'onBehalfOf');
  if (s.present.includes(member)) throw domainError('PRESENT_MEMBER');
  if (s.ballots[member]) throw domainError('BALLOT_ALREADY_CAST');
  const choices = checkChoices(s, rosterOf(s, member), command.choices);
  return [{ type: 'SessionBallotCast', data: { ...common, member, choices, inWriting: true } }];
}

/**
 * A present member who may vote on a secret item gets ONE blind signature for it. The event names
 * the member and the hash of the blinded request (a retry of the same request is no new issuance).
 */
export function issueBlindSignature(
  command: IssueBlindSignature,
  s: ExistingSession,
  common: SessionCommon,
): BlindSignatureIssued[] {
  const item = itemOf(s, command.nominationId, 'nominationId');
  if (!item.policy.secretBallot)
    throw domainError('NOT_SECRET_ITEM', `Hồ sơ ${item.nominationId} biểu quyết công khai`, 'nominationId');
  const me = command.actor.userId;
  if ((s.recused[item.nominationId] ?? []).includes(me))
    throw domainError('RECUSED_FROM_ITEM', 'Thành viên đã rút khỏi biểu quyết hồ sơ này', 'nominationId');
  if (conflicted(rosterOf(s, me, command.actor), item))
    throw forbidden('MUST_RECUSE', 'Thành viên phải rút khỏi biểu quyết hồ sơ này');
  if (!command.requestHash) throw invalid('REQUIRED', 'Thiếu thông điệp đã làm mù', 'blindedMessage');
  const before = s.issued[item.nominationId]?.[me];
  if (before === command.requestHash) return []; // the same request again: sign it again, issue nothing new
  if (before) throw domainError('SIGNATURE_ALREADY_ISSUED');
  return [
    {
      type: 'BlindSignatureIssued',
      data: { ...common, nominationId: item.nominationId, requestHash: command.requestHash },
    },
  ];
}
