import { invalid } from '../../shared/errors';
import type { ReviewAtCluster } from '../nomination.commands';
import type { ClusterEndorsed, ClusterRejected, NominationReturnedForRevision } from '../nomination.events';
import type { ExistingNomination } from '../nomination.state';
import { Common, required } from './shared';

export function reviewAtCluster(
  command: ReviewAtCluster,
  s: ExistingNomination,
  common: Common,
): (ClusterEndorsed | NominationReturnedForRevision | ClusterRejected)[] {
  switch (command.decision) {
    case 'endorse':
      return [
        {
          type: 'ClusterEndorsed',
          data: { ...common, round: s.round, ...(command.officeCheck ? { nextStatus: 'OFFICE_CHECK' as const } : {}) },
        },
      ];
    case 'return':
      return [
        {
          type: 'NominationReturnedForRevision',
          data: {
            ...common,
            round: s.round,
            reasons: required(command.comment, 'comment', 'Trả lại hồ sơ phải nêu lý do'),
          },
        },
      ];
    case 'reject':
      return [
        {
          type: 'ClusterRejected',
          data: {
            ...common,
            round: s.round,
            reasons: required(command.comment, 'comment', 'Không đề nghị phải nêu lý do'),
          },
        },
      ];
    default:
      throw invalid('DECISION', 'decision phải là endorse, return hoặc reject', 'decision');
  }
}
