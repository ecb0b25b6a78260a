import { invalid } from '../../shared/errors';
import type { RecordSessionOutcome } from '../nomination.commands';
import type { CouncilVotingClosed } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import type { Common } from './shared';

/**
 * A council session's tally of this nomination (the session decided it with the award's rule): the
 * same closing event as the nomination's own voting, with trigger SESSION and the session's id.
 */
export function recordSessionOutcome(
  command: RecordSessionOutcome,
  _s: ExistingNomination,
  common: Common,
): CouncilVotingClosed[] {
  if (!command.sessionId) throw invalid('REQUIRED', 'Thiếu mã phiên họp', 'sessionId');
  if (!['APPROVED', 'QUORUM_NOT_MET', 'THRESHOLD_NOT_MET'].includes(command.outcome))
    throw invalid('REQUIRED', 'Kết quả phiên họp không hợp lệ', 'outcome');
  return [
    {
      type: 'CouncilVotingClosed',
      data: {
        ...common,
        trigger: 'SESSION',
        tally: command.tally,
        rule: command.rule,
        outcome: command.outcome,
        sessionId: command.sessionId,
        ...(command.secret ? { secret: command.secret } : {}),
      },
    },
  ];
}
