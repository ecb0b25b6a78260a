import { invalid } from '../../shared/errors';
import type { PutOnHold, ReleaseFromHold } from '../nomination.commands';
import type { NominationPutOnHold, NominationReleasedFromHold } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import { HOLD_MATTERS } from '../nomination.types';
import { Common, required } from './shared';

export function putOnHold(command: PutOnHold, s: ExistingNomination, common: Common): NominationPutOnHold[] {
  if (!HOLD_MATTERS.includes(command.matter))
    throw invalid('MATTER', `matter phải là một trong ${HOLD_MATTERS.join(', ')}`, 'matter');
  return [
    {
      type: 'NominationPutOnHold',
      data: {
        ...common,
        matter: command.matter,
        reason: required(command.comment, 'comment', 'Tạm dừng phải nêu lý do'),
        status: s.status,
      },
    },
  ];
}

export function releaseFromHold(
  _command: ReleaseFromHold,
  s: ExistingNomination,
  common: Common,
): NominationReleasedFromHold[] {
  return [{ type: 'NominationReleasedFromHold', data: { ...common, status: s.status } }];
}
