import { checkEligibility, findDuplicateAward } from '../eligibility/eligibility';
import { conflict, forbidden, invalid, invalidState } from '../shared/errors';
import type { NominationCommand } from './nomination.commands';
import type { NominationEvent } from './nomination.events';
import { guard, awaiting, pendingVoters } from './nomination.guard';
import { tallyVotes } from './council-tally';
import { ExistingNomination, NominationState } from './nomination.state';
import { HOLD_MATTERS, REVOCATION_GROUNDS, PriorAward } from './nomination.types';

const required = (value: string | undefined, field: string, message: string): string => {
  const v = value?.trim();
  if (!v) throw invalid('REQUIRED', message, field);
  return v;
};

/**
 * An ISO date-time as an instant (epoch ms). Times arrive with different offsets (a campaign
 * deadline written `+07:00`, a workflow clock in UTC `Z`), so they are compared as instants,
 * never as strings.
 */
const instant = (iso: string, field: string): number => {
  const t = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(t)) throw invalid('DATE_TIME', `Thời điểm không hợp lệ: ${String(iso)}`, field);
  return t;
};

function refuseDuplicate(history: PriorAward[], s: { award: { code: string }; campaign: { id: string } }, nominationId: string) {
  const dup = findDuplicateAward(history, s.award.code, s.campaign.id, nominationId);
  if (dup)
    throw conflict(
      'ONE_ACHIEVEMENT_ONE_AWARD',
      `Người/tập thể này đã được tặng ${s.award.code} trong đợt ${s.campaign.id}${dup.decisionNumber ? ` (QĐ ${dup.decisionNumber})` : ''}: một thành tích chỉ được khen một lần`,
    );
}

function refuseIneligible(s: { award: Parameters<typeof checkEligibility>[0] }, history: PriorAward[], year: number) {
  const result = checkEligibility(s.award, history, year);
  if (!result.eligible) throw invalidState('NOT_ELIGIBLE', `Chưa đủ điều kiện: ${result.reasons.filter((r) => r.startsWith('Chưa')).join('; ')}`);
  return result;
}

