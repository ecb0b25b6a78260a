import type { Actor } from '../shared/actor';
import * as f from '../testing/fixtures';
import {
  inclusionProofAccess,
  maskPersonalId,
  mayReadAuditProofs,
  mayReadCouncilSessions,
  mayReadNomination,
  mayReadPerson,
  readablePersonUnits,
  maySeeNomineeId,
  maySeePersonalData,
  maySeeVoteChoices,
  maySeeVoteComment,
  readScopeOf,
} from './read-access';

/** A nomination of donvi1, in cluster cum1 (as the fixtures draft it). */
const ofDonvi1 = { unitId: 'donvi1', clusterId: 'cum1' };
const secret = { secretBallot: true };
const open = { secretBallot: false };

describe('Read access: who may see what of a nomination and of the registry', () => {
  describe('council sessions and audit proofs', () => {
    it('a session (its agenda spans every unit) is read by those who read every nomination, no one else', () => {
      for (const a of [f.thanhtra, f.thuky, f.chutich, f.hoidong2]) expect(mayReadCouncilSessions(a)).toBe(true);
      for (const a of [f.canboDonvi1, f.thutruongDonvi1, f.truongcumCum1, null])
        expect(mayReadCouncilSessions(a)).toBe(false);
    });

    it('every audit proof (consistency, any event, unsalted leaves) goes to the inspector and the secretary, who see every event whole', () => {
      expect(mayReadAuditProofs(f.thanhtra)).toBe(true);
      expect(mayReadAuditProofs(f.thuky)).toBe(true);
      for (const a of [f.chutich, f.hoidong2, f.canboDonvi1, f.truongcumCum1, null])
        expect(mayReadAuditProofs(a)).toBe(false);
    });

    it('a nomination event’s salted inclusion proof goes to whoever may read the nomination; others are told nothing', () => {
      const salted = { nomination: ofDonvi1, onlySaltedHashes: true };
      for (const a of [f.canboDonvi1, f.thutruongDonvi1, f.truongcumCum1, f.hoidong2, f.chutich, f.thanhtra, f.thuky])
        expect(inclusionProofAccess(a, salted)).toBe('allowed');
      for (const a of [f.canboDonvi3, f.thutruongDonvi3, null]) expect(inclusionProofAccess(a, salted)).toBe('hidden');
      // A proof that would show a v1 (unsalted) leaf hash: the proof readers only.
      const unsalted = { nomination: ofDonvi1, onlySaltedHashes: false };
      expect(inclusionProofAccess(f.canboDonvi1, unsalted)).toBe('unsalted');
      expect(inclusionProofAccess(f.canboDonvi3, unsalted)).toBe('hidden');
      expect(inclusionProofAccess(f.thuky, unsalted)).toBe('allowed');
      // An event outside any nomination (a council session, the access log): the proof readers only.
      expect(inclusionProofAccess(f.hoidong2, { nomination: null, onlySaltedHashes: true })).toBe('hidden');
      expect(inclusionProofAccess(f.thanhtra, { nomination: null, onlySaltedHashes: true })).toBe('allowed');
    });
  });

  describe('which nominations a reader sees', () => {
    it.each<[string, Actor]>([
      ['the inspector', f.thanhtra],
      ['the council secretary', f.thuky],
      ['the chairman', f.chutich],
      ['a council member of another unit', f.hoidong3],
      ['a council member of no unit', f.hoidong5],
    ])('the province’s oversight reads every nomination: %s', (_who, actor) => {
      expect(readScopeOf(actor)).toEqual({ all: true });
      expect(mayReadNomination(actor, ofDonvi1)).toBe(true);
      expect(mayReadNomination(actor, {})).toBe(true);
    });

    it('the unit’s officer and head read their own unit’s nominations, not another unit’s', () => {
      expect(readScopeOf(f.canboDonvi1)).toEqual({ all: false, unitIds: ['donvi1'], clusterIds: [] });
      expect(mayReadNomination(f.canboDonvi1, ofDonvi1)).toBe(true);
      expect(mayReadNomination(f.thutruongDonvi1, ofDonvi1)).toBe(true);
      expect(mayReadNomination(f.canboDonvi3, ofDonvi1)).toBe(false);
      expect(mayReadNomination(f.thutruongDonvi3, ofDonvi1)).toBe(false);
      // Same cluster is not enough for unit staff.
      expect(mayReadNomination(f.canboDonvi1, { unitId: 'donvi2', clusterId: 'cum1' })).toBe(false);
    });

    it('a cluster leader reads the nominations of the cluster’s units (not by their own unit)', () => {
      expect(readScopeOf(f.truongcumCum1)).toEqual({ all: false, unitIds: [], clusterIds: ['cum1'] });
      expect(mayReadNomination(f.truongcumCum1, ofDonvi1)).toBe(true);
      expect(mayReadNomination(f.truongcumCum2, ofDonvi1)).toBe(false);
      expect(mayReadNomination(f.truongcumCum2, { unitId: 'donvi4', clusterId: 'cum1' })).toBe(false);
    });

    it('two hats read the union of both scopes', () => {
      const both: Actor = { userId: 'x', roles: ['UNIT_HEAD', 'CLUSTER_LEADER'], unitId: 'donvi3', clusterId: 'cum1' };
      expect(mayReadNomination(both, ofDonvi1)).toBe(true);
      expect(mayReadNomination(both, { unitId: 'donvi3', clusterId: 'cum2' })).toBe(true);
      expect(mayReadNomination(both, { unitId: 'donvi4', clusterId: 'cum2' })).toBe(false);
    });

    it('an anonymous reader, or one without unit, cluster or oversight role, reads no nomination', () => {
      expect(readScopeOf(undefined)).toEqual({ all: false, unitIds: [], clusterIds: [] });
      expect(mayReadNomination(undefined, ofDonvi1)).toBe(false);
      expect(mayReadNomination({ userId: 'x', roles: ['UNIT_OFFICER'] }, {})).toBe(false);
      expect(mayReadNomination({ userId: 'x', roles: ['CLUSTER_LEADER'] }, {})).toBe(false);
    });
  });

  describe('the nominee’s personal data', () => {
    it('the secretary and the inspector see it for every nomination', () => {
      expect(maySeePersonalData(f.thuky, ofDonvi1)).toBe(true);
      expect(maySeePersonalData(f.thanhtra, ofDonvi1)).toBe(true);
    });

    it('the nominating unit’s officer and head see it for their unit only', () => {
      expect(maySeePersonalData(f.canboDonvi1, ofDonvi1)).toBe(true);
      expect(maySeePersonalData(f.thutruongDonvi1, ofDonvi1)).toBe(true);
      expect(maySeePersonalData(f.canboDonvi3, ofDonvi1)).toBe(false);
    });

    it('the cluster leader, council members, the chairman and the anonymous public do not', () => {
      for (const reader of [f.truongcumCum1, f.hoidong2, f.hoidong1, f.chutich, undefined])
        expect(maySeePersonalData(reader, ofDonvi1)).toBe(false);
      expect(maySeeNomineeId(undefined, ofDonvi1)).toBe(false);
      expect(maySeeNomineeId(f.thuky, ofDonvi1)).toBe(true);
    });

    it('is masked to its last three characters, never shown whole or lost', () => {
      expect(maskPersonalId('cccd-083090001234')).toBe('••••••••••••••234');
      expect(maskPersonalId('abc')).toBe('•••');
      expect(maskPersonalId(null)).toBeNull();
    });
  });

  describe('how each council member voted', () => {
    it('while voting runs: nobody but the inspector, open ballot or secret', () => {
      for (const policy of [open, secret]) {
        expect(maySeeVoteChoices(f.thanhtra, policy, false)).toBe(true);
        for (const reader of [f.chutich, f.thuky, f.hoidong2, f.canboDonvi1, f.thutruongDonvi1, f.truongcumCum1])
          expect(maySeeVoteChoices(reader, policy, false)).toBe(false);
      }
    });

    it('after close: an open ballot is on the record; a secret one stays secret from all but the inspector', () => {
      expect(maySeeVoteChoices(f.canboDonvi1, open, true)).toBe(true);
      expect(maySeeVoteChoices(f.hoidong2, open, true)).toBe(true);
      expect(maySeeVoteChoices(f.thanhtra, secret, true)).toBe(true);
      for (const reader of [f.chutich, f.thuky, f.hoidong2, f.canboDonvi1])
        expect(maySeeVoteChoices(reader, secret, true)).toBe(false);
      expect(maySeeVoteChoices(undefined, open, true)).toBe(false);
    });

    it('a vote’s comment: the inspector always; the secretary and the council once they may see the choice; never the unit or cluster', () => {
      expect(maySeeVoteComment(f.thanhtra, secret, false)).toBe(true);
      expect(maySeeVoteComment(f.thuky, open, true)).toBe(true);
      expect(maySeeVoteComment(f.hoidong2, open, true)).toBe(true);
      expect(maySeeVoteComment(f.chutich, open, true)).toBe(true);
      expect(maySeeVoteComment(f.thuky, open, false)).toBe(false);
      expect(maySeeVoteComment(f.thuky, secret, true)).toBe(false);
      for (const reader of [f.canboDonvi1, f.thutruongDonvi1, f.truongcumCum1])
        expect(maySeeVoteComment(reader, open, true)).toBe(false);
    });
  });
});

describe('People of the register are read by the unit they work in now', () => {
  const units = [
    { id: 'donvi1', clusterId: 'cum1' },
    { id: 'donvi2', clusterId: 'cum1' },
    { id: 'donvi3', clusterId: 'cum2' },
  ];

  it('unit staff list their unit’s people, a cluster leader the cluster’s, the office and the inspector everyone; anonymous no one', () => {
    expect(readablePersonUnits(f.canboDonvi1, units)).toEqual(['donvi1']);
    expect(readablePersonUnits(f.truongcumCum1, units)).toEqual(['donvi1', 'donvi2']);
    expect(readablePersonUnits(f.thuky, units)).toBe('all');
    expect(readablePersonUnits(f.thanhtra, units)).toBe('all');
    expect(readablePersonUnits(null, units)).toEqual([]);
  });

  it('a person who moved is read by their new unit, no longer by the old one', () => {
    expect(mayReadPerson(f.canboDonvi3, { unitId: 'donvi3', clusterId: 'cum2' })).toBe(true);
    expect(mayReadPerson(f.canboDonvi1, { unitId: 'donvi3', clusterId: 'cum2' })).toBe(false);
  });
});
