import type { Decider } from '../shared/decider';
import type { ClusterScoringCommand } from './cluster-scoring.commands';
import { decideScoring } from './cluster-scoring.decide';
import type { ClusterScoringEvent } from './cluster-scoring.events';
import { evolveScoring, initialScoringState, type ClusterScoringState } from './cluster-scoring.state';

export const clusterScoringDecider: Decider<ClusterScoringCommand, ClusterScoringEvent, ClusterScoringState> = {
  decide: decideScoring,
  evolve: evolveScoring,
  initialState: initialScoringState,
};
