import { invalid, invalidState } from '../../shared/errors';
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
  const deadline = (command.campaign ?? s.campaign).submissionDeadline;
  if (!s.oneOff && instant(command.now, 'now') > instant(deadline, 'campaign.submissionDeadline'))
    throw invalidState('SUBMISSIONS_CLOSED', `Đợt ${s.campaign.id} đã hết hạn nhận hồ sơ (${deadline})`);
  refuseDuplicate(command.priorAwards, s, s.nominationId);
  refuseIneligible(s, command.priorAwards, s.campaign.year);
  const skip = s.oneOff || !s.award.clusterReviewRequired;
  return [
    {
      type: 'NominationSubmitted',
      data: { ...common, nextStatus: skip ? 'COUNCIL_VOTING' : 'CLUSTER_REVIEW', skippedClusterReview: skip },
    },
  ];
}

export function resubmitNomination(
  _command: ResubmitNomination,
  s: ExistingNomination,
  common: Common,
): NominationResubmitted[] {
  return [{ type: 'NominationResubmitted', data: { ...common, round: s.round + 1 } }];
}
