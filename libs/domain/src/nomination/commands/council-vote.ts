import { forbidden, invalid, invalidState } from '../../shared/errors';
import { tallyVotes } from '../council-tally';
import type { CastCouncilVote, CloseCouncilVoting, OpenCouncilVoting } from '../nomination.commands';
import type { CouncilVoteCast, CouncilVotingClosed, CouncilVotingOpened } from '../nomination.events';
import { pendingVoters } from '../nomination.guard';
import type { ExistingNomination } from '../nomination.state';
import { Common, instant } from './shared';
import { roleLabel } from '../../shared/labels';
import { refuseUntilNoticeCleared } from '../../public-notice/notice-clearance';

const TRIGGER_TEXT = {
  SECRETARY: 'quyết định của thường trực',
  ALL_VOTED: 'mọi thành viên đã biểu quyết',
  DEADLINE: 'hết hạn biểu quyết',
};

export function openCouncilVoting(
  command: OpenCouncilVoting,
  s: ExistingNomination,
  common: Common,
): CouncilVotingOpened[] {
  if (command.members.length === 0) throw invalid('NO_MEMBERS', 'Hội đồng chưa có thành viên', 'members');
  if (new Set(command.members.map((m) => m.userId)).size !== command.members.length)
    throw invalid('DUPLICATE_MEMBER', 'Một thành viên xuất hiện hai lần', 'members');
  // Public notice (công khai): its working days passed and every comment resolved.
  refuseUntilNoticeCleared(command.notice, s.nominationId, command.now);
  if (instant(command.deadline, 'deadline') <= instant(command.now, 'now'))
    throw invalid('DEADLINE', 'Hạn biểu quyết phải sau thời điểm mở', 'deadline');
  return [
    {
      type: 'CouncilVotingOpened',
      data: { ...common, members: command.members, policy: s.award.council, deadline: command.deadline },
    },
  ];
}

export function castCouncilVote(command: CastCouncilVote, _s: ExistingNomination, common: Common): CouncilVoteCast[] {
  if (!['approve', 'reject', 'abstain'].includes(command.choice))
    throw invalid('CHOICE', 'choice phải là approve, reject hoặc abstain', 'choice');
  return [
    { type: 'CouncilVoteCast', data: { ...common, choice: command.choice, inWriting: command.inWriting ?? false } },
  ];
}

export function closeCouncilVoting(
  command: CloseCouncilVoting,
  s: ExistingNomination,
  common: Common,
): CouncilVotingClosed[] {
  // A person closes by decision (SECRETARY); only the workflow's clock closes on ALL_VOTED / DEADLINE.
  if ((common.by.role === 'SYSTEM') !== (command.trigger !== 'SECRETARY'))
    throw forbidden(
      'TRIGGER_NOT_ALLOWED',
      `${roleLabel(common.by.role)} không được kết thúc biểu quyết theo căn cứ ${TRIGGER_TEXT[command.trigger]}`,
    );
  const council = s.council!;
  // Every member who may vote has voted or recused; a conflicted member is not waited for.
  const pending = pendingVoters(s);
  if (command.trigger === 'ALL_VOTED' && pending.length > 0)
    throw invalidState('VOTES_PENDING', `Còn ${pending.length} thành viên chưa biểu quyết`);
  if (command.trigger === 'DEADLINE' && instant(command.now, 'now') < instant(council.deadline, 'deadline'))
    throw invalidState('DEADLINE_NOT_REACHED', `Chưa hết hạn biểu quyết (${council.deadline})`);
  const { tally, outcome } = tallyVotes(council);
  return [
    {
      type: 'CouncilVotingClosed',
      data: { ...common, trigger: command.trigger, tally, rule: council.policy, outcome },
    },
  ];
}
