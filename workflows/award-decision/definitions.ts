/**
 * The award-decision workflow's Updates (one per decision intent) and its query. The names are in
 * workflow histories: never rename one.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  DecisionCommandEnvelope,
  DecisionCommandOutcome,
  DecisionIntent,
  DecisionIntentType,
  DecisionWorkflowView,
} from '../../libs/temporal/src/decision-contracts';

export type DecisionIntentOf<T extends DecisionIntentType> = Extract<DecisionIntent, { type: T }>;
export type DecisionUpdate<T extends DecisionIntentType = DecisionIntentType> = UpdateDefinition<
  DecisionCommandOutcome,
  [DecisionCommandEnvelope<DecisionIntentOf<T>>]
>;

const update = <T extends DecisionIntentType>(name: string): DecisionUpdate<T> =>
  defineUpdate<DecisionCommandOutcome, [DecisionCommandEnvelope<DecisionIntentOf<T>>]>(name);

export const DECISION_UPDATES: { readonly [T in DecisionIntentType]: DecisionUpdate<T> } = {
  DraftDecision: update('draftDecision'),
  RemoveRecipient: update('removeRecipient'),
  SignDecision: update('signDecision'),
  DeclineDecision: update('declineDecision'),
  RegisterDecisionNumber: update('registerNumber'),
  IssueRevocation: update('issueRevocation'),
  IssueSingleDecision: update('issueSingleDecision'),
};

export const DECISION_INTENT_TYPES = Object.keys(DECISION_UPDATES) as DecisionIntentType[];

export const decisionStateQuery = defineQuery<DecisionWorkflowView>('decisionState');
