import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';

const spec = DeciderSpecification.for(nominationDecider);

/** 2026-12-31 17:00 in Vietnam, the 2026 campaign's deadline, written in UTC. */
const AT_DEADLINE = '2026-12-31T10:00:00.000Z';
const ONE_SECOND_LATE = '2026-12-31T10:00:01.000Z';

describe('Submitting a nomination (the unit proposal)', () => {
  it('the unit head submits a draft: it goes to cluster review, round 1', () => {
    spec.given(f.story.inDraft()).when(f.submitNomination()).then([f.nominationSubmitted()]);
    spec
      .given(f.story.inDraft())
      .when(f.submitNomination())
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'CLUSTER_REVIEW',
          round: 1,
          stageSince: f.T.submitted,
          proposers: ['thutruong.donvi1'],
        }),
      );
  });

  it('a nomination cannot be submitted twice (WRONG_STAGE)', () => {
    spec.given(f.story.inClusterReview()).when(f.submitNomination()).thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });

  describe('submissions close at the campaign deadline', () => {
    it('a submission exactly at the deadline is accepted', () => {
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ at: AT_DEADLINE }))
        .then([f.nominationSubmitted({ at: AT_DEADLINE })]);
    });

    it('a submission one second after the deadline is refused, comparing instants across time zones (SUBMISSIONS_CLOSED)', () => {
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ at: ONE_SECOND_LATE }))
        .thenThrows('INVALID_STATE', 'SUBMISSIONS_CLOSED');
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ at: f.T.afterCampaign }))
        .thenThrows('INVALID_STATE', 'SUBMISSIONS_CLOSED');
    });

    it('a deadline the province extended (the campaign as loaded now) lets the submission in', () => {
      const extended = { ...f.campaign2026, submissionDeadline: '2027-01-15T17:00:00+07:00' };
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ at: f.T.afterCampaign, campaign: extended }))
        .then([f.nominationSubmitted({ at: f.T.afterCampaign })]);
    });

    it('the campaign on the command must be the nomination’s own (CAMPAIGN_MISMATCH)', () => {
      const other = { id: 'dong-khoi-moi-2027', year: 2027, submissionDeadline: '2027-12-31T17:00:00+07:00' };
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ campaign: other }))
        .thenThrows('VALIDATION', 'CAMPAIGN_MISMATCH');
    });

    it('a one-off (đột xuất) nomination may be submitted after the deadline', () => {
      spec
        .given(f.story.inDraft({ oneOff: true }))
        .when(f.submitNomination({ at: f.T.afterCampaign }))
        .then([f.nominationSubmitted({ at: f.T.afterCampaign, toCouncil: true })]);
    });
  });

  describe('the unit head declares a nomination one-off (đột xuất) on submitting it, where the award allows it', () => {
    it('a Bằng khen declared one-off goes straight to the council, marked one-off', () => {
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ oneOff: true }))
        .then([f.nominationSubmitted({ toCouncil: true, oneOff: true })]);
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ oneOff: true }))
        .thenState((s) => expect(s).toMatchObject({ status: 'COUNCIL_VOTING', oneOff: true }));
    });

    it('…and is accepted after the campaign’s deadline', () => {
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ oneOff: true, at: f.T.afterCampaign }))
        .then([f.nominationSubmitted({ toCouncil: true, oneOff: true, at: f.T.afterCampaign })]);
    });

    it('an award whose policy does not allow one-off (Chiến sĩ thi đua cấp tỉnh) is refused (ONE_OFF_NOT_ALLOWED)', () => {
      spec
        .given(f.story.inDraft({ award: f.CSTD_TINH }))
        .when(f.submitNomination({ oneOff: true, priorAwards: f.anHistory }))
        .thenThrows('FORBIDDEN', 'ONE_OFF_NOT_ALLOWED');
    });

    it('a returned nomination cannot become one-off when resubmitted (ONE_OFF_NOT_ALLOWED)', () => {
      spec
        .given(f.story.returned())
        .when(f.resubmitNomination({ oneOff: true }))
        .thenThrows('FORBIDDEN', 'ONE_OFF_NOT_ALLOWED');
    });

    it('the officer who drafted it cannot declare it: submitting is the unit head’s (ROLE_REQUIRED)', () => {
      spec
        .given(f.story.inDraft())
        .when(f.submitNomination({ oneOff: true, by: f.canboDonvi1 }))
        .thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });

  describe('nominations drafted one-off before the declaration moved to submission (old histories) still skip cluster review', () => {
    it('a one-off nomination goes straight to the council', () => {
      spec
        .given(f.story.inDraft({ oneOff: true }))
        .when(f.submitNomination())
        .then([f.nominationSubmitted({ toCouncil: true })]);
      spec
        .given(f.story.inDraft({ oneOff: true }))
        .when(f.submitNomination())
        .thenState((s) => expect(s.status).toBe('COUNCIL_VOTING'));
    });

    it('the same award, not one-off, goes to cluster review', () => {
      spec
        .given(f.story.inDraft({ oneOff: false }))
        .when(f.submitNomination())
        .thenState((s) => expect(s.status).toBe('CLUSTER_REVIEW'));
    });

    it('so the cluster leader has nothing to review (WRONG_STAGE)', () => {
      spec
        .given([...f.story.inDraft({ oneOff: true }), f.nominationSubmitted({ toCouncil: true })])
        .when(f.reviewAtCluster('endorse'))
        .thenThrows('INVALID_STATE', 'WRONG_STAGE');
    });

    it('an award whose policy needs no cluster review (Công dân Đồng Khởi) also goes straight to the council', () => {
      spec
        .given(f.story.inDraft({ award: f.CONG_DAN_DONG_KHOI }))
        .when(f.submitNomination())
        .then([f.nominationSubmitted({ toCouncil: true })]);
    });
  });

  describe('eligibility is checked again on the history as it stands at submission', () => {
    it('a nominee whose record no longer shows 3 consecutive years is refused (NOT_ELIGIBLE)', () => {
      spec
        .given(f.story.inDraft({ award: f.CSTD_TINH }))
        .when(
          f.submitNomination({
            priorAwards: [...f.cstdCoSoIn(2023, 2025), f.priorAward({ year: 2024, revoked: true })],
          }),
        )
        .thenThrows('INVALID_STATE', 'NOT_ELIGIBLE');
    });

    it('an eligible nominee is submitted', () => {
      spec
        .given(f.story.inDraft({ award: f.CSTD_TINH }))
        .when(f.submitNomination({ priorAwards: f.anHistory }))
        .then([f.nominationSubmitted()]);
    });
  });
});
