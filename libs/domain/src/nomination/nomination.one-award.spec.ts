import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';

const spec = DeciderSpecification.for(nominationDecider);

/** Bằng khen already given to An in the 2026 campaign, through another nomination. */
const alreadyAwarded = f.priorAward({
  awardCode: 'BANG_KHEN_TINH',
  campaignId: f.campaign2026.id,
  year: 2026,
  nominationId: 'nom-2026-0999',
  decisionNumber: '120/QĐ-UBND',
});

describe('One achievement, one award: a second award of the same type, to the same nominee, in the same campaign is refused', () => {
  it('drafting it is refused, naming the earlier decision (ONE_ACHIEVEMENT_ONE_AWARD)', () => {
    const e = spec
      .given([])
      .when(f.draftNomination({ priorAwards: [alreadyAwarded] }))
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
    expect(e.message).toContain('120/QĐ-UBND');
  });

  it('submitting it is refused when the award was given meanwhile', () => {
    spec
      .given(f.story.inDraft())
      .when(f.submitNomination({ priorAwards: [alreadyAwarded] }))
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
  });

  it('signing it is refused when the award was given meanwhile', () => {
    spec
      .given(f.story.awaitingSignature())
      .when(f.signAwardDecision({ priorAwards: [alreadyAwarded] }))
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
  });

  it('the same award in another campaign is not a duplicate', () => {
    const lastYear = { ...alreadyAwarded, campaignId: 'dong-khoi-moi-2025', year: 2025 };
    spec
      .given([])
      .when(f.draftNomination({ priorAwards: [lastYear] }))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });

  it('another award in the same campaign is not a duplicate', () => {
    const other = { ...alreadyAwarded, awardCode: 'CSTD_TINH' };
    spec
      .given([])
      .when(f.draftNomination({ priorAwards: [other] }))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });

  it('a revoked award no longer blocks a new one', () => {
    spec
      .given([])
      .when(f.draftNomination({ priorAwards: [{ ...alreadyAwarded, revoked: true }] }))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });

  it('the nomination’s own record (a retried signature) is not a duplicate of itself', () => {
    const own = { ...alreadyAwarded, nominationId: f.NOMINATION_ID, decisionNumber: f.DECISION_NUMBER };
    spec
      .given(f.story.awaitingSignature())
      .when(f.signAwardDecision({ priorAwards: [own] }))
      .then([f.awardDecisionSigned()]);
  });
});
