import type { Actor } from '../shared/actor';
import * as f from '../testing/fixtures';
import { awaiteeKey, awaitingKeysFor } from './awaitee';
import type { NominationEvent } from './nomination.events';
import { evolve, initialState } from './nomination.evolve';
import { awaiting } from './nomination.guard';

const given = (events: NominationEvent[]) => awaiting(events.reduce(evolve, initialState()));
/** Whether the nomination shows in this actor's inbox: one of the keys it awaits means them. */
const waitsFor = (awaited: string[], actor: Actor) => awaitingKeysFor(actor).some((k) => awaited.includes(k));

describe('Awaitee keys: the guard makes them, the inbox matches them against the actor', () => {
  it('a key is the role, scoped by unit, cluster or person when there is one', () => {
    expect(awaiteeKey('CHAIRMAN')).toBe('CHAIRMAN');
    expect(awaiteeKey('UNIT_HEAD', 'donvi1')).toBe('UNIT_HEAD:donvi1');
    expect(awaiteeKey('COUNCIL_MEMBER', 'hoidong2')).toBe('COUNCIL_MEMBER:hoidong2');
  });

  it('an actor is meant by the bare role, the role with their id, and the role with their unit or cluster', () => {
    expect(awaitingKeysFor(f.thutruongDonvi1)).toEqual(['UNIT_HEAD', 'UNIT_HEAD:thutruong.donvi1', 'UNIT_HEAD:donvi1']);
    expect(awaitingKeysFor(f.truongcumCum1)).toEqual([
      'CLUSTER_LEADER',
      'CLUSTER_LEADER:truongcum.cum1',
      'CLUSTER_LEADER:cum1',
    ]);
    // A council member's unit does not scope their key: the council waits for persons.
    expect(awaitingKeysFor(f.hoidong1)).toEqual(['COUNCIL_MEMBER', 'COUNCIL_MEMBER:hoidong1']);
    expect(awaitingKeysFor(f.chutich)).toEqual([
      'CHAIRMAN',
      'CHAIRMAN:chutich',
      'COUNCIL_MEMBER',
      'COUNCIL_MEMBER:chutich',
    ]);
  });

  it('an actor without a unit or cluster gets no scoped key for it', () => {
    expect(awaitingKeysFor({ userId: 'x', roles: ['UNIT_HEAD', 'CLUSTER_LEADER'] })).toEqual([
      'UNIT_HEAD',
      'UNIT_HEAD:x',
      'CLUSTER_LEADER',
      'CLUSTER_LEADER:x',
    ]);
  });

  it('given a draft, it waits for its own unit head, not another unit’s', () => {
    const awaited = given(f.story.inDraft());
    expect(waitsFor(awaited, f.thutruongDonvi1)).toBe(true);
    expect(waitsFor(awaited, f.thutruongDonvi3)).toBe(false);
    expect(waitsFor(awaited, f.canboDonvi1)).toBe(false);
  });

  it('given a return for revision, it waits for the unit’s head and its officers', () => {
    const awaited = given(f.story.returned());
    expect(waitsFor(awaited, f.thutruongDonvi1)).toBe(true);
    expect(waitsFor(awaited, f.canboDonvi1)).toBe(true);
    expect(waitsFor(awaited, f.canboDonvi3)).toBe(false);
  });

  it('given a cluster review, it waits for the leader of the unit’s cluster only', () => {
    const awaited = given(f.story.inClusterReview());
    expect(waitsFor(awaited, f.truongcumCum1)).toBe(true);
    expect(waitsFor(awaited, f.truongcumCum2)).toBe(false);
  });

  it('given open voting, it waits for each member who has not voted, by person', () => {
    const awaited = given([...f.story.votingOpen(), f.councilVoteCast(f.hoidong2, 'approve')]);
    expect(waitsFor(awaited, f.hoidong3)).toBe(true);
    expect(waitsFor(awaited, f.hoidong2)).toBe(false);
  });

  it('given a decision to sign, it waits for the chairman; given an award, for nobody', () => {
    expect(waitsFor(given(f.story.awaitingSignature()), f.chutich)).toBe(true);
    expect(given(f.story.awarded())).toEqual([]);
  });
});
