import type { ActingAs } from '../shared/actor';
import type { CouncilPolicy, RecipientKind } from '../catalog/award-catalog';
import type { CampaignKind } from '../campaign/campaign.types';

export const NOMINATION_STATUSES = [
  'DRAFT',
  'CLUSTER_REVIEW',
  /** The office (council secretary) checks the dossier is complete before the council (thẩm định). */
  'OFFICE_CHECK',
  'RETURNED',
  'COUNCIL_VOTING',
  'AWAITING_SIGNATURE',
  /** An award decided above the province: the Chairman's submission went to central level. */
  'FORWARDED',
  'AWARDED',
  'REJECTED',
  'WITHDRAWN',
  'REVOKED',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** Stages that carry a time limit (SLA). */
export type TimedStage = 'CLUSTER_REVIEW' | 'OFFICE_CHECK' | 'RETURNED' | 'COUNCIL_VOTING' | 'AWAITING_SIGNATURE';

export interface Nominee {
  kind: RecipientKind;
  name: string;
  /** Stable identity of the nominee across nominations (citizen id, staff id or unit id). */
  nomineeId: string;
  /** The nominee's own user id when the nominee is a system user (must recuse from the council). */
  userId?: string;
  position?: string;
  /** The person of the register (issue 12); absent on nominations drafted with a free nominee. */
  personId?: string;
  gender?: 'male' | 'female';
  /** Người trực tiếp lao động, sản xuất, công tác (priority in awards). */
  directWorker?: boolean;
  /** A collective at the grassroots (tập thể cơ sở). */
  grassroots?: boolean;
  /** A sub-unit (phòng, tổ, khoa…) of the drafting unit, nominated as a collective of its own; its id is `nomineeId`. */
  subUnitId?: string;
}

export interface Campaign {
  id: string;
  year: number;
  /** ISO date-time after which submissions close (one-off nominations excepted). */
  submissionDeadline: string;
  /** The campaign's kind (campaigns run as event streams); a thematic one's awards do not count toward higher titles. */
  kind?: CampaignKind;
}

export interface CouncilMember {
  userId: string;
  unitId?: string;
  /** The member's person identifier (organisation file), to recognise a member who is the nominee. */
  personId?: string;
}

export type VoteChoice = 'approve' | 'reject' | 'abstain';
export type ClusterDecision = 'endorse' | 'return' | 'reject';
/** The office's check of a dossier (thẩm định): complete → the council; incomplete → back to the unit. */
export type OfficeCheckResult = 'complete' | 'incomplete';
/** The unit's submission (tờ trình) a nomination was sent with: its number and date. */
export interface SubmissionRef {
  number: string;
  /** YYYY-MM-DD */
  date: string;
}
export type HoldMatter = 'DISCIPLINARY_REVIEW' | 'INSPECTION' | 'COMPLAINT' | 'PUBLISHED_ALLEGATION';
export const HOLD_MATTERS: HoldMatter[] = ['DISCIPLINARY_REVIEW', 'INSPECTION', 'COMPLAINT', 'PUBLISHED_ALLEGATION'];

/** Art. of Law 06/2022/QH15 on revocation: the four legal grounds from DOMAIN.md. */
export type RevocationGround =
  | 'DISHONEST_DECLARATION'
  | 'FALSE_INFORMATION_OR_FORGED_DOCUMENTS'
  | 'UNLAWFUL_REVIEW_OR_PROPOSAL'
  | 'CRITERIA_NOT_MET';
export const REVOCATION_GROUNDS: RevocationGround[] = [
  'DISHONEST_DECLARATION',
  'FALSE_INFORMATION_OR_FORGED_DOCUMENTS',
  'UNLAWFUL_REVIEW_OR_PROPOSAL',
  'CRITERIA_NOT_MET',
];

/** A nominee's award held before (from the nominee record stream): for eligibility and "one achievement, one award". */
export interface PriorAward {
  awardCode: string;
  /** The award's name when the catalog does not list its code (an award from a ministry or central level). */
  awardName?: string;
  campaignId: string;
  year: number;
  nominationId: string;
  decisionNumber?: string;
  /** Date of the decision (YYYY-MM-DD) and who decided it (a unit, a ministry, central level), for history entries. */
  decisionDate?: string;
  authority?: string;
  oneOff: boolean;
  thematic?: boolean;
  revoked?: boolean;
}

export interface VoteTally {
  members: number;
  approve: number;
  reject: number;
  abstain: number;
  recused: number;
  /** Members who took part (approve + reject + abstain) over ALL members. */
  participation: number;
  /** Approvals over ALL members. */
  approval: number;
}

/** A secret item's counts: blind signatures issued, ballots cast, and the hash of the published ballots. */
export interface SecretBallotCounts {
  issued: number;
  cast: number;
  ballotsHash: string;
}

export type CouncilOutcome = 'APPROVED' | 'QUORUM_NOT_MET' | 'THRESHOLD_NOT_MET';

export type { ActingAs };
export type { CouncilPolicy };
