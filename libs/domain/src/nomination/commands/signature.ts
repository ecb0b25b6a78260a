import type { DeclineSignature, SignAwardDecision } from '../nomination.commands';
import type { AwardDecisionSigned, SignatureDeclined } from '../nomination.events';
import { guard } from '../nomination.guard';
import type { ExistingNomination, NominationState } from '../nomination.state';
import { Common, refuseDuplicate, required } from './shared';

/** A signature before its decision number is allocated. */
export type SignatureRequest = Omit<SignAwardDecision, 'decisionNumber'>;

/**
 * Step 1 of a signature: everything that may refuse it except the number. Decision numbers are
 * gap-free, so the caller runs this BEFORE allocating one (a refused signature consumes none), then
 * step 2 — `decide` with the allocated number on the command.
 */
export function prepareSignature(request: SignatureRequest, state: NominationState): void {
  guard(request.type, request.actor, state);
  checkSignature(request, state as ExistingNomination);
}

function checkSignature(request: SignatureRequest, s: ExistingNomination): void {
  refuseDuplicate(request.priorAwards, s, s.nominationId, request.oneAward);
}

/** Step 2: the allocated number is signed. */
export function signAwardDecision(
  command: SignAwardDecision,
  s: ExistingNomination,
  common: Common,
): AwardDecisionSigned[] {
  const decisionNumber = required(command.decisionNumber, 'decisionNumber', 'Cần số quyết định');
  checkSignature(command, s);
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
        ...(command.decisionId ? { decisionId: command.decisionId } : {}),
        ...(command.verificationCode ? { verificationCode: command.verificationCode } : {}),
        ...(command.amountVnd !== undefined ? { amountVnd: command.amountVnd } : {}),
      },
    },
  ];
}

export function declineSignature(
  command: DeclineSignature,
  _s: ExistingNomination,
  common: Common,
): SignatureDeclined[] {
  return [
    {
      type: 'SignatureDeclined',
      data: { ...common, reason: required(command.comment, 'comment', 'Không ký phải nêu lý do') },
    },
  ];
}
