import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';

const spec = DeciderSpecification.for(nominationDecider);

const REASONS = 'Thiếu minh chứng sáng kiến';

describe('Cluster review (step 2): endorse, return for revision with reasons, or reject', () => {
  it('the cluster leader endorses: the nomination goes to the council', () => {
    spec.given(f.story.inClusterReview()).when(f.reviewAtCluster('endorse')).then([f.clusterEndorsed()]);
    spec
      .given(f.story.inClusterReview())
      .when(f.reviewAtCluster('endorse'))
      .thenState((s) => expect(s).toMatchObject({ status: 'COUNCIL_VOTING', stageSince: f.T.reviewed }));
  });

  it('returning for revision records the reasons and sends it back to the unit', () => {
    spec
      .given(f.story.inClusterReview())
      .when(f.reviewAtCluster('return', { comment: REASONS }))
      .then([f.nominationReturnedForRevision({ reasons: REASONS })]);
    spec
      .given(f.story.inClusterReview())
      .when(f.reviewAtCluster('return', { comment: REASONS }))
      .thenState((s) => expect(s.status).toBe('RETURNED'));
  });

  it('rejecting records the reasons and ends the nomination', () => {
    spec
      .given(f.story.inClusterReview())
      .when(f.reviewAtCluster('reject', { comment: 'Thành tích chưa nổi bật trong cụm' }))
      .then([f.clusterRejected()]);
    spec
      .given(f.story.inClusterReview())
      .when(f.reviewAtCluster('reject', { comment: 'Thành tích chưa nổi bật trong cụm' }))
      .thenState((s) => expect(s.status).toBe('REJECTED'));
  });

  it.each(['return', 'reject'] as const)('%s without reasons is refused (400 on comment)', (decision) => {
    const e = spec
      .given(f.story.inClusterReview())
      .when(f.reviewAtCluster(decision, { comment: '   ' }))
      .thenThrows('VALIDATION', 'REQUIRED');
    expect(e.field).toBe('comment');
  });

  it('an unknown decision is refused', () => {
    spec
      .given(f.story.inClusterReview())
      .when({ ...f.reviewAtCluster('endorse'), decision: 'approve' as never })
      .thenThrows('VALIDATION', 'DECISION');
  });

  it('a nomination still in draft is not reviewed (WRONG_STAGE)', () => {
    spec.given(f.story.inDraft()).when(f.reviewAtCluster('endorse')).thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });

  it('a rejected nomination cannot be resubmitted (WRONG_STAGE)', () => {
    spec.given(f.story.rejectedAtCluster()).when(f.resubmitNomination()).thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });
});

describe('Return → edit → resubmit: the unit revises and resubmits, the history keeps every round', () => {
  it('the officer edits a returned nomination', () => {
    spec
      .given(f.story.returned())
      .when(f.editNomination({ documents: ['minh-chung-sang-kien.pdf'] }))
      .then([f.nominationEdited({ documents: ['minh-chung-sang-kien.pdf'] })]);
  });

  it('the unit head resubmits: back to cluster review, round 2', () => {
    const given = [...f.story.returned(), f.nominationEdited({ documents: ['minh-chung-sang-kien.pdf'] })];
    spec
      .given(given)
      .when(f.resubmitNomination())
      .then([f.nominationResubmitted({ round: 2 })]);
    spec
      .given(given)
      .when(f.resubmitNomination())
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'CLUSTER_REVIEW',
          round: 2,
          documents: ['minh-chung-sang-kien.pdf'],
          stageSince: f.T.resubmitted,
        }),
      );
  });

  it('the second round is reviewed as round 2', () => {
    spec
      .given([...f.story.returned(), f.nominationResubmitted({ round: 2 })])
      .when(f.reviewAtCluster('endorse'))
      .then([f.clusterEndorsed({ round: 2 })]);
  });

  it('a nomination returned twice is resubmitted as round 3', () => {
    spec
      .given([
        ...f.story.returned(),
        f.nominationResubmitted({ round: 2 }),
        f.nominationReturnedForRevision({ round: 2, reasons: 'Chưa đủ' }),
      ])
      .when(f.resubmitNomination())
      .then([f.nominationResubmitted({ round: 3 })]);
  });

  it('a returned nomination is resubmitted, not submitted (WRONG_STAGE)', () => {
    spec.given(f.story.returned()).when(f.submitNomination()).thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });

  it('a draft is submitted, not resubmitted (WRONG_STAGE)', () => {
    spec.given(f.story.inDraft()).when(f.resubmitNomination()).thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });

  describe('editing is only for the unit, only in DRAFT or RETURNED', () => {
    it.each([
      ['CLUSTER_REVIEW', f.story.inClusterReview()],
      ['COUNCIL_VOTING', f.story.inCouncilVoting()],
      ['AWAITING_SIGNATURE', f.story.awaitingSignature()],
    ])('a nomination in %s cannot be edited (WRONG_STAGE)', (_status, given) => {
      spec
        .given(given)
        .when(f.editNomination({ achievements: 'Sửa muộn' }))
        .thenThrows('INVALID_STATE', 'WRONG_STAGE');
    });

    it('an edit must change something', () => {
      spec.given(f.story.inDraft()).when(f.editNomination({})).thenThrows('VALIDATION', 'NOTHING_TO_CHANGE');
    });

    it('an edit cannot blank the achievements', () => {
      spec
        .given(f.story.inDraft())
        .when(f.editNomination({ achievements: ' ' }))
        .thenThrows('VALIDATION', 'REQUIRED');
    });

    it('an edit cannot turn an individual into a collective', () => {
      spec
        .given(f.story.inDraft())
        .when(f.editNomination({ nominee: f.collectiveDonvi1 }))
        .thenThrows('VALIDATION', 'RECIPIENT_KIND');
    });

    it('an edit cannot drop the nominee’s identity', () => {
      const e = spec
        .given(f.story.inDraft())
        .when(f.editNomination({ nominee: { ...f.nomineeAn, nomineeId: '' } }))
        .thenThrows('VALIDATION', 'REQUIRED');
      expect(e.field).toBe('nominee.nomineeId');
    });

    it('an edit replaces what it names and keeps the rest', () => {
      spec
        .given(f.story.inDraft())
        .when(f.editNomination({ achievements: 'Thành tích đã bổ sung' }))
        .thenState((s) =>
          expect(s).toMatchObject({ status: 'DRAFT', achievements: 'Thành tích đã bổ sung', nominee: f.nomineeAn }),
        );
    });
  });
});
