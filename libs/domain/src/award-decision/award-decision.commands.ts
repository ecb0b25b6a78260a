import type { Actor } from '../shared/actor';
import type {
  BaseSalary,
  DecisionKind,
  DecisionRecipient,
  NumberingMode,
  NotApplied,
  RevokedDecision,
} from './award-decision.types';

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
  revokes?: RevokedDecision;
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
  /** Recipients not applied (withdrawn, on hold, revoked elsewhere…), each with the reason. */
  notApplied?: NotApplied[];
}

/**
 * A revocation decision (quyết định hủy bỏ khen thưởng): the Chairman drafts and signs it in one
 * step, built by the activity from the awarded nomination. Numbered like any decision: from the
 * register (`decisionNumber` allocated after the checks), or under `external` by the office — with
 * the request, or later (`RegisterDecisionNumber`), the award staying in force until then.
 */
export interface IssueRevocation extends Base {
  type: 'IssueRevocation';
  authority: string;
  authorityName: string;
  place: string;
  numbering: NumberingMode;
  bases: string[];
  /** The revoked award's recipient line (its amount is what is recovered). */
  recipient: DecisionRecipient;
  baseSalary: BaseSalary;
  revokes: RevokedDecision;
  signerName: string;
  signerTitle: string;
  year: number;
  decisionNumber?: string;
  sequence?: number;
}

/**
 * A one-recipient signature under `external` numbering: the Chairman's decision of one recipient,
 * drafted and signed at once (built by the activity from the nomination, its lock taken and the
 * office's number, if given, claimed). Without a number it waits for the office (SIGNED).
 */
export interface IssueSingleDecision extends Base {
  type: 'IssueSingleDecision';
  authority: string;
  authorityName: string;
  place: string;
  numbering: NumberingMode;
  title: string;
  bases: string[];
  recipient: DecisionRecipient;
  baseSalary: BaseSalary;
  signerName: string;
  signerTitle: string;
  year: number;
  decisionNumber?: string;
  sequence?: number;
  comment?: string;
}

export type AwardDecisionCommand =
  | DraftDecision
  | RemoveRecipient
  | SignDecision
  | DeclineDecision
  | RegisterDecisionNumber
  | RecordDecisionApplied
  | IssueRevocation
  | IssueSingleDecision;

export type AwardDecisionCommandType = AwardDecisionCommand['type'];
