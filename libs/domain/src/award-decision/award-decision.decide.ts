import type { Decider } from '../shared/decider';
import type { AwardDecisionCommand } from './award-decision.commands';
import type { AwardDecisionEvent } from './award-decision.events';
import { evolveDecision, initialDecisionState } from './award-decision.evolve';
import { guardDecision } from './award-decision.guard';
import type { AwardDecisionState, ExistingDecision } from './award-decision.state';
import { draftDecision } from './commands/drafting';
import { recordApplied, removeRecipient } from './commands/recipients';
import { issueRevocation } from './commands/revocation';
import { issueSingleDecision } from './commands/single';
import { declineDecision, registerDecisionNumber, signDecision } from './commands/signature';

export function decideDecision(command: AwardDecisionCommand, state: AwardDecisionState): AwardDecisionEvent[] {
  const by = guardDecision(command.type, command.actor, state);
  if (command.type === 'DraftDecision') return draftDecision(command, by);
  if (command.type === 'IssueRevocation') return issueRevocation(command, by);
  if (command.type === 'IssueSingleDecision') return issueSingleDecision(command, by);
  const s = state as ExistingDecision;
  switch (command.type) {
    case 'RemoveRecipient':
      return removeRecipient(command, s, by);
    case 'SignDecision':
      return signDecision(command, s, by);
    case 'DeclineDecision':
      return declineDecision(command, s, by);
    case 'RegisterDecisionNumber':
      return registerDecisionNumber(command, s, by);
    case 'RecordDecisionApplied':
      return recordApplied(command, s, by);
    default: {
      const never: never = command;
      throw new Error(`unknown command ${(never as { type: string }).type}`);
    }
  }
}

export const awardDecisionDecider: Decider<AwardDecisionCommand, AwardDecisionEvent, AwardDecisionState> = {
  decide: decideDecision,
  evolve: evolveDecision,
  initialState: initialDecisionState,
};

export const awardDecisionStreamName = (decisionId: string) => `award-decision-${decisionId}`;
