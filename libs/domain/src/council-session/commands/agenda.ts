import { domainError, invalid } from '../../shared/errors';
import { instant, required } from '../../nomination/commands/shared';
import type { ChangeAgenda, ConveneSession } from '../council-session.commands';
import type { CouncilSessionConvened, SessionItemAdded, SessionItemRemoved } from '../council-session.events';
import type { ExistingSession } from '../council-session.state';
import type { SessionItem } from '../council-session.types';
import type { SessionCommon } from './shared';

export function conveneSession(
  command: ConveneSession,
  common: SessionCommon,
): (CouncilSessionConvened | SessionItemAdded)[] {
  const title = required(command.title, 'title', 'Cần tên phiên họp');
  instant(command.scheduledAt, 'scheduledAt');
  if (command.members.length === 0) throw invalid('NO_MEMBERS', 'Hội đồng chưa có thành viên', 'members');
  if (new Set(command.members.map((m) => m.userId)).size !== command.members.length)
    throw invalid('DUPLICATE_MEMBER', 'Một thành viên xuất hiện hai lần', 'members');
  const q = command.attendance.quorum;
  if (!(q > 0 && q <= 1)) throw invalid('REQUIRED', 'Tỷ lệ thành viên có mặt phải trong (0, 1]', 'attendance');
  noDuplicates(command.items, 'nominationIds');
  return [
    {
      type: 'CouncilSessionConvened',
      data: {
        ...common,
        title,
        scheduledAt: command.scheduledAt,
        members: command.members,
        attendance: command.attendance,
      },
    },
    ...command.items.map((item): SessionItemAdded => ({ type: 'SessionItemAdded', data: { ...common, item } })),
  ];
}

export function changeAgenda(
  command: ChangeAgenda,
  s: ExistingSession,
  common: SessionCommon,
): (SessionItemAdded | SessionItemRemoved)[] {
  if (command.add.length === 0 && command.remove.length === 0) throw domainError('NOTHING_TO_CHANGE');
  noDuplicates(command.add, 'add');
  const on = new Set(s.agenda.map((i) => i.nominationId));
  command.add.forEach((item, i) => {
    if (on.has(item.nominationId) && !command.remove.includes(item.nominationId))
      throw domainError('ALREADY_ON_AGENDA', `Hồ sơ ${item.nominationId} đã có trong chương trình`, `add[${i}]`);
  });
  command.remove.forEach((id, i) => {
    if (!on.has(id)) throw domainError('NOT_ON_AGENDA', `Hồ sơ ${id} không có trong chương trình`, `remove[${i}]`);
  });
  return [
    ...command.remove.map((nominationId): SessionItemRemoved => ({
      type: 'SessionItemRemoved',
      data: { ...common, nominationId },
    })),
    ...command.add.map((item): SessionItemAdded => ({ type: 'SessionItemAdded', data: { ...common, item } })),
  ];
}

function noDuplicates(items: SessionItem[], field: string) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.nominationId))
      throw domainError('ALREADY_ON_AGENDA', `Hồ sơ ${item.nominationId} được nêu hai lần`, `${field}[${i}]`);
    seen.add(item.nominationId);
  });
}
