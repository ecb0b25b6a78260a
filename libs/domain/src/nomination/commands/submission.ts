import { forbidden, invalid, invalidState } from '../../shared/errors';
import type { ResubmitNomination, SubmitNomination } from '../nomination.commands';
import type { NominationResubmitted, NominationSubmitted } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import type { SubmissionRef } from '../nomination.types';
import { Common, instant, refuseDuplicate, refuseIneligible } from './shared';

/** A submission (tờ trình) names its number and its date (YYYY-MM-DD, a real calendar day). */
export function checkedSubmission(ref: SubmissionRef): SubmissionRef {
  const number = typeof ref.number === 'string' ? ref.number.trim() : '';
  if (!number || number.length > 100)
    throw invalid('SUBMISSION_NUMBER', 'Cần số tờ trình (tối đa 100 ký tự)', 'submission.number');
  const date = typeof ref.date === 'string' ? ref.date : '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date)
    throw invalid('SUBMISSION_DATE', 'Ngày tờ trình phải có dạng YYYY-MM-DD', 'submission.date');
  return { number, date };
}

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
  const past = command.officeCheck ? 'OFFICE_CHECK' : 'COUNCIL_VOTING';
  return [
    {
      type: 'NominationSubmitted',
      data: {
        ...common,
        nextStatus: skip ? past : 'CLUSTER_REVIEW',
        skippedClusterReview: skip,
        ...(command.oneOff ? { oneOff: true } : {}),
        ...(command.submission ? { submission: checkedSubmission(command.submission) } : {}),
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
  // Without a cluster review, a dossier the office returned goes straight back to the office.
  const skipsCluster = s.oneOff || !s.award.clusterReviewRequired;
  return [
    {
      type: 'NominationResubmitted',
      data: {
        ...common,
        round: s.round + 1,
        ...(command.submission ? { submission: checkedSubmission(command.submission) } : {}),
        ...(skipsCluster && command.officeCheck ? { nextStatus: 'OFFICE_CHECK' as const } : {}),
      },
    },
  ];
}
