import type { Actor } from '../shared/actor';
import type { BaseSalary, DecisionKind, DecisionRecipient, NumberingMode } from './award-decision.types';

interface Base {
  decisionId: string;
  actor: Actor;
  /** ISO instant of the command (the workflow's time). */
  now: string;
}

/** Built by the activity from the nominations the office listed (in its order) and the catalog. */
export interface DraftDecision extends Base {
  type: 'DraftDecision';
  kind: DecisionKind;
  authority: string;
  authorityName: string;
  place: string;
  numbering: NumberingMode;
  title: string;
  bases: string[];
  awardCodes: string[];
  recipients: DecisionRecipient[];
  baseSalary: BaseSalary;
  revokes?: { decisionNumber: string; year: number; ground: string; reason: string };
}

export interface RemoveRecipient extends Base {
  type: 'RemoveRecipient';
  nominationId: string;
  reason: string;
}

/**
 * `decisionNumber`/`sequence`: allocated from the authority's register (mode `register`) after step 1
 * passed, or given by the office with the signature (mode `external`, claimed first).
 */
export interface SignDecision extends Base {
  type: 'SignDecision';
  signerName: string;
  /** As printed above the signature (the authority's profile), e.g. CHỦ TỊCH. */
  signerTitle: string;
  year: number;
  decisionNumber?: string;
  sequence?: number;
  comment?: string;
}

export interface DeclineDecision extends Base {
  type: 'DeclineDecision';
  reason: string;
}

export interface RegisterDecisionNumber extends Base {
  type: 'RegisterDecisionNumber';
  decisionNumber: string;
}

export interface RecordDecisionApplied extends Base {
  type: 'RecordDecisionApplied';
}

export type AwardDecisionCommand =
  DraftDecision | RemoveRecipient | SignDecision | DeclineDecision | RegisterDecisionNumber | RecordDecisionApplied;

export type AwardDecisionCommandType = AwardDecisionCommand['type'];
