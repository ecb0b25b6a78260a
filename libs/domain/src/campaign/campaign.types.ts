/**
 * A campaign (phong trào / đợt thi đua) as the office runs it: launched by a document, open for
 * registration (đăng ký thi đua), then for nominations, then closed. Its kind decides whether its
 * awards count toward higher titles (thematic ones do not — Law 06/2022, DOMAIN.md legal frame).
 */
export const CAMPAIGN_KINDS = ['ANNUAL', 'THEMATIC', 'PERIODIC'] as const;
/** ANNUAL: thường xuyên (hằng năm); THEMATIC: chuyên đề; PERIODIC: theo đợt. */
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_STATUSES = ['PLANNED', 'REGISTRATION_OPEN', 'NOMINATIONS_OPEN', 'CLOSED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** One line of the cluster scoring table (bảng chấm điểm): a criterion, its weight and its top score. */
export interface ScoringCriterion {
  code: string;
  name: string;
  weight: number;
  maxScore: number;
}

/** The launching document (văn bản phát động): its number and date. */
export interface LaunchDocument {
  number: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface CampaignDefinition {
  campaignId: string;
  name: string;
  kind: CampaignKind;
  /** The year whose work the campaign reviews (titles are per year). */
  year: number;
  /** YYYY-MM-DD, inclusive. */
  period: { start: string; end: string };
  /** ISO date-time after which submissions close (one-off nominations excepted). */
  submissionDeadline: string;
  /** Criteria text (nội dung, tiêu chí thi đua). */
  criteria: string;
  /** Award forms the campaign may lead to (catalog codes). */
  awardCodes: string[];
  /** Who takes part: these units and every unit of these clusters; both empty = every unit. */
  participants: { unitIds: string[]; clusterIds: string[] };
  /** The clusters' year-end scoring table; empty when the campaign has no cluster scoring. */
  scoringTable: ScoringCriterion[];
}

/** A unit's registration (bản đăng ký thi đua): its commitment and the titles it aims for. */
export interface UnitRegistration {
  unitId: string;
  clusterId: string;
  commitment: string;
  targetAwardCodes: string[];
  registeredBy: string;
  at: string;
}

export const campaignStreamName = (campaignId: string) => `campaign-${campaignId}`;
export const CAMPAIGN_STREAM_PREFIX = 'campaign-';
