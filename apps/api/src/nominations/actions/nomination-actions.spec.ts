import { nominationDecider, type NominationEvent } from '@tdkt/domain';
import * as f from '@tdkt/domain/testing/fixtures';
import { allowedActions } from './nomination-actions';

const stateAfter = (events: NominationEvent[]) =>
  events.reduce(nominationDecider.evolve, nominationDecider.initialState());

describe('The actions a person may take on a nomination are exactly what the domain guard lets through', () => {
  it('a draft: the officer edits, the head submits or withdraws, the secretary may hold, nobody else acts', () => {
    const s = stateAfter(f.story.inDraft());
    expect(allowedActions(f.canboDonvi1, s)).toEqual(['EditNomination']);
    expect(allowedActions(f.thutruongDonvi1, s)).toEqual(['SubmitNomination', 'WithdrawNomination']);
    expect(allowedActions(f.thuky, s)).toEqual(['PutOnHold']);
    for (const other of [f.canboDonvi3, f.truongcumCum1, f.hoidong2, f.chutich, f.thanhtra])
      expect(allowedActions(other, s)).toEqual([]);
  });

  it("in cluster review only the nominating unit's cluster leader reviews", () => {
    const s = stateAfter(f.story.inClusterReview());
    expect(allowedActions(f.truongcumCum1, s)).toEqual(['ReviewAtCluster']);
    expect(allowedActions(f.truongcumCum2, s)).toEqual([]);
    expect(allowedActions(f.canboDonvi1, s)).toEqual([]);
  });

  it('awaiting signature the Chairman signs or declines; once signed he alone may revoke', () => {
    expect(allowedActions(f.chutich, stateAfter(f.story.awaitingSignature()))).toEqual([
      'SignAwardDecision',
      'DeclineSignature',
    ]);
    const awarded = stateAfter(f.story.awarded());
    expect(allowedActions(f.chutich, awarded)).toEqual(['RevokeAward']);
    expect(allowedActions(f.thutruongDonvi1, awarded)).toEqual([]);
  });

  it('a nomination on hold is released by the secretary, not held twice', () => {
    const s = stateAfter([...f.story.inClusterReview(), f.nominationPutOnHold('CLUSTER_REVIEW')]);
    expect(allowedActions(f.thuky, s)).toEqual(['ReleaseFromHold']);
  });
});
