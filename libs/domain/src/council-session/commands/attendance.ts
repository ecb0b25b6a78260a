import { domainError, invalid } from '../../shared/errors';
import type { CheckIn, OpenSession } from '../council-session.commands';
import type { CouncilSessionOpened, SessionMemberCheckedIn } from '../council-session.events';
import type { ExistingSession } from '../council-session.state';
import type { SessionCommon } from './shared';

export function checkIn(_command: CheckIn, _s: ExistingSession, common: SessionCommon): SessionMemberCheckedIn[] {
  return [{ type: 'SessionMemberCheckedIn', data: { ...common } }];
}

/** Members a session needs present to open: a share of ALL members, in whole counts. */
export const attendanceRequired = (s: Pick<ExistingSession, 'members' | 'attendance'>) =>
  Math.ceil(s.attendance.quorum * s.members.length - 1e-9);

/** Opening opens voting on every item at once; each secret item gets the key the caller made for it. */
export function openSession(command: OpenSession, s: ExistingSession, common: SessionCommon): CouncilSessionOpened[] {
  if (s.agenda.length === 0) throw domainError('EMPTY_AGENDA');
  const required = attendanceRequired(s);
  if (s.present.length < required)
    throw domainError(
      'ATTENDANCE_QUORUM_NOT_MET',
      `Mới có ${s.present.length}/${s.members.length} thành viên có mặt; cần ít nhất ${required} (${Math.round(s.attendance.quorum * 100)}% tổng số thành viên — ${s.attendance.source})`,
    );
  const secret = s.agenda.filter((i) => i.policy.secretBallot).map((i) => i.nominationId);
  const keyed = command.secretKeys.map((k) => k.nominationId);
  if (secret.length !== keyed.length || secret.some((id) => !keyed.includes(id)))
    throw invalid('REQUIRED', 'Mỗi nội dung bỏ phiếu kín cần đúng một khóa', 'secretKeys');
  return [
    {
      type: 'CouncilSessionOpened',
      data: { ...common, present: [...s.present], required, secretItems: command.secretKeys },
    },
  ];
}
