import type { NominationCommand } from './nomination.commands';
import type { NominationEvent } from './nomination.events';
import { guard } from './nomination.guard';
import type { ExistingNomination, NominationState } from './nomination.state';
import { reviewAtCluster } from './commands/cluster-review';
import { castCouncilVote, closeCouncilVoting, openCouncilVoting } from './commands/council-vote';
import { recordSessionOutcome } from './commands/council-session';
import { draftNomination, editNomination } from './commands/drafting';
import { putOnHold, releaseFromHold } from './commands/hold';
import { recuseFromCouncil } from './commands/recusal';
import { revokeAward } from './commands/revocation';
import { declineSignature, signAwardDecision } from './commands/signature';
import { escalateStage, issueStageReminder } from './commands/sla';
import { resubmitNomination, submitNomination } from './commands/submission';
import { withdrawNomination } from './commands/withdrawal';
import { forwardToCentral, recordCentralDecision } from './commands/forwarding';
import type { Common } from './commands/shared';

/**
 * decide(command, state) → events. Pure; throws a DomainError when the command is refused.
 * The guard (role, scope, stage, hold) runs first for every command; each command's own rules
 * live in one function per command, grouped by stage in ./commands/.
 */
export function decide(command: NominationCommand, state: NominationState): NominationEvent[] {
  const by = guard(command.type, command.actor, state);
  const common: Common = {
    nominationId: command.nominationId,
    by,
    at: command.now,
    ...(command.comment ? { comment: command.comment } : {}),
  };
  if (command.type === 'DraftNomination') return draftNomination(command, common);
  // The guard refused every other command on a nomination that does not exist.
  const s = state as ExistingNomination;
  switch (command.type) {
    case 'EditNomination':
      return editNomination(command, s, common);
    case 'SubmitNomination':
      return submitNomination(command, s, common);
    case 'ResubmitNomination':
      return resubmitNomination(command, s, common);
    case 'ReviewAtCluster':
      return reviewAtCluster(command, s, common);
    case 'OpenCouncilVoting':
      return openCouncilVoting(command, s, common);
    case 'CastCouncilVote':
      return castCouncilVote(command, s, common);
    case 'RecuseFromCouncil':
      return recuseFromCouncil(command, s, common);
    case 'CloseCouncilVoting':
      return closeCouncilVoting(command, s, common);
    case 'RecordSessionOutcome':
      return recordSessionOutcome(command, s, common);
    case 'SignAwardDecision':
      return signAwardDecision(command, s, common);
    case 'DeclineSignature':
      return declineSignature(command, s, common);
    case 'PutOnHold':
      return putOnHold(command, s, common);
    case 'ReleaseFromHold':
      return releaseFromHold(command, s, common);
    case 'WithdrawNomination':
      return withdrawNomination(command, s, common);
    case 'RevokeAward':
      return revokeAward(command, s, common);
    case 'ForwardToCentral':
      return forwardToCentral(command, s, common);
    case 'RecordCentralDecision':
      return recordCentralDecision(command, s, common);
    case 'IssueStageReminder':
      return issueStageReminder(command, s, common);
    case 'EscalateStage':
      return escalateStage(command, s, common);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown nomination command: ${(_exhaustive as { type?: string }).type}`);
    }
  }
}
