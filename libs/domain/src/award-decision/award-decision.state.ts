import type { AwardDecisionDrafted } from './award-decision.events';
import type { DecisionRecipient, DecisionStatus, NotApplied, Signer } from './award-decision.types';

export type DraftData = Omit<AwardDecisionDrafted['data'], 'by' | 'at'>;

export interface ExistingDecision extends DraftData {
  status: DecisionStatus;
  draftedBy: string;
  draftedAt: string;
  recipients: DecisionRecipient[];
  removed: { nominationId: string; reason: string }[];
  signer?: Signer;
  signedAt?: string;
  /** Signing year (Vietnam time): the year the number is unique in. */
  year?: number;
  decisionNumber?: string;
  declineReason?: string;
  /** After applying: recipients whose nomination did not take the decision, and why. */
  notApplied?: NotApplied[];
}

export type AwardDecisionState = { status: 'NONE' } | ExistingDecision;
