import type { Actor } from '../shared/actor';
import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';

const spec = DeciderSpecification.for(nominationDecider);

describe('Recusal: a council member from the nominee’s unit, or the nominee, must recuse', () => {
  describe('who must recuse', () => {
    it('a member from the nominee’s own unit cannot vote (MUST_RECUSE)…', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.castCouncilVote(f.hoidong1, 'approve'))
        .thenThrows('FORBIDDEN', 'MUST_RECUSE');
    });

    it('…not even to reject or abstain', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.castCouncilVote(f.hoidong1, 'reject'))
        .thenThrows('FORBIDDEN', 'MUST_RECUSE');
      spec
        .given(f.story.votingOpen())
        .when(f.castCouncilVote(f.hoidong1, 'abstain'))
        .thenThrows('FORBIDDEN', 'MUST_RECUSE');
    });

    it('…and recuses', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.recuseFromCouncil(f.hoidong1))
        .then([f.councilMemberRecused(f.hoidong1)]);
    });

    it('the same member votes on a nomination of another unit', () => {
      spec
        .given(f.story.votingOpen({ unitId: 'donvi3', clusterId: 'cum2' }))
        .when(f.castCouncilVote(f.hoidong1, 'approve'))
        .then([f.councilVoteCast(f.hoidong1, 'approve')]);
    });

    it('the nominee, sitting on the council, cannot vote on his own nomination', () => {
      spec
        .given(f.story.votingOpen({ nominee: f.nomineeHoidong5 }))
        .when(f.castCouncilVote(f.hoidong5, 'approve'))
        .thenThrows('FORBIDDEN', 'MUST_RECUSE');
    });

    it('a stale roster does not let a colleague vote: the member’s own unit counts too', () => {
      const movedToDonvi1: Actor = { ...f.hoidong2, unitId: 'donvi1' };
      spec
        .given(f.story.votingOpen())
        .when(f.castCouncilVote(movedToDonvi1, 'approve'))
        .thenThrows('FORBIDDEN', 'MUST_RECUSE');
    });

    it('…and neither does a roster entry naming the nominee’s unit when the member’s identity names another', () => {
      const roster = [
        ...f.councilRoster.filter((m) => m.userId !== 'hoidong3'),
        { userId: 'hoidong3', unitId: 'donvi1' },
      ];
      spec
        .given(f.story.votingOpen({ members: roster }))
        .when(f.castCouncilVote(f.hoidong3, 'approve'))
        .thenThrows('FORBIDDEN', 'MUST_RECUSE');
    });
  });

  describe('what a recused member can no longer do', () => {
    const recused = () => [...f.story.votingOpen(), f.councilMemberRecused(f.hoidong1)];

    it('he cannot vote afterwards (ALREADY_RECUSED)', () => {
      const unconflicted: Actor = { ...f.hoidong3 };
      spec
        .given([...f.story.votingOpen(), f.councilMemberRecused(unconflicted)])
        .when(f.castCouncilVote(unconflicted, 'approve'))
        .thenThrows('INVALID_STATE', 'ALREADY_RECUSED');
    });

    it('he cannot recuse twice', () => {
      spec.given(recused()).when(f.recuseFromCouncil(f.hoidong1)).thenThrows('INVALID_STATE', 'ALREADY_RECUSED');
    });

    it('he does not take part: recusals do not count towards the quorum', () => {
      const four = f.councilOf(4);
      spec
        .given([
          ...f.story.votingOpen({
            members: four.roster,
            policy: { quorum: 0.75, threshold: 0.5, secretBallot: false },
          }),
          f.councilMemberRecused(four.members[0]),
          f.councilMemberRecused(four.members[1]),
          f.councilVoteCast(four.members[2], 'approve'),
          f.councilVoteCast(four.members[3], 'approve'),
        ])
        .when(f.closeCouncilVoting())
        .thenEvents(([e]) =>
          expect(e).toMatchObject({
            data: { outcome: 'QUORUM_NOT_MET', tally: { members: 4, recused: 2, participation: 0.5 } },
          }),
        );
    });
  });

  describe('recusing', () => {
    it('a member who already voted cannot recuse afterwards (ALREADY_VOTED)', () => {
      spec
        .given([...f.story.votingOpen(), f.councilVoteCast(f.hoidong3, 'approve')])
        .when(f.recuseFromCouncil(f.hoidong3))
        .thenThrows('INVALID_STATE', 'ALREADY_VOTED');
    });

    it('a member with no conflict may still recuse, giving his reason', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.recuseFromCouncil(f.hoidong3, { comment: 'Có quan hệ họ hàng với người được đề nghị' }))
        .then([f.councilMemberRecused(f.hoidong3, { comment: 'Có quan hệ họ hàng với người được đề nghị' })]);
    });

    it('someone not on the roster cannot recuse (NOT_A_COUNCIL_MEMBER)', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.recuseFromCouncil(f.councilOf(1).members[0]))
        .thenThrows('FORBIDDEN', 'NOT_A_COUNCIL_MEMBER');
    });

    it('no recusal before voting is opened (VOTING_NOT_OPEN)', () => {
      spec
        .given(f.story.inCouncilVoting())
        .when(f.recuseFromCouncil(f.hoidong1))
        .thenThrows('INVALID_STATE', 'VOTING_NOT_OPEN');
    });
  });
});
