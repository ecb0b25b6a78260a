/**
 * What the award-decision workflow, its activities and its gateway exchange (plain data only:
 * imported by the workflow bundle).
 */
import type { Actor } from '../../domain/src/shared/actor';
import type { AwardDecisionEvent } from '../../domain/src/award-decision/award-decision.events';
import type { AwardDecisionState } from '../../domain/src/award-decision/award-decision.state';
import type { DecisionStatus, NotApplied } from '../../domain/src/award-decision/award-decision.types';

export const awardDecisionWorkflowId = (decisionId: string) => `award-decision-${decisionId}`;

/** One person's request on a decision; `commandId` is also the Update id and the events' causationId. */
export type DecisionIntent =
  | {
      type: 'DraftDecision';
      title: string;
      nominationIds: string[];
      bases?: string[];
      awardCodes?: string[];
      /** One unguessable code per listed nomination, made by the API (same order). */
      verificationCodes: string[];
    }
  | { type: 'RemoveRecipient'; nominationId: string; reason: string }
  | { type: 'SignDecision'; number?: string; comment?: string }
  | { type: 'DeclineDecision'; reason: string }
  | { type: 'RegisterDecisionNumber'; number: string }
  /** The Chairman revokes an award: a revocation decision drafted and signed at once (`number`: `external` only). */
  | { type: 'IssueRevocation'; nominationId: string; ground: string; reason: string; number?: string }
  /**
   * The Chairman signs one nomination alone under `external` numbering: a decision of one recipient
   * drafted and signed at once (`number`: the office's, now or registered later; `verificationCode` by the API).
   */
  | { type: 'IssueSingleDecision'; nominationId: string; verificationCode: string; number?: string; comment?: string };

export type DecisionIntentType = DecisionIntent['type'];

export interface DecisionCommandEnvelope<I extends DecisionIntent = DecisionIntent> {
  commandId: string;
  actor: Actor;
  intent: I;
}

export interface ApplyDecisionCommandInput {
  decisionId: string;
  commandId: string;
  intent: DecisionIntent | { type: 'RecordDecisionApplied'; notApplied?: NotApplied[] };
  actor: Actor;
  now: string;
  /** Last revision of the decision stream the workflow has folded (-1: none). */
  expectedRevision: number;
}

export interface ApplyDecisionCommandResult {
  events: AwardDecisionEvent[];
  revision: number;
  position: number;
}

export interface DecisionCommandOutcome {
  decisionId: string;
  status: DecisionStatus;
  revision: number;
  position: number;
  decisionNumber?: string;
  signedAt?: string;
  year?: number;
}

export interface DecisionApplication {
  /** Nominations AWARDED under this decision. */
  applied: string[];
  /** Nominations that left the wait for a signature otherwise (not applied, reported). */
  skipped: string[];
  /** Why each skipped one was not applied (ended otherwise, put on hold after the signature). */
  notApplied?: NotApplied[];
}

export interface AwardDecisionActivities {
  applyDecisionCommand(input: ApplyDecisionCommandInput): Promise<ApplyDecisionCommandResult>;
  /** Succeeds once every listed nomination shows this decision's signature (retried until then). */
  awaitDecisionApplied(input: { decisionId: string; nominationIds: string[] }): Promise<DecisionApplication>;
}

export interface AwardDecisionWorkflowResult {
  decisionId: string;
  status: DecisionStatus | 'NONE';
  application?: DecisionApplication;
  /** Global position of the decision's last event (read models have it once they reach it). */
  position?: number;
}

export type DecisionWorkflowView = { state: AwardDecisionState; revision: number; signalled: string[] };
