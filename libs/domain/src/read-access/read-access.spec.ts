import type { Actor } from '../shared/actor';
import * as f from '../testing/fixtures';
import { mayReadAuditTrail, maySeeNomineeId, maySeeVoteChoices } from './read-access';

/** A nomination of donvi1, in cluster cum1 (as the fixtures draft it). */
const ofDonvi1 = { unitId: 'donvi1', clusterId: 'cum1' };

describe('Read access: who may read what of a nomination and of the registry', () => {
  describe('the audit trail', () => {
    it.each<[string, Actor]>([
      ['the auditor', f.thanhtra],
      ['the council secretary', f.thuky],
      ['the chairman', f.chutich],
      ['a council member of another unit', f.hoidong3],
    ])('the province’s oversight reads any nomination’s trail: %s', (_who, actor) => {
      expect(mayReadAuditTrail(actor, ofDonvi1)).toBe(true);
    });

    it('the unit’s officer and head read their own unit’s trail, not another unit’s', () => {
      expect(mayReadAuditTrail(f.canboDonvi1, ofDonvi1)).toBe(true);
      expect(mayReadAuditTrail(f.thutruongDonvi1, ofDonvi1)).toBe(true);
      expect(mayReadAuditTrail(f.canboDonvi3, ofDonvi1)).toBe(false);
      expect(mayReadAuditTrail(f.thutruongDonvi3, ofDonvi1)).toBe(false);
    });

    it('a cluster leader reads the trails of the cluster’s units only (not by their own unit)', () => {
      expect(mayReadAuditTrail(f.truongcumCum1, ofDonvi1)).toBe(true);
      expect(mayReadAuditTrail(f.truongcumCum2, ofDonvi1)).toBe(false);
      expect(mayReadAuditTrail(f.truongcumCum2, { unitId: 'donvi4', clusterId: 'cum1' })).toBe(false);
    });

    it('a nomination whose unit is unknown is read by the oversight only', () => {
      expect(mayReadAuditTrail(f.thanhtra, {})).toBe(true);
      expect(mayReadAuditTrail({ userId: 'x', roles: ['UNIT_OFFICER'] }, {})).toBe(false);
      expect(mayReadAuditTrail({ userId: 'x', roles: ['CLUSTER_LEADER'] }, {})).toBe(false);
    });
  });

  describe('the secret ballot', () => {
    it('hides each member’s choice from everyone but the auditor', () => {
      expect(maySeeVoteChoices(f.thanhtra, { secretBallot: true })).toBe(true);
      for (const reader of [f.chutich, f.thuky, f.hoidong2, f.canboDonvi1])
        expect(maySeeVoteChoices(reader, { secretBallot: true })).toBe(false);
    });

    it('an open ballot, or voting not yet opened, hides nothing', () => {
      expect(maySeeVoteChoices(f.canboDonvi1, { secretBallot: false })).toBe(true);
      expect(maySeeVoteChoices(f.canboDonvi1, {})).toBe(true);
      expect(maySeeVoteChoices(f.canboDonvi1, undefined)).toBe(true);
    });
  });

  describe('the nominee’s identity in the public registry', () => {
    it('a signed-in reader sees the nominee identifier; an anonymous one does not', () => {
      expect(maySeeNomineeId(f.canboDonvi3)).toBe(true);
      expect(maySeeNomineeId(undefined)).toBe(false);
    });
  });
});
