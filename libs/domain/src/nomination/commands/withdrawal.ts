import type { WithdrawNomination } from '../nomination.commands';
import type { NominationWithdrawn } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import type { Common } from './shared';

export function withdrawNomination(
  _command: WithdrawNomination,
  s: ExistingNomination,
  common: Common,
): NominationWithdrawn[] {
  return [{ type: 'NominationWithdrawn', data: { ...common, fromStatus: s.status } }];
}
