import type { Actor } from '../shared/actor';
import type { MeetingMinutes, ScoringCampaign } from './cluster-scoring.types';

interface Base {
  clusterId: string;
  year: number;
  actor: Actor;
  now: string;
  campaign: ScoringCampaign;
  /** The cluster's member units taking part in the campaign (directory ∩ participants). */
  memberUnitIds: string[];
}

export interface RecordUnitScores extends Base {
  type: 'RecordUnitScores';
  unitId: string;
  scores: Record<string, number>;
}

export interface AgreeClusterRanking extends Base {
  type: 'AgreeClusterRanking';
  /** Unit ids, first = best; every scored unit exactly once. */
  ranking: string[];
  /** The unit(s) the meeting proposes for the emulation flag: the head of the ranking. */
  leadingUnitIds: string[];
  /** The units it proposes for certificates (Bằng khen): those ranked right after the leading ones. */
  certificateUnitIds?: string[];
  minutes: MeetingMinutes;
}

export type ClusterScoringCommand = RecordUnitScores | AgreeClusterRanking;
