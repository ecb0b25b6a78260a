import type { ActingAs } from '../shared/actor';
import type { MeetingMinutes, RankedUnit } from './cluster-scoring.types';

interface Common {
  clusterId: string;
  year: number;
  campaignId: string;
  at: string;
  by: ActingAs;
}

export type UnitScoresRecorded = {
  type: 'UnitScoresRecorded';
  data: Common & { unitId: string; scores: Record<string, number>; total: number };
};
export type ClusterMeetingMinutesRecorded = {
  type: 'ClusterMeetingMinutesRecorded';
  data: Common & { minutes: MeetingMinutes };
};
export type ClusterRankingAgreed = {
  type: 'ClusterRankingAgreed';
  data: Common & {
    ranking: RankedUnit[];
    leadingUnitIds: string[];
    /** Proposed for certificates (Bằng khen); absent when the meeting proposed none. */
    certificateUnitIds?: string[];
    minutesNumber: string;
  };
};

export type ClusterScoringEvent = UnitScoresRecorded | ClusterMeetingMinutesRecorded | ClusterRankingAgreed;
