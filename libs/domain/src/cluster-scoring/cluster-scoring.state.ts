import type { ClusterScoringEvent } from './cluster-scoring.events';
import type { MeetingMinutes, RankedUnit, UnitScore } from './cluster-scoring.types';

export interface ExistingScoring {
  status: 'SCORING' | 'RANKED';
  clusterId: string;
  year: number;
  campaignId: string;
  /** By unit id: the latest scores recorded. */
  scores: Record<string, UnitScore>;
  minutes?: MeetingMinutes;
  ranking?: RankedUnit[];
  leadingUnitIds?: string[];
  certificateUnitIds?: string[];
  rankedAt?: string;
}

export type ClusterScoringState = { status: 'NONE' } | ExistingScoring;

export const initialScoringState = (): ClusterScoringState => ({ status: 'NONE' });

export function evolveScoring(state: ClusterScoringState, event: ClusterScoringEvent): ClusterScoringState {
  const d = event.data;
  const s: ExistingScoring =
    state.status === 'NONE'
      ? { status: 'SCORING', clusterId: d.clusterId, year: d.year, campaignId: d.campaignId, scores: {} }
      : state;
  switch (event.type) {
    case 'UnitScoresRecorded': {
      const e = event.data;
      const score = { unitId: e.unitId, scores: e.scores, total: e.total, recordedBy: e.by.userId, at: e.at };
      return { ...s, scores: { ...s.scores, [e.unitId]: score } };
    }
    case 'ClusterMeetingMinutesRecorded':
      return { ...s, minutes: event.data.minutes };
    case 'ClusterRankingAgreed':
      return {
        ...s,
        status: 'RANKED',
        ranking: event.data.ranking,
        leadingUnitIds: event.data.leadingUnitIds,
        certificateUnitIds: event.data.certificateUnitIds ?? [],
        rankedAt: event.data.at,
      };
    default:
      return s;
  }
}
