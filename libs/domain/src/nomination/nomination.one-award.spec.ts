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

describe('One achievement, one award (Law 06/2022): a second award of the same kind, to the same nominee, for the same achievement year is refused whatever the campaign', () => {
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

  it('the same award for last year’s achievement is not a duplicate', () => {
    const lastYear = { ...alreadyAwarded, campaignId: 'dong-khoi-moi-2025', year: 2025 };
    spec
      .given([])
      .when(f.draftNomination({ priorAwards: [lastYear] }))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });

  it('the same award for the same year through another campaign is refused: the achievement is the year’s, not the campaign’s', () => {
    const otherCampaign = { ...alreadyAwarded, campaignId: 'chuyen-de-chuyen-doi-so-2026' };
    spec
      .given([])
      .when(f.draftNomination({ priorAwards: [otherCampaign] }))
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
  });

  it('another award of the same kind for the same year is refused (the catalog groups CSTĐ cấp tỉnh with Bằng khen)', () => {
    const fighter = { ...alreadyAwarded, awardCode: 'CSTD_TINH' };
    const e = spec
      .given([])
      .when(f.draftNomination({ priorAwards: [fighter] }))
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
    expect(e.message).toContain('CSTD_TINH');
  });

  it('an award of another kind for the same year is not a duplicate (a unit’s Giấy khen is a title of its own)', () => {
    const unitCommendation = { ...alreadyAwarded, awardCode: 'CSTD_CO_SO', decisionNumber: '12/QĐ-SGDĐT' };
    spec
      .given([])
      .when(f.draftNomination({ priorAwards: [unitCommendation] }))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });

  it('a one-off award rewards a feat of its own: it neither blocks nor is blocked by the year’s award (catalog exceptions)', () => {
    spec
      .given([])
      .when(f.draftNomination({ priorAwards: [{ ...alreadyAwarded, oneOff: true }] }))
      .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });

  it('without the catalog’s grouping, each award is a kind of its own', () => {
    const fighter = { ...alreadyAwarded, awardCode: 'CSTD_TINH' };
    spec
      .given([])
      .when(
        f.draftNomination({
          priorAwards: [fighter],
          oneAward: { kinds: [], exceptions: { oneOff: true, thematic: true }, source: 'spec' },
        }),
      )
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

describe('One achievement, one award, before any signature: the same proposal twice is refused while the first is in progress', () => {
  const inProgress = f.priorAward({
    awardCode: 'BANG_KHEN_TINH',
    campaignId: f.campaign2026.id,
    year: 2026,
    nominationId: 'nom-2026-0998',
  });

  it('a second draft of the same award for the same person and year is refused, naming the first nomination', () => {
    const e = spec
      .given([])
      .when({ ...f.draftNomination(), pendingNominations: [inProgress] })
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
    expect(e.message).toContain('nom-2026-0998');
  });

  it('submitting is refused too when another nomination of the same kind and year is in progress', () => {
    spec
      .given(f.story.inDraft())
      .when({ ...f.submitNomination(), pendingNominations: [inProgress] })
      .thenThrows('CONFLICT', 'ONE_ACHIEVEMENT_ONE_AWARD');
  });

  it('another kind, another year or a one-off in progress does not block', () => {
    for (const other of [
      { ...inProgress, awardCode: 'CONG_DAN_DONG_KHOI' },
      { ...inProgress, year: 2025 },
      { ...inProgress, oneOff: true },
    ])
      spec
        .given([])
        .when({ ...f.draftNomination(), pendingNominations: [other] })
        .thenEvents(([e]) => expect(e.type).toBe('NominationDrafted'));
  });
});