/** decide(command, state) → events. Pure; throws a DomainError when the command is refused. */
export function decide(command: NominationCommand, state: NominationState): NominationEvent[] {
  const by = guard(command.type, command.actor, state);
  const common = { nominationId: command.nominationId, by, at: command.now, ...(command.comment ? { comment: command.comment } : {}) };

  if (command.type === 'DraftNomination') {
    const { award, nominee, campaign } = command;
    if (command.actor.unitId !== command.unitId) throw forbidden('OUT_OF_SCOPE', 'Chỉ được lập hồ sơ cho đơn vị của mình');
    if (award.awardedBy !== 'CHAIRMAN')
      throw invalid('AWARD_NOT_PROVINCIAL', `${award.name} do thủ trưởng đơn vị quyết định, không trình cấp tỉnh`, 'awardCode');
    if (award.recipient !== 'both' && award.recipient !== nominee.kind)
      throw invalid('RECIPIENT_KIND', `${award.name} chỉ dành cho ${award.recipient === 'individual' ? 'cá nhân' : 'tập thể'}`, 'nominee.kind');
    required(nominee.name, 'nominee.name', 'Cần tên người/tập thể được đề nghị');
    // The nominee's identity keys the award history: without it "one achievement, one award" cannot hold.
    required(nominee.nomineeId, 'nominee.nomineeId', 'Cần mã định danh người/tập thể được đề nghị');
    required(command.achievements, 'achievements', 'Cần tóm tắt thành tích');
    refuseDuplicate(command.priorAwards, { award, campaign }, command.nominationId);
    const eligibility = refuseIneligible({ award }, command.priorAwards, campaign.year);
    return [
      {
        type: 'NominationDrafted',
        data: {
          ...common,
          unitId: command.unitId,
          clusterId: command.clusterId,
          campaign,
          award: {
            code: award.code,
            name: award.name,
            awardedBy: award.awardedBy,
            clusterReviewRequired: award.clusterReviewRequired,
            council: award.council,
            eligibility: award.eligibility,
            cashMultiple: award.cashMultiple,
            ...(award.thematic ? { thematic: true } : {}),
          },
          nominee,
          achievements: command.achievements,
          documents: command.documents ?? [],
          oneOff: command.oneOff ?? false,
          eligibility: eligibility.reasons,
        },
      },
    ];
  }

  const s = state as ExistingNomination;
  switch (command.type) {
    case 'EditNomination': {
      const { changes } = command;
      if (changes.nominee === undefined && changes.achievements === undefined && changes.documents === undefined)
        throw invalid('NOTHING_TO_CHANGE', 'Không có nội dung nào được sửa', 'changes');
      if (changes.achievements !== undefined) required(changes.achievements, 'achievements', 'Tóm tắt thành tích không được để trống');
      if (changes.nominee) {
        if (changes.nominee.kind !== s.nominee.kind)
          throw invalid('RECIPIENT_KIND', 'Không được đổi loại đối tượng (cá nhân/tập thể)', 'nominee.kind');
        required(changes.nominee.name, 'nominee.name', 'Cần tên người/tập thể được đề nghị');
        required(changes.nominee.nomineeId, 'nominee.nomineeId', 'Cần mã định danh người/tập thể được đề nghị');
      }
      return [{ type: 'NominationEdited', data: { ...common, changes } }];
    }
    case 'SubmitNomination': {
      // The campaign as loaded now (a province may extend its deadline), the one this nomination belongs to.
      if (command.campaign && command.campaign.id !== s.campaign.id)
        throw invalid('CAMPAIGN_MISMATCH', `Hồ sơ thuộc đợt ${s.campaign.id}, không phải ${command.campaign.id}`, 'campaign');
      const deadline = (command.campaign ?? s.campaign).submissionDeadline;
      if (!s.oneOff && instant(command.now, 'now') > instant(deadline, 'campaign.submissionDeadline'))
        throw invalidState('SUBMISSIONS_CLOSED', `Đợt ${s.campaign.id} đã hết hạn nhận hồ sơ (${deadline})`);
      refuseDuplicate(command.priorAwards, s, s.nominationId);
      refuseIneligible(s, command.priorAwards, s.campaign.year);
      const skip = s.oneOff || !s.award.clusterReviewRequired;
      return [
        { type: 'NominationSubmitted', data: { ...common, nextStatus: skip ? 'COUNCIL_VOTING' : 'CLUSTER_REVIEW', skippedClusterReview: skip } },
      ];
    }
    case 'ResubmitNomination':
      return [{ type: 'NominationResubmitted', data: { ...common, round: s.round + 1 } }];
    case 'ReviewAtCluster':
      switch (command.decision) {
        case 'endorse':
          return [{ type: 'ClusterEndorsed', data: { ...common, round: s.round } }];
        case 'return':
          return [
            {
              type: 'NominationReturnedForRevision',
              data: { ...common, round: s.round, reasons: required(command.comment, 'comment', 'Trả lại hồ sơ phải nêu lý do') },
            },
          ];
        case 'reject':
          return [
            { type: 'ClusterRejected', data: { ...common, round: s.round, reasons: required(command.comment, 'comment', 'Không đề nghị phải nêu lý do') } },
          ];
        default:
          throw invalid('DECISION', 'decision phải là endorse, return hoặc reject', 'decision');
      }
    case 'OpenCouncilVoting': {
      if (command.members.length === 0) throw invalid('NO_MEMBERS', 'Hội đồng chưa có thành viên', 'members');
      if (new Set(command.members.map((m) => m.userId)).size !== command.members.length)
        throw invalid('DUPLICATE_MEMBER', 'Một thành viên xuất hiện hai lần', 'members');
      if (instant(command.deadline, 'deadline') <= instant(command.now, 'now'))
        throw invalid('DEADLINE', 'Hạn biểu quyết phải sau thời điểm mở', 'deadline');
      return [{ type: 'CouncilVotingOpened', data: { ...common, members: command.members, policy: s.award.council, deadline: command.deadline } }];
    }
    case 'CastCouncilVote':
      if (!['approve', 'reject', 'abstain'].includes(command.choice))
        throw invalid('CHOICE', 'choice phải là approve, reject hoặc abstain', 'choice');
      return [{ type: 'CouncilVoteCast', data: { ...common, choice: command.choice, inWriting: command.inWriting ?? false } }];
    case 'RecuseFromCouncil':
      return [{ type: 'CouncilMemberRecused', data: { ...common, reason: command.comment?.trim() || 'Xung đột lợi ích' } }];
    case 'CloseCouncilVoting': {
      // A person closes by decision (SECRETARY); only the workflow's clock closes on ALL_VOTED / DEADLINE.
      if ((by.role === 'SYSTEM') !== (command.trigger !== 'SECRETARY'))
        throw forbidden('TRIGGER_NOT_ALLOWED', `Vai trò ${by.role} không đóng biểu quyết theo căn cứ ${command.trigger}`);
      const council = s.council!;
      // Every member who may vote has voted or recused; a conflicted member is not waited for.
      const pending = pendingVoters(s);
      if (command.trigger === 'ALL_VOTED' && pending.length > 0)
        throw invalidState('VOTES_PENDING', `Còn ${pending.length} thành viên chưa biểu quyết`);
      if (command.trigger === 'DEADLINE' && instant(command.now, 'now') < instant(council.deadline, 'deadline'))
        throw invalidState('DEADLINE_NOT_REACHED', `Chưa hết hạn biểu quyết (${council.deadline})`);
      const { tally, outcome } = tallyVotes(council);
      return [{ type: 'CouncilVotingClosed', data: { ...common, trigger: command.trigger, tally, rule: council.policy, outcome } }];
    }
    case 'SignAwardDecision': {
      const decisionNumber = required(command.decisionNumber, 'decisionNumber', 'Cần số quyết định');
      refuseDuplicate(command.priorAwards, s, s.nominationId);
      return [
        {
          type: 'AwardDecisionSigned',
          data: {
            ...common,
            decisionNumber,
            awardCode: s.award.code,
            awardName: s.award.name,
            nominee: s.nominee,
            unitId: s.unitId,
            campaignId: s.campaign.id,
            year: s.campaign.year,
            oneOff: s.oneOff,
            cashMultiple: s.award.cashMultiple,
          },
        },
      ];
    }
    case 'DeclineSignature':
      return [{ type: 'SignatureDeclined', data: { ...common, reason: required(command.comment, 'comment', 'Không ký phải nêu lý do') } }];
    case 'PutOnHold':
      if (!HOLD_MATTERS.includes(command.matter))
        throw invalid('MATTER', `matter phải là một trong ${HOLD_MATTERS.join(', ')}`, 'matter');
      return [
        {
          type: 'NominationPutOnHold',
          data: { ...common, matter: command.matter, reason: required(command.comment, 'comment', 'Tạm dừng phải nêu lý do'), status: s.status },
        },
      ];
    case 'ReleaseFromHold':
      return [{ type: 'NominationReleasedFromHold', data: { ...common, status: s.status } }];
    case 'WithdrawNomination':
      return [{ type: 'NominationWithdrawn', data: { ...common, fromStatus: s.status } }];
    case 'RevokeAward':
      if (!REVOCATION_GROUNDS.includes(command.ground))
        throw invalid('GROUND', `Căn cứ hủy bỏ phải là một trong ${REVOCATION_GROUNDS.join(', ')}`, 'ground');
      return [
        {
          type: 'AwardRevoked',
          data: {
            ...common,
            ground: command.ground,
            reason: required(command.comment, 'reason', 'Hủy bỏ khen thưởng phải nêu lý do'), // the HTTP body names it "reason"
            decisionNumber: s.decisionNumber!,
          },
        },
      ];
    case 'IssueStageReminder':
    case 'EscalateStage': {
      if (s.status !== command.stage || s.onHold) throw invalidState('STAGE_PASSED', `Hồ sơ không còn ở bước ${command.stage}`);
      const due = instant(command.dueAt, 'dueAt');
      // Once per visit of a stage: a second reminder, or a reminder after escalation, is noise.
      if (s.sla?.escalated) throw invalidState('ALREADY_ESCALATED', `Bước ${command.stage} đã được báo cáo cấp trên`);
      if (command.type === 'IssueStageReminder' && s.sla?.reminded) throw invalidState('ALREADY_REMINDED', `Bước ${command.stage} đã được nhắc hạn`);
      if (command.type === 'EscalateStage' && instant(command.now, 'now') < due)
        throw invalidState('NOT_OVERDUE', `Bước ${command.stage} chưa quá hạn (${command.dueAt})`);
      const data = { ...common, stage: command.stage, dueAt: command.dueAt, awaiting: awaiting(s) };
      if (command.type === 'IssueStageReminder') return [{ type: 'StageReminderIssued', data }];
      const escalatedTo = command.stage === 'COUNCIL_VOTING' || command.stage === 'AWAITING_SIGNATURE' ? 'CHAIRMAN' : 'COUNCIL_SECRETARY';
      return [{ type: 'StageEscalated', data: { ...data, escalatedTo } }];
    }
  }
}
