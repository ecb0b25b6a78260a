import { domainError, invalid, invalidState } from '../../shared/errors';
import { ineligibleItems } from '../agenda-admission';
import type { CheckIn, OpenSession } from '../council-session.commands';
import type { CouncilSessionOpened, SessionItemRemoved, SessionMemberCheckedIn } from '../council-session.events';
import type { ExistingSession } from '../council-session.state';
import type { SessionCommon } from './shared';

export function checkIn(_command: CheckIn, _s: ExistingSession, common: SessionCommon): SessionMemberCheckedIn[] {
  return [{ type: 'SessionMemberCheckedIn', data: { ...common } }];
}

/** Members a session needs present to open: a share of ALL members, in whole counts. */
export const attendanceRequired = (s: Pick<ExistingSession, 'members' | 'attendance'>) =>
  Math.ceil(s.attendance.quorum * s.members.length - 1e-9);

/**
 * Opening opens voting on every item at once; each secret item gets the key the caller made for it.
 * An item whose nominee no longer meets the award's conditions is first taken off the agenda, with why:
 * the council votes only on the eligible (as the written vote does when it opens).
 */
export function openSession(
  command: OpenSession,
  s: ExistingSession,
  common: SessionCommon,
): (SessionItemRemoved | CouncilSessionOpened)[] {
  if (s.agenda.length === 0) throw domainError('EMPTY_AGENDA');
  const onAgenda = new Set(s.agenda.map((i) => i.nominationId));
  const out = ineligibleItems((command.eligibility ?? []).filter((c) => onAgenda.has(c.nominationId)));
  const agenda = s.agenda.filter((i) => !out.some((o) => o.nominationId === i.nominationId));
  if (agenda.length === 0)
    throw invalidState(
      'NOT_ELIGIBLE',
      `Không còn hồ sơ nào đủ điều kiện để hội đồng xét: ${out.map((o) => o.reason).join(' | ')}`,
    );
  const required = attendanceRequired(s);
  if (s.present.length < required)
    throw domainError(
      'ATTENDANCE_QUORUM_NOT_MET',
      `Mới có ${s.present.length}/${s.members.length} thành viên có mặt; cần ít nhất ${required} (${Math.round(s.attendance.quorum * 100)}% tổng số thành viên — ${s.attendance.source})`,
    );
  const secret = agenda.filter((i) => i.policy.secretBallot).map((i) => i.nominationId);
  // A withdrawn secret item's key (made before the check) is not published; it is destroyed at close.
  const keys = command.secretKeys.filter((k) => !out.some((o) => o.nominationId === k.nominationId));
  const keyed = keys.map((k) => k.nominationId);
  if (secret.length !== keyed.length || secret.some((id) => !keyed.includes(id)))
    throw invalid('REQUIRED', 'Mỗi nội dung bỏ phiếu kín cần đúng một khóa', 'secretKeys');
  return [
    ...out.map(({ nominationId, code, reason }): SessionItemRemoved => ({
      type: 'SessionItemRemoved',
      data: { ...common, nominationId, withdrawn: { code, reason } },
    })),
    {
      type: 'CouncilSessionOpened',
      data: { ...common, present: [...s.present], required, secretItems: keys },
    },
  ];
}
