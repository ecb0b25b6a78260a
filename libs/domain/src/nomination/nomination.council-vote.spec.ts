import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';
import type { NominationEvent } from './nomination.events';
import type { CouncilOutcome, CouncilPolicy } from './nomination.types';

const spec = DeciderSpecification.for(nominationDecider);

/** A council of ten (m1..m10, none from the nominee's unit). */
const ten = f.councilOf(10);

interface Votes {
  approve?: number;
  reject?: number;
  abstain?: number;
  recused?: number;
}

/** Voting open on the default nomination with `policy`, then the members m1, m2, … vote in order. */
function votingWith(policy: CouncilPolicy, v: Votes, award = f.BANG_KHEN_TINH): NominationEvent[] {
  const choices = [
    ...Array<'approve'>(v.approve ?? 0).fill('approve'),
    ...Array<'reject'>(v.reject ?? 0).fill('reject'),
    ...Array<'abstain'>(v.abstain ?? 0).fill('abstain'),
  ];
  const cast = choices.map((c, i) => f.councilVoteCast(ten.members[i], c));
  const recused = Array.from({ length: v.recused ?? 0 }, (_, i) =>
    f.councilMemberRecused(ten.members[choices.length + i]),
  );
  return [...f.story.votingOpen({ award, members: ten.roster, policy }), ...cast, ...recused];
}

const closed = (policy: CouncilPolicy, v: Votes, outcome: CouncilOutcome) =>
  f.councilVotingClosed({ tally: f.tally({ members: 10, ...v }), rule: policy, outcome });

const P70 = { quorum: 0.5, threshold: 0.7, secretBallot: false };

