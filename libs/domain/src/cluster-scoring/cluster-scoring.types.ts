import type { CampaignStatus, ScoringCriterion } from '../campaign/campaign.types';

/**
 * Year-end scoring of an emulation cluster (chấm điểm cụm, khối thi đua): the cluster leader records
 * each member unit's scores against the campaign's scoring table, then the ranking and the leading
 * unit(s) the cluster's meeting agreed, with the meeting's minutes. One stream per cluster and year.
 */
export const clusterScoringStreamName = (clusterId: string, year: number) => `cluster-scoring-${clusterId}-${year}`;
export const CLUSTER_SCORING_STREAM_PREFIX = 'cluster-scoring-';

/** The campaign the scoring follows, as its stream says now. */
export interface ScoringCampaign {
  campaignId: string;
  year: number;
  status: CampaignStatus;
  scoringTable: ScoringCriterion[];
}

export interface UnitScore {
  unitId: string;
  /** By criterion code. */
  scores: Record<string, number>;
  /** Σ score × weight. */
  total: number;
  recordedBy: string;
  at: string;
}

export interface MeetingMinutes {
  /** Number of the minutes (biên bản), e.g. 12/BB-CTĐ1. */
  number: string;
  /** YYYY-MM-DD */
  heldOn: string;
  summary: string;
  attendees: string[];
}

export interface RankedUnit {
  unitId: string;
  rank: number;
  total: number;
}
