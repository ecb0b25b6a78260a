import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';

const spec = DeciderSpecification.for(nominationDecider);
const {
  unitHeadAndClusterLeader,
  officerAndClusterLeader,
  officerAndCouncilMember,
  unitHeadAndCouncilMember,
  officerAndChairman,
  unitHeadAndChairman,
} = f.twoHats;

/** The council with one extra member sitting for no unit (so only separation of duties can stop him). */
const rosterWith = (userId: string) => [...f.councilRoster, { userId, unitId: 'so-noi-vu' }];

describe('Separation of duties: whoever drafted, edited or proposed a nomination never reviews, votes on or signs it', () => {
  describe('at cluster review', () => {
    it('a unit head who is also the cluster leader and submitted it cannot endorse it', () => {
      spec
        .given([f.nominationDrafted(), f.nominationSubmitted({ by: unitHeadAndClusterLeader })])
        .when(f.reviewAtCluster('endorse', { by: unitHeadAndClusterLeader }))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });

    it('…nor return or reject it', () => {
      const given = [f.nominationDrafted(), f.nominationSubmitted({ by: unitHeadAndClusterLeader })];
      spec
        .given(given)
        .when(f.reviewAtCluster('return', { by: unitHeadAndClusterLeader, comment: 'x' }))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
      spec
        .given(given)
        .when(f.reviewAtCluster('reject', { by: unitHeadAndClusterLeader, comment: 'x' }))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });

    it('the same person may review a nomination he did not submit (the rule is about the person, not the roles)', () => {
      spec
        .given(f.story.inClusterReview())
        .when(f.reviewAtCluster('endorse', { by: unitHeadAndClusterLeader }))
        .then([f.clusterEndorsed({ by: unitHeadAndClusterLeader })]);
    });

    it('an officer who drafted it and also leads the cluster cannot review it', () => {
      spec
        .given([f.nominationDrafted({ by: officerAndClusterLeader }), f.nominationSubmitted()])
        .when(f.reviewAtCluster('endorse', { by: officerAndClusterLeader }))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });

    it('an officer who only edited it and also leads the cluster cannot review it', () => {
      spec
        .given([
          f.nominationDrafted(),
          f.nominationEdited({ achievements: 'Sửa' }, { by: officerAndClusterLeader }),
          f.nominationSubmitted(),
        ])
        .when(f.reviewAtCluster('endorse', { by: officerAndClusterLeader }))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });

    it('a unit head who only resubmitted it (round 2) cannot review it', () => {
      spec
        .given([...f.story.returned(), f.nominationResubmitted({ by: unitHeadAndClusterLeader })])
        .when(f.reviewAtCluster('endorse', { by: unitHeadAndClusterLeader }))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });
  });

  describe('at the council vote', () => {
    it('a council member who drafted it cannot vote on it', () => {
      spec
        .given([
          f.nominationDrafted({ by: officerAndCouncilMember }),
          f.nominationSubmitted(),
          f.clusterEndorsed(),
          f.councilVotingOpened({ members: rosterWith(officerAndCouncilMember.userId) }),
        ])
        .when(f.castCouncilVote(officerAndCouncilMember, 'approve'))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });

    it('a council member who submitted it cannot vote on it', () => {
      spec
        .given([
          f.nominationDrafted(),
          f.nominationSubmitted({ by: unitHeadAndCouncilMember }),
          f.clusterEndorsed(),
          f.councilVotingOpened({ members: rosterWith(unitHeadAndCouncilMember.userId) }),
        ])
        .when(f.castCouncilVote(unitHeadAndCouncilMember, 'reject'))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });

    it('…but may recuse', () => {
      spec
        .given([
          f.nominationDrafted({ by: officerAndCouncilMember }),
          f.nominationSubmitted(),
          f.clusterEndorsed(),
          f.councilVotingOpened({ members: rosterWith(officerAndCouncilMember.userId) }),
        ])
        .when(f.recuseFromCouncil(officerAndCouncilMember))
        .then([f.councilMemberRecused(officerAndCouncilMember)]);
    });

    it('the same member votes on a nomination of another unit he had no hand in', () => {
      const donvi3 = { unitId: 'donvi3', clusterId: 'cum2' };
      spec
        .given([
          f.nominationDrafted({ ...donvi3, by: f.canboDonvi3 }),
          f.nominationSubmitted({ by: f.thutruongDonvi3 }),
          f.clusterEndorsed({ by: f.truongcumCum2 }),
          f.councilVotingOpened({ members: rosterWith(officerAndCouncilMember.userId) }),
        ])
        .when(f.castCouncilVote(officerAndCouncilMember, 'approve'))
        .then([f.councilVoteCast(officerAndCouncilMember, 'approve')]);
    });
  });

  describe('at signature', () => {
    const toSignature = (drafter = f.canboDonvi1, proposer = f.thutruongDonvi1) => [
      f.nominationDrafted({ by: drafter }),
      f.nominationSubmitted({ by: proposer }),
      f.clusterEndorsed(),
      f.councilVotingOpened(),
      ...f.approvingVotes(),
      f.councilVotingClosed(),
    ];

    it('a chairman who drafted it cannot sign it', () => {
      spec
        .given(toSignature(officerAndChairman))
        .when(f.signAwardDecision({ by: officerAndChairman }))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });

    it('a chairman who proposed it cannot sign it', () => {
      spec
        .given(toSignature(f.canboDonvi1, unitHeadAndChairman))
        .when(f.signAwardDecision({ by: unitHeadAndChairman }))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });

    it('…nor decline it', () => {
      spec
        .given(toSignature(f.canboDonvi1, unitHeadAndChairman))
        .when(f.declineSignature({ by: unitHeadAndChairman }))
        .thenThrows('FORBIDDEN', 'SEPARATION_OF_DUTIES');
    });

    it('a chairman with no hand in it signs it', () => {
      spec
        .given(toSignature())
        .when(f.signAwardDecision({ by: unitHeadAndChairman }))
        .thenEvents(([e]) => expect(e.type).toBe('AwardDecisionSigned'));
    });
  });
});
