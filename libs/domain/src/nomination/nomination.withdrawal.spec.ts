import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';
import type { NominationEvent } from './nomination.events';
import type { NominationStatus } from './nomination.types';

const spec = DeciderSpecification.for(nominationDecider);

describe('Withdrawal: the unit head withdraws a nomination only before the award decision is signed', () => {
  const beforeSignature: [NominationStatus, () => NominationEvent[]][] = [
    ['DRAFT', () => f.story.inDraft()],
    ['CLUSTER_REVIEW', () => f.story.inClusterReview()],
    ['RETURNED', () => f.story.returned()],
    ['COUNCIL_VOTING', () => f.story.votingOpen()],
    ['AWAITING_SIGNATURE', () => f.story.awaitingSignature()],
  ];

  it.each(beforeSignature)('a nomination in %s is withdrawn, recording where it was', (status, given) => {
    spec
      .given(given())
      .when(f.withdrawNomination())
      .then([f.nominationWithdrawn(status)]);
    spec
      .given(given())
      .when(f.withdrawNomination())
      .thenState((s) => expect(s.status).toBe('WITHDRAWN'));
  });

  it('a signed award cannot be withdrawn, only revoked (ALREADY_SIGNED)', () => {
    spec.given(f.story.awarded()).when(f.withdrawNomination()).thenThrows('INVALID_STATE', 'ALREADY_SIGNED');
  });

  it('a revoked award cannot be withdrawn either (ALREADY_SIGNED)', () => {
    spec.given(f.story.revoked()).when(f.withdrawNomination()).thenThrows('INVALID_STATE', 'ALREADY_SIGNED');
  });

  it.each([
    ['rejected', f.story.rejectedAtCluster()],
    ['withdrawn', f.story.withdrawn()],
  ])('a nomination already %s cannot be withdrawn (NOMINATION_CLOSED)', (_s, given) => {
    spec.given(given).when(f.withdrawNomination()).thenThrows('INVALID_STATE', 'NOMINATION_CLOSED');
  });

  it('a withdrawn nomination goes no further (WRONG_STAGE)', () => {
    spec.given(f.story.withdrawn()).when(f.submitNomination()).thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });
});