describe('Council vote (step 3): quorum and threshold over ALL members, from the award’s policy', () => {
  describe('opening', () => {
    it('the secretary opens voting with the whole council and the award’s policy', () => {
      spec.given(f.story.inCouncilVoting()).when(f.openCouncilVoting()).then([f.councilVotingOpened()]);
    });

    it('the policy stamped is the award type’s own (CSTD_TINH: 90% by secret ballot)', () => {
      spec
        .given(f.story.inCouncilVoting({ award: f.CSTD_TINH }))
        .when(f.openCouncilVoting())
        .then([f.councilVotingOpened({ policy: { quorum: 0.75, threshold: 0.9, secretBallot: true } })]);
    });

    it('voting cannot be opened twice (VOTING_ALREADY_OPEN)', () => {
      spec.given(f.story.votingOpen()).when(f.openCouncilVoting()).thenThrows('INVALID_STATE', 'VOTING_ALREADY_OPEN');
    });

    it('a council without members is refused', () => {
      spec
        .given(f.story.inCouncilVoting())
        .when(f.openCouncilVoting({ members: [] }))
        .thenThrows('VALIDATION', 'NO_MEMBERS');
    });

    it('a roster naming a member twice is refused (it would count him twice)', () => {
      spec
        .given(f.story.inCouncilVoting())
        .when(f.openCouncilVoting({ members: [...f.councilRoster, { userId: 'hoidong2', unitId: 'donvi2' }] }))
        .thenThrows('VALIDATION', 'DUPLICATE_MEMBER');
    });

    it('a voting deadline not after the opening is refused', () => {
      spec
        .given(f.story.inCouncilVoting())
        .when(f.openCouncilVoting({ deadline: f.T.votingOpened }))
        .thenThrows('VALIDATION', 'DEADLINE');
    });

    it('a nomination still at cluster review cannot be put to the vote (WRONG_STAGE)', () => {
      spec.given(f.story.inClusterReview()).when(f.openCouncilVoting()).thenThrows('INVALID_STATE', 'WRONG_STAGE');
    });
  });

  describe('voting', () => {
    it('a member votes', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.castCouncilVote(f.hoidong2, 'approve'))
        .then([f.councilVoteCast(f.hoidong2, 'approve')]);
    });

    it('an absent member votes in writing, and it is recorded as such', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.castCouncilVote(f.hoidong3, 'reject', { inWriting: true }))
        .then([f.councilVoteCast(f.hoidong3, 'reject', { inWriting: true })]);
    });

    it('no vote before voting is opened (VOTING_NOT_OPEN)', () => {
      spec
        .given(f.story.inCouncilVoting())
        .when(f.castCouncilVote(f.hoidong2, 'approve'))
        .thenThrows('INVALID_STATE', 'VOTING_NOT_OPEN');
    });

    it('someone with the council role but not on this roster cannot vote (NOT_A_COUNCIL_MEMBER)', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.castCouncilVote(ten.members[0], 'approve'))
        .thenThrows('FORBIDDEN', 'NOT_A_COUNCIL_MEMBER');
    });

    it('a choice other than approve, reject or abstain is refused', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.castCouncilVote(f.hoidong2, 'yes' as never))
        .thenThrows('VALIDATION', 'CHOICE');
    });
  });

  describe('one vote per member', () => {
    it('a member who voted cannot vote again, not even the same way (ALREADY_VOTED)', () => {
      const given = [...f.story.votingOpen(), f.councilVoteCast(f.hoidong2, 'approve')];
      spec.given(given).when(f.castCouncilVote(f.hoidong2, 'approve')).thenThrows('INVALID_STATE', 'ALREADY_VOTED');
      spec.given(given).when(f.castCouncilVote(f.hoidong2, 'reject')).thenThrows('INVALID_STATE', 'ALREADY_VOTED');
    });

    it('another member still votes', () => {
      spec
        .given([...f.story.votingOpen(), f.councilVoteCast(f.hoidong2, 'approve')])
        .when(f.castCouncilVote(f.hoidong3, 'approve'))
        .then([f.councilVoteCast(f.hoidong3, 'approve')]);
    });
  });

  describe('threshold: a share of ALL members approving (default 70%)', () => {
    it('7 of 10 approving is exactly the threshold: APPROVED', () => {
      const v = { approve: 7, reject: 3 };
      spec
        .given(votingWith(P70, v))
        .when(f.closeCouncilVoting())
        .then([closed(P70, v, 'APPROVED')]);
    });

    it('6 of 10 approving is one below: THRESHOLD_NOT_MET', () => {
      const v = { approve: 6, reject: 4 };
      spec
        .given(votingWith(P70, v))
        .when(f.closeCouncilVoting())
        .then([closed(P70, v, 'THRESHOLD_NOT_MET')]);
    });

    it('6 approvals and no other vote is 100% of the votes cast but 60% of all members: THRESHOLD_NOT_MET', () => {
      const v = { approve: 6 };
      spec
        .given(votingWith(P70, v))
        .when(f.closeCouncilVoting())
        .then([closed(P70, v, 'THRESHOLD_NOT_MET')]);
    });

    it('recused members stay in the count: 6 approvals of 7 who did not recuse is still 60% of 10', () => {
      const v = { approve: 6, reject: 1, recused: 3 };
      spec
        .given(votingWith(P70, v))
        .when(f.closeCouncilVoting())
        .then([closed(P70, v, 'THRESHOLD_NOT_MET')]);
    });

    it('…and 7 approvals with 3 recused is APPROVED', () => {
      const v = { approve: 7, recused: 3 };
      spec
        .given(votingWith(P70, v))
        .when(f.closeCouncilVoting())
        .then([closed(P70, v, 'APPROVED')]);
    });

    it('with 6 members, 70% needs 5 approvals (4 is 66.7%)', () => {
      const six = f.councilOf(6);
      const given = (approve: number) => [
        ...f.story.votingOpen({ members: six.roster, policy: P70 }),
        ...six.members.slice(0, approve).map((m) => f.councilVoteCast(m, 'approve')),
        ...six.members.slice(approve).map((m) => f.councilVoteCast(m, 'reject')),
      ];
      spec
        .given(given(5))
        .when(f.closeCouncilVoting())
        .thenEvents(([e]) => expect(e).toMatchObject({ data: { outcome: 'APPROVED' } }));
      spec
        .given(given(4))
        .when(f.closeCouncilVoting())
        .thenEvents(([e]) => expect(e).toMatchObject({ data: { outcome: 'THRESHOLD_NOT_MET' } }));
    });
  });

  describe('quorum: a share of ALL members taking part (approve, reject or abstain)', () => {
    const Q75 = { quorum: 0.75, threshold: 0.5, secretBallot: false };

    it('7 of 10 taking part misses a 75% quorum, even with enough approvals: QUORUM_NOT_MET', () => {
      const v = { approve: 5, abstain: 2 };
      spec
        .given(votingWith(Q75, v))
        .when(f.closeCouncilVoting())
        .then([closed(Q75, v, 'QUORUM_NOT_MET')]);
    });

    it('8 of 10 taking part meets it; abstentions count as taking part: APPROVED', () => {
      const v = { approve: 5, abstain: 3 };
      spec
        .given(votingWith(Q75, v))
        .when(f.closeCouncilVoting())
        .then([closed(Q75, v, 'APPROVED')]);
    });

    it('recused members do not take part: 7 votes and 3 recusals miss a 75% quorum', () => {
      const v = { approve: 7, recused: 3 };
      spec
        .given(votingWith(Q75, v))
        .when(f.closeCouncilVoting())
        .then([closed(Q75, v, 'QUORUM_NOT_MET')]);
    });
  });

  describe('the rule applied is the award type’s policy', () => {
    const CSTD = f.CSTD_TINH.council;

    it('8 of 10 approvals pass a Bằng khen (70%)…', () => {
      const v = { approve: 8, reject: 2 };
      spec
        .given(votingWith(f.BANG_KHEN_TINH.council, v))
        .when(f.closeCouncilVoting())
        .then([closed(f.BANG_KHEN_TINH.council, v, 'APPROVED')]);
    });

    it('…but not a provincial emulation fighter (90%)', () => {
      const v = { approve: 8, reject: 2 };
      spec
        .given(votingWith(CSTD, v, f.CSTD_TINH))
        .when(f.closeCouncilVoting())
        .then([closed(CSTD, v, 'THRESHOLD_NOT_MET')]);
    });

    it('9 of 10 is exactly 90%: APPROVED', () => {
      const v = { approve: 9, reject: 1 };
      spec
        .given(votingWith(CSTD, v, f.CSTD_TINH))
        .when(f.closeCouncilVoting())
        .then([closed(CSTD, v, 'APPROVED')]);
    });

    it('the rule stamped when voting opened is the one applied at closing', () => {
      const strict = { quorum: 0.5, threshold: 1, secretBallot: true };
      const v = { approve: 9, reject: 1 };
      spec
        .given(votingWith(strict, v))
        .when(f.closeCouncilVoting())
        .then([closed(strict, v, 'THRESHOLD_NOT_MET')]);
    });
  });

  describe('closing carries the tally and the rule, and decides the next stage', () => {
    it('CouncilVotingClosed carries every count, the shares and the rule', () => {
      spec
        .given([...f.story.votingOpen(), ...f.approvingVotes()])
        .when(f.closeCouncilVoting())
        .thenEvents(([e]) =>
          expect(e).toEqual({
            type: 'CouncilVotingClosed',
            data: expect.objectContaining({
              trigger: 'SECRETARY',
              tally: {
                members: 6,
                approve: 5,
                reject: 0,
                abstain: 0,
                recused: 1,
                participation: 5 / 6,
                approval: 5 / 6,
              },
              rule: { quorum: 0.5, threshold: 0.7, secretBallot: false },
              outcome: 'APPROVED',
            }),
          }),
        );
    });

    it('an approved nomination awaits the chairman’s signature', () => {
      spec
        .given(votingWith(P70, { approve: 7 }))
        .when(f.closeCouncilVoting())
        .thenState((s) => expect(s).toMatchObject({ status: 'AWAITING_SIGNATURE', council: { open: false } }));
    });

    it.each([
      ['THRESHOLD_NOT_MET', { approve: 6, reject: 4 }],
      ['QUORUM_NOT_MET', { approve: 2 }],
    ] as const)('a nomination closed with %s is rejected', (_outcome, v) => {
      spec
        .given(votingWith(P70, v))
        .when(f.closeCouncilVoting())
        .thenState((s) => expect(s.status).toBe('REJECTED'));
    });

    it('no vote after closing (WRONG_STAGE)', () => {
      spec
        .given([...f.story.awaitingSignature()])
        .when(f.castCouncilVote(f.hoidong2, 'approve'))
        .thenThrows('INVALID_STATE', 'WRONG_STAGE');
    });

    it('voting that was never opened cannot be closed (VOTING_NOT_OPEN)', () => {
      spec.given(f.story.inCouncilVoting()).when(f.closeCouncilVoting()).thenThrows('INVALID_STATE', 'VOTING_NOT_OPEN');
    });
  });

  describe('who closes, and when', () => {
    it('the workflow closes when every member has voted or recused (ALL_VOTED)', () => {
      spec
        .given([...f.story.votingOpen(), ...f.approvingVotes()])
        .when(f.closeCouncilVoting('ALL_VOTED'))
        .then([f.councilVotingClosed({ trigger: 'ALL_VOTED' })]);
    });

    it('…without waiting for a member who may not vote (from the nominee unit) and has not recused', () => {
      spec
        .given([...f.story.votingOpen(), ...f.approvingVotes().slice(1)])
        .when(f.closeCouncilVoting('ALL_VOTED'))
        .thenEvents(([e]) =>
          expect(e).toMatchObject({
            data: { trigger: 'ALL_VOTED', outcome: 'APPROVED', tally: { members: 6, approve: 5, recused: 0 } },
          }),
        );
    });

    it('…not while a member has still to vote (VOTES_PENDING)', () => {
      spec
        .given([...f.story.votingOpen(), ...f.approvingVotes().slice(0, -1)])
        .when(f.closeCouncilVoting('ALL_VOTED'))
        .thenThrows('INVALID_STATE', 'VOTES_PENDING');
    });

    it('the workflow closes at the voting deadline (DEADLINE), with the votes cast so far', () => {
      spec
        .given([...f.story.votingOpen(), f.councilVoteCast(f.hoidong2, 'approve')])
        .when(f.closeCouncilVoting('DEADLINE', { at: f.T.votingDeadline }))
        .thenEvents(([e]) =>
          expect(e).toMatchObject({
            data: { trigger: 'DEADLINE', outcome: 'QUORUM_NOT_MET', tally: { members: 6, approve: 1 } },
          }),
        );
    });

    it('…not before it (DEADLINE_NOT_REACHED)', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.closeCouncilVoting('DEADLINE', { at: '2026-12-15T09:59:59.000Z' }))
        .thenThrows('INVALID_STATE', 'DEADLINE_NOT_REACHED');
    });

    it('the secretary may close early, by decision (SECRETARY)', () => {
      spec
        .given([...f.story.votingOpen(), f.councilVoteCast(f.hoidong2, 'approve')])
        .when(f.closeCouncilVoting('SECRETARY'))
        .thenEvents(([e]) =>
          expect(e).toMatchObject({
            data: { trigger: 'SECRETARY', by: { userId: 'thuky', role: 'COUNCIL_SECRETARY' } },
          }),
        );
    });

    it('a person cannot claim the clock’s triggers, nor the clock the secretary’s (TRIGGER_NOT_ALLOWED)', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.closeCouncilVoting('DEADLINE', { by: f.thuky, at: f.T.votingDeadline }))
        .thenThrows('FORBIDDEN', 'TRIGGER_NOT_ALLOWED');
      spec
        .given(f.story.votingOpen())
        .when(f.closeCouncilVoting('SECRETARY', { by: f.system }))
        .thenThrows('FORBIDDEN', 'TRIGGER_NOT_ALLOWED');
    });
  });
});
