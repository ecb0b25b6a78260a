import type { Actor } from '../shared/actor';
import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { isNominee } from './nomination.guard';
import { nominationDecider } from './nomination.decider';
import type { Nominee } from './nomination.types';

const spec = DeciderSpecification.for(nominationDecider);

/** The nominee is a user: known by the account the drafter named, or by the person identifier of the organisation file. */
const named = (userId: string): Nominee => ({
  kind: 'individual',
  name: 'Người được đề nghị',
  nomineeId: `cccd-${userId}`,
  userId,
});
const byPerson = (personId: string): Nominee => ({
  kind: 'individual',
  name: 'Người được đề nghị',
  nomineeId: personId,
});
const withPerson = (actor: Actor, personId: string): Actor => ({ ...actor, personId });

describe('The nominee takes no step on their own nomination (OWN_NOMINATION, 403, no event)', () => {
  describe('who is the nominee', () => {
    it('the account named on the nominee, or the user whose personId is the nominee’s identifier', () => {
      expect(isNominee(f.thutruongDonvi1, named('thutruong.donvi1'))).toBe(true);
      expect(isNominee(withPerson(f.thutruongDonvi1, 'cccd-0830750001'), byPerson('cccd-0830750001'))).toBe(true);
    });

    it('not a namesake, nor a user without a personId, nor an empty personId', () => {
      expect(isNominee(f.thutruongDonvi1, { ...f.nomineeAn, name: 'Lê Văn Hùng' })).toBe(false);
      expect(isNominee(f.thutruongDonvi1, byPerson('cccd-0830750001'))).toBe(false);
      expect(isNominee(withPerson(f.thutruongDonvi1, ''), { ...byPerson(''), nomineeId: '' })).toBe(false);
    });
  });

  describe('at the unit', () => {
    it('an officer cannot draft a nomination of himself', () => {
      spec
        .given([])
        .when(f.draftNomination({ by: withPerson(f.canboDonvi1, 'cccd-1'), nominee: byPerson('cccd-1') }))
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
    });

    it('…nor edit a nomination to name himself, nor edit one that names him', () => {
      spec
        .given(f.story.inDraft())
        .when(f.editNomination({ nominee: named('canbo.donvi1') }))
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
      spec
        .given(f.story.inDraft({ nominee: named('canbo.donvi1') }))
        .when(f.editNomination({ achievements: 'Thêm thành tích' }))
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
    });

    it('the unit head named as nominee cannot submit it — by account or by personId', () => {
      spec
        .given(f.story.inDraft({ nominee: named('thutruong.donvi1') }))
        .when(f.submitNomination())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
      spec
        .given(f.story.inDraft({ nominee: byPerson('cccd-0830750001') }))
        .when(f.submitNomination({ by: withPerson(f.thutruongDonvi1, 'cccd-0830750001') }))
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
    });

    it('…nor resubmit or withdraw it', () => {
      spec
        .given(f.story.returned({ nominee: named('thutruong.donvi1') }))
        .when(f.resubmitNomination())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
      spec
        .given(f.story.inDraft({ nominee: named('thutruong.donvi1') }))
        .when(f.withdrawNomination())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
    });

    it('another unit head’s namesake submits as usual', () => {
      spec
        .given(f.story.inDraft({ nominee: { ...f.nomineeAn, name: 'Lê Văn Hùng' } }))
        .when(f.submitNomination())
        .then([f.nominationSubmitted()]);
    });
  });

  describe('at the cluster, the council and the chairman', () => {
    it('the cluster leader cannot endorse, return or reject his own nomination', () => {
      for (const decision of ['endorse', 'return', 'reject'] as const)
        spec
          .given(f.story.inClusterReview({ nominee: named('truongcum.cum1') }))
          .when(f.reviewAtCluster(decision, { comment: 'x' }))
          .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
    });

    it('the secretary cannot open or close voting on it, nor hold or release it', () => {
      const own = named('thuky');
      spec
        .given(f.story.inCouncilVoting({ nominee: own }))
        .when(f.openCouncilVoting())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
      spec
        .given(f.story.votingOpen({ nominee: own }))
        .when(f.closeCouncilVoting())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
      spec
        .given(f.story.inDraft({ nominee: own }))
        .when(f.putOnHold())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
      spec
        .given([...f.story.inDraft({ nominee: own }), f.nominationPutOnHold('DRAFT')])
        .when(f.releaseFromHold())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
    });

    it('a council member cannot vote on it (he must recuse) but may recuse', () => {
      const own = byPerson('cccd-hd5');
      const hoidong5 = withPerson(f.hoidong5, 'cccd-hd5');
      spec
        .given(f.story.votingOpen({ nominee: own }))
        .when(f.castCouncilVote(hoidong5, 'approve'))
        .thenThrows('FORBIDDEN', 'MUST_RECUSE');
      spec
        .given(f.story.votingOpen({ nominee: own }))
        .when(f.recuseFromCouncil(hoidong5))
        .then([f.councilMemberRecused(hoidong5)]);
    });

    it('voting does not wait for a member who is the nominee by personId: the others voting closes it', () => {
      const roster = [
        { userId: 'm1', personId: 'cccd-m1' },
        { userId: 'm2', personId: 'cccd-m2' },
      ];
      const m2 = { userId: 'm2', roles: ['COUNCIL_MEMBER' as const] };
      spec
        .given([
          ...f.story.votingOpen({ nominee: byPerson('cccd-m1'), members: roster }),
          f.councilVoteCast(m2, 'approve'),
        ])
        .when(f.closeCouncilVoting('ALL_VOTED'))
        .thenState((s) => expect(s).toMatchObject({ council: { open: false } }));
    });

    it('the chairman cannot sign, decline or revoke an award to himself', () => {
      const own = named('chutich');
      spec
        .given(f.story.awaitingSignature({ nominee: own }))
        .when(f.signAwardDecision())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
      spec
        .given(f.story.awaitingSignature({ nominee: own }))
        .when(f.declineSignature())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
      spec
        .given(f.story.awarded({ nominee: own }))
        .when(f.revokeAward())
        .thenThrows('FORBIDDEN', 'OWN_NOMINATION');
    });

    it('the workflow’s clock is nobody’s nominee: it still closes voting at the deadline', () => {
      spec
        .given(f.story.votingOpen({ nominee: named('thuky') }))
        .when(f.closeCouncilVoting('DEADLINE', { at: f.T.votingDeadline }))
        .thenState((s) => expect(s).toMatchObject({ council: { open: false } }));
    });
  });
});
