import type { ActingAs } from '../shared/actor';
import type { StageLimitsConfig } from '../sla/stage-limits';
import type { AwardType } from '../catalog/award-catalog';
import type {
  Campaign,
  CouncilMember,
  CouncilOutcome,
  CouncilPolicy,
  HoldMatter,
  Nominee,
  NominationStatus,
  RevocationGround,
  SecretBallotCounts,
  SubmissionRef,
  TimedStage,
  VoteChoice,
  VoteTally,
} from './nomination.types';

/**
 * Schema version of every nomination event's data; written into the envelope metadata.
 * Bump it (and add an upcaster) when a payload changes shape.
 */
export const NOMINATION_EVENT_SCHEMA_VERSION = 1;

/** What every nomination event records: which nomination, who acted in which role, when, why. */
interface Common {
  nominationId: string;
  by: ActingAs;
  at: string;
  comment?: string;
}

type Ev<T extends string, D> = { type: T; data: Common & D };

export type NominationDrafted = Ev<
  'NominationDrafted',
  {
    unitId: string;
    clusterId: string;
    campaign: Campaign;
    award: Pick<
      AwardType,
      'code' | 'name' | 'awardedBy' | 'clusterReviewRequired' | 'council' | 'cashMultiple' | 'eligibility'
    > & {
      thematic?: boolean;
      /** The award's policy lets the unit head declare a nomination one-off (absent: it does not). */
      oneOffAllowed?: boolean;
    };
    nominee: Nominee;
    achievements: string;
    documents: string[];
    oneOff: boolean;
    /** Why the nominee is eligible, as explained by the eligibility rules at drafting. */
    eligibility: string[];
    /** The stage limits its workflow runs with; absent on drafts recorded before (only the workflow knew them). */
    stageLimits?: StageLimitsConfig;
  }
>;
export type NominationEdited = Ev<
  'NominationEdited',
  { changes: { nominee?: Nominee; achievements?: string; documents?: string[] } }
>;
export type NominationSubmitted = Ev<
  'NominationSubmitted',
  {
    /** OFFICE_CHECK: submitted past the cluster into the office's check (workflows since `office-check-stage`). */
    nextStatus: 'CLUSTER_REVIEW' | 'OFFICE_CHECK' | 'COUNCIL_VOTING';
    skippedClusterReview: boolean;
    /** The unit head declared the nomination one-off (đột xuất) on submitting it. */
    oneOff?: boolean;
    /** The unit's submission (tờ trình) that listed it, when sent as a list. */
    submission?: SubmissionRef;
  }
>;
export type NominationReturnedForRevision = Ev<'NominationReturnedForRevision', { round: number; reasons: string }>;
export type NominationResubmitted = Ev<
  'NominationResubmitted',
  {
    round: number;
    submission?: SubmissionRef;
    /** OFFICE_CHECK: an award without cluster review goes straight back to the office (absent: CLUSTER_REVIEW). */
    nextStatus?: 'OFFICE_CHECK';
  }
>;
/** `nextStatus` absent (events before the office check existed): COUNCIL_VOTING. */
export type ClusterEndorsed = Ev<'ClusterEndorsed', { round: number; nextStatus?: 'OFFICE_CHECK' }>;
/** The office found the dossier complete: on to the council. */
export type OfficeCheckPassed = Ev<'OfficeCheckPassed', { round: number }>;
/** The office found the dossier incomplete: back to the unit, the missing items listed. */
export type OfficeCheckReturned = Ev<'OfficeCheckReturned', { round: number; missing: string[]; reasons: string }>;
export type ClusterRejected = Ev<'ClusterRejected', { round: number; reasons: string }>;
export type CouncilVotingOpened = Ev<
  'CouncilVotingOpened',
  {
    members: CouncilMember[];
    policy: CouncilPolicy;
    deadline: string;
    /** The eligibility explanation, checked again on the award history when voting opens (issue 12). */
    eligibility?: string[];
  }
>;
export type CouncilVoteCast = Ev<'CouncilVoteCast', { choice: VoteChoice; inWriting: boolean }>;
export type CouncilMemberRecused = Ev<'CouncilMemberRecused', { reason: string }>;
export type CouncilVotingClosed = Ev<
  'CouncilVotingClosed',
  {
    /** SESSION: tallied in a council session (`sessionId`), not by this nomination's own voting. */
    trigger: 'SECRETARY' | 'ALL_VOTED' | 'DEADLINE' | 'SESSION';
    tally: VoteTally;
    rule: CouncilPolicy;
    outcome: CouncilOutcome;
    sessionId?: string;
    secret?: SecretBallotCounts;
  }
