import type { ActingAs } from '../shared/actor';
import type {
  BaseSalary,
  DecisionKind,
  DecisionRecipient,
  NotApplied,
  NumberingMode,
  RevokedDecision,
  Signer,
} from './award-decision.types';

export const AWARD_DECISION_EVENT_SCHEMA_VERSION = 1;

type Ev<T extends string, D> = { type: T; data: D & { decisionId: string; by: ActingAs; at: string } };

export type AwardDecisionDrafted = Ev<
  'AwardDecisionDrafted',
  {
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
    /** REVOCATION only: the decision revoked and the legal ground. */
    revokes?: RevokedDecision;
  }
>;
export type DecisionRecipientRemoved = Ev<'DecisionRecipientRemoved', { nominationId: string; reason: string }>;
/** The Chairman signed: the date and year come from the signature; `register` carries its number. */
export type DecisionSigned = Ev<
  'DecisionSigned',
  { signer: Signer; year: number; decisionNumber?: string; sequence?: number; comment?: string }
>;
export type DecisionDeclined = Ev<'DecisionDeclined', { reason: string }>;
/** `external`: the document office entered the number from its register. */
export type DecisionNumberRegistered = Ev<'DecisionNumberRegistered', { decisionNumber: string; year: number }>;
/**
 * Every recipient's nomination is AWARDED (or REVOKED) under this decision, except `notApplied`
 * (a nomination that left the wait otherwise, or was put on hold after the signature), each with why.
 */
export type DecisionApplied = Ev<'DecisionApplied', { nominationIds: string[]; notApplied?: NotApplied[] }>;

export type AwardDecisionEvent =
  | AwardDecisionDrafted
  | DecisionRecipientRemoved
  | DecisionSigned
  | DecisionDeclined
  | DecisionNumberRegistered
  | DecisionApplied;

export const AWARD_DECISION_EVENT_TYPES: AwardDecisionEvent['type'][] = [
  'AwardDecisionDrafted',
  'DecisionRecipientRemoved',
  'DecisionSigned',
  'DecisionDeclined',
  'DecisionNumberRegistered',
  'DecisionApplied',
];
