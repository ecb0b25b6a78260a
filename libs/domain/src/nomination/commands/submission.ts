import { forbidden, invalid, invalidState } from '../../shared/errors';
import type { ResubmitNomination, SubmitNomination } from '../nomination.commands';
import type { NominationResubmitted, NominationSubmitted } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import { Common, instant, refuseDuplicate, refuseIneligible } from './shared';

export function submitNomination(
  command: SubmitNomination,
  s: ExistingNomination,
  common: Common,
): NominationSubmitted[] {
  // The campaign as loaded now (a province may extend its deadline), the one this nomination belongs to.
  if (command.campaign && command.campaign.id !== s.campaign.id)
    throw invalid(
      'CAMPAIGN_MISMATCH',
      `Hồ sơ thuộc đợt ${s.campaign.id}, không phải ${command.campaign.id}`,
      'campaign',
    );
  // One-off (đột xuất) is the unit head's declaration, here, for an award whose policy allows it.
  if (command.oneOff && !s.award.oneOffAllowed)
    throw forbidden('ONE_OFF_NOT_ALLOWED', `${s.award.name} không được đề nghị khen thưởng đột xuất`);
  const oneOff = s.oneOff || command.oneOff === true;
  const deadline = (command.campaign ?? s.campaign).submissionDeadline;
  if (!oneOff && instant(command.now, 'now') > instant(deadline, 'campaign.submissionDeadline'))
    throw invalidState('SUBMISSIONS_CLOSED', `Đợt ${s.campaign.id} đã hết hạn nhận hồ sơ (${deadline})`);
  refuseDuplicate(command.priorAwards, { ...s, oneOff }, s.nominationId, command.oneAward, command.pendingNominations);
  refuseIneligible(s, command.priorAwards, s.campaign.year);
  const skip = oneOff || !s.award.clusterReviewRequired;
  return [
    {
      type: 'NominationSubmitted',
      data: {
        ...common,
        nextStatus: skip ? 'COUNCIL_VOTING' : 'CLUSTER_REVIEW',
        skippedClusterReview: skip,
        ...(command.oneOff ? { oneOff: true } : {}),
      },
    },
  ];
}

export function resubmitNomination(
  command: ResubmitNomination,
  s: ExistingNomination,
  common: Common,
): NominationResubmitted[] {
  if (command.oneOff && !s.oneOff)
    throw forbidden(
      'ONE_OFF_NOT_ALLOWED',
      'Khen thưởng đột xuất chỉ được xác định khi trình hồ sơ lần đầu, không phải khi trình lại',
    );
  return [{ type: 'NominationResubmitted', data: { ...common, round: s.round + 1 } }];
}
