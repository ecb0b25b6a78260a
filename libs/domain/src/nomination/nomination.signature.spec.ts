import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { prepareSignature, type SignatureRequest } from './commands/signature';
import { nominationDecider } from './nomination.decider';
import type { NominationEvent } from './nomination.events';

const spec = DeciderSpecification.for(nominationDecider);

describe('Chairman’s signature (step 4): sign the award decision with its number, or decline', () => {
  it('the chairman signs: AwardDecisionSigned carries the decision number and what was awarded', () => {
    spec
      .given(f.story.awaitingSignature())
      .when(f.signAwardDecision({ decisionNumber: '163/QĐ-UBND' }))
      .then([f.awardDecisionSigned({ decisionNumber: '163/QĐ-UBND' })]);
  });

  it('the nomination is AWARDED and keeps its decision number', () => {
    spec
      .given(f.story.awaitingSignature())
      .when(f.signAwardDecision({ decisionNumber: '164/QĐ-UBND' }))
      .thenState((s) =>
        expect(s).toMatchObject({ status: 'AWARDED', decisionNumber: '164/QĐ-UBND', signedAt: f.T.signed }),
      );
  });

  it('the signed event carries the cash multiple and the one-off flag (one-off awards never ground a higher award)', () => {
    spec
      .given(f.story.awaitingSignature({ award: f.CSTD_TINH, oneOff: true }))
      .when(f.signAwardDecision())
      .thenEvents(([e]) =>
        expect(e).toMatchObject({ data: { awardCode: 'CSTD_TINH', cashMultiple: 3, oneOff: true, year: 2026 } }),
      );
  });

  it('the signed event records the amount paid when the signature names it (statistics read it, not today’s schedule)', () => {
    spec
      .given(f.story.awaitingSignature({ award: f.CSTD_TINH }))
      .when({ ...f.signAwardDecision(), amountVnd: 7_020_000 })
      .thenEvents(([e]) => expect(e).toMatchObject({ data: { cashMultiple: 3, amountVnd: 7_020_000 } }));
    spec
      .given(f.story.awaitingSignature())
      .when(f.signAwardDecision())
      .thenEvents(([e]) => expect(e.data).not.toHaveProperty('amountVnd'));
  });

  it('a signature without a decision number is refused (400 on decisionNumber)', () => {
    const e = spec
      .given(f.story.awaitingSignature())
      .when(f.signAwardDecision({ decisionNumber: ' ' }))
      .thenThrows('VALIDATION', 'REQUIRED');
    expect(e.field).toBe('decisionNumber');
  });

  it('nothing is signed before the council approved it (WRONG_STAGE)', () => {
    spec.given(f.story.votingOpen()).when(f.signAwardDecision()).thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });

  it('a nomination the council did not approve is never signed (WRONG_STAGE)', () => {
    spec
      .given([...f.story.votingOpen(), f.councilVotingClosed({ outcome: 'THRESHOLD_NOT_MET' })])
      .when(f.signAwardDecision())
      .thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });

  it('a decision is signed once (WRONG_STAGE)', () => {
    spec
      .given(f.story.awarded())
      .when(f.signAwardDecision({ decisionNumber: '165/QĐ-UBND' }))
      .thenThrows('INVALID_STATE', 'WRONG_STAGE');
  });

  it('the chairman declines with a reason: the nomination is rejected', () => {
    spec.given(f.story.awaitingSignature()).when(f.declineSignature()).then([f.signatureDeclined()]);
    spec
      .given(f.story.awaitingSignature())
      .when(f.declineSignature())
      .thenState((s) => expect(s.status).toBe('REJECTED'));
  });

  it('declining without a reason is refused', () => {
    spec
      .given(f.story.awaitingSignature())
      .when(f.declineSignature({ comment: '' }))
      .thenThrows('VALIDATION', 'REQUIRED');
  });
});

describe('Signing in two steps: the decision number is allocated between them', () => {
  const fold = (events: NominationEvent[]) => events.reduce(nominationDecider.evolve, nominationDecider.initialState());
  const request = (o: Parameters<typeof f.signAwardDecision>[0] = {}): SignatureRequest => {
    const { decisionNumber: _allocatedLater, ...rest } = f.signAwardDecision(o);
    return rest;
  };

  it('given a nomination awaiting signature, when the chairman prepares to sign, then nothing refuses it (a number may be allocated)', () => {
    expect(() => prepareSignature(request(), fold(f.story.awaitingSignature()))).not.toThrow();
  });

  it('given a nomination not yet approved, when the chairman prepares to sign, then it is refused before any number is allocated', () => {
    expect(() => prepareSignature(request(), fold(f.story.votingOpen()))).toThrow(
      expect.objectContaining({ code: 'WRONG_STAGE' }),
    );
  });

  it('given a nominee already awarded the same in this campaign, when preparing, then it is refused (no number consumed)', () => {
    const priorAwards = [
      f.priorAward({ year: 2026, awardCode: 'BANG_KHEN_TINH', campaignId: f.campaign2026.id, nominationId: 'other' }),
    ];
    expect(() => prepareSignature({ ...request(), priorAwards }, fold(f.story.awaitingSignature()))).toThrow(
      expect.objectContaining({ code: 'ONE_ACHIEVEMENT_ONE_AWARD' }),
    );
  });

  it('given someone other than the chairman, when preparing, then it is refused', () => {
    expect(() => prepareSignature(request({ by: f.thuky }), fold(f.story.awaitingSignature()))).toThrow(
      expect.objectContaining({ code: 'ROLE_REQUIRED' }),
    );
  });
});