>;
export type AwardDecisionSigned = Ev<
  'AwardDecisionSigned',
  {
    decisionNumber: string;
    awardCode: string;
    awardName: string;
    nominee: Nominee;
    unitId: string;
    campaignId: string;
    year: number;
    oneOff: boolean;
    cashMultiple: number;
    /** The award decision (many recipients) this signature applies; absent for a one-recipient signature. */
    decisionId?: string;
    /** Unguessable code of the award's public verification page (/verify/:code). */
    verificationCode?: string;
    /** Cash paid in đồng as recorded at signing (absent in events written before it was recorded). */
    amountVnd?: number;
  }
>;
export type SignatureDeclined = Ev<'SignatureDeclined', { reason: string }>;
export type NominationPutOnHold = Ev<
  'NominationPutOnHold',
  { matter: HoldMatter; reason: string; status: NominationStatus }
>;
export type NominationReleasedFromHold = Ev<'NominationReleasedFromHold', { status: NominationStatus }>;
export type NominationWithdrawn = Ev<'NominationWithdrawn', { fromStatus: NominationStatus }>;
export type AwardRevoked = Ev<
  'AwardRevoked',
  {
    ground: RevocationGround;
    reason: string;
    decisionNumber: string;
    /** The revocation decision's own number (same register) and signing year; absent on older events. */
    revocationDecisionNumber?: string;
    revocationYear?: number;
  }
>;
/** The Chairman's submission to central level (tờ trình): the nomination waits for the central decision. */
export type NominationForwarded = Ev<'NominationForwarded', { submissionNumber: string; submissionDate: string }>;
/** Awarded by the central level; the registry lists it under `authority` with the central decision's number. */
export type CentralAwardDecided = Ev<
  'CentralAwardDecided',
  {
    decisionNumber: string;
    decisionDate: string;
    authority: string;
    awardCode: string;
    awardName: string;
    nominee: Nominee;
    unitId: string;
    campaignId: string;
    year: number;
    oneOff: boolean;
    cashMultiple: number;
  }
>;
/** The central level did not approve: the nomination ends REJECTED with the reason. */
export type CentralAwardRefused = Ev<
  'CentralAwardRefused',
  { reason: string; decisionNumber?: string; authority?: string }
>;
export type StageReminderIssued = Ev<'StageReminderIssued', { stage: TimedStage; dueAt: string; awaiting: string[] }>;
export type StageEscalated = Ev<
  'StageEscalated',
  { stage: TimedStage; dueAt: string; awaiting: string[]; escalatedTo: string }
>;

export type NominationEvent =
  | NominationDrafted
  | NominationEdited
  | NominationSubmitted
  | NominationReturnedForRevision
  | NominationResubmitted
  | ClusterEndorsed
  | ClusterRejected
  | OfficeCheckPassed
  | OfficeCheckReturned
  | CouncilVotingOpened
  | CouncilVoteCast
  | CouncilMemberRecused
  | CouncilVotingClosed
  | AwardDecisionSigned
  | SignatureDeclined
  | NominationPutOnHold
  | NominationReleasedFromHold
  | NominationWithdrawn
  | AwardRevoked
  | NominationForwarded
  | CentralAwardDecided
  | CentralAwardRefused
  | StageReminderIssued
  | StageEscalated;

export type NominationEventType = NominationEvent['type'];

export const NOMINATION_EVENT_TYPES: NominationEventType[] = [
  'NominationDrafted',
  'NominationEdited',
  'NominationSubmitted',
  'NominationReturnedForRevision',
  'NominationResubmitted',
  'ClusterEndorsed',
  'ClusterRejected',
  'OfficeCheckPassed',
  'OfficeCheckReturned',
  'CouncilVotingOpened',
  'CouncilVoteCast',
  'CouncilMemberRecused',
  'CouncilVotingClosed',
  'AwardDecisionSigned',
  'SignatureDeclined',
  'NominationPutOnHold',
  'NominationReleasedFromHold',
  'NominationWithdrawn',
  'AwardRevoked',
  'NominationForwarded',
  'CentralAwardDecided',
  'CentralAwardRefused',
  'StageReminderIssued',
  'StageEscalated',
];

export const nominationStreamName = (nominationId: string) => `nomination-${nominationId}`;
