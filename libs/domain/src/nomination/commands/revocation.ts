import { invalid } from '../../shared/errors';
import type { RevokeAward } from '../nomination.commands';
import type { AwardRevoked } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import { REVOCATION_GROUNDS } from '../nomination.types';
import { Common, required } from './shared';

export function revokeAward(command: RevokeAward, s: ExistingNomination, common: Common): AwardRevoked[] {
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
        ...(command.revocationDecisionNumber
          ? { revocationDecisionNumber: command.revocationDecisionNumber, revocationYear: command.revocationYear! }
          : {}),
      },
    },
  ];
}
