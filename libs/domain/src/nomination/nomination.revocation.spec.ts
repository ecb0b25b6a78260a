import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';
import { REVOCATION_GROUNDS } from './nomination.types';

const spec = DeciderSpecification.for(nominationDecider);

describe('Revocation (hủy bỏ): only an awarded nomination, on one of the four legal grounds', () => {
  it('the four grounds are (a) dishonest declaration, (b) false information or forged documents, (c) unlawful review or proposal, (d) criteria not met', () => {
    expect(REVOCATION_GROUNDS).toEqual([
      'DISHONEST_DECLARATION',
      'FALSE_INFORMATION_OR_FORGED_DOCUMENTS',
      'UNLAWFUL_REVIEW_OR_PROPOSAL',
      'CRITERIA_NOT_MET',
    ]);
  });

  it.each(REVOCATION_GROUNDS)('the chairman revokes an award on ground %s, citing the decision revoked', (ground) => {
    spec
      .given(f.story.awarded())
      .when(f.revokeAward(ground))
      .then([f.awardRevoked({ ground })]);
  });

  it('a revoked award is REVOKED', () => {
    spec
      .given(f.story.awarded())
      .when(f.revokeAward('DISHONEST_DECLARATION'))
      .thenState((s) => expect(s).toMatchObject({ status: 'REVOKED', decisionNumber: f.DECISION_NUMBER }));
  });

  it('any other ground is refused (400 on ground)', () => {
    const e = spec
      .given(f.story.awarded())
      .when(f.revokeAward('CHANGED_MIND' as never))
      .thenThrows('VALIDATION', 'GROUND');
    expect(e.field).toBe('ground');
  });

  it('a revocation must state its reason (400 on reason)', () => {
    const e = spec
      .given(f.story.awarded())
      .when(f.revokeAward('CRITERIA_NOT_MET', { comment: '' }))
      .thenThrows('VALIDATION', 'REQUIRED');
    expect(e.field).toBe('reason');
  });

  it.each([
    ['in draft', f.story.inDraft()],
    ['awaiting signature', f.story.awaitingSignature()],
    ['rejected', f.story.rejectedAtCluster()],
    ['withdrawn', f.story.withdrawn()],
    ['already revoked', f.story.revoked()],
  ])('a nomination %s cannot be revoked (NOT_AWARDED)', (_s, given) => {
    spec.given(given).when(f.revokeAward('CRITERIA_NOT_MET')).thenThrows('INVALID_STATE', 'NOT_AWARDED');
  });
});
