import type { RecuseFromCouncil } from '../nomination.commands';
import type { CouncilMemberRecused } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import type { Common } from './shared';

/** Who may (or must) recuse is the guard's; a recusal without a stated reason is a conflict of interest. */
export function recuseFromCouncil(
  command: RecuseFromCouncil,
  _s: ExistingNomination,
  common: Common,
): CouncilMemberRecused[] {
  return [{ type: 'CouncilMemberRecused', data: { ...common, reason: command.comment?.trim() || 'Xung đột lợi ích' } }];
}
