import * as f from '../testing/fixtures';
import type { NominationEvent } from './nomination.events';
import { evolve, initialState } from './nomination.evolve';
import { noticesOf } from './notices';

/** Given the history, when `event` happens: the notices it raises. */
const when = (given: NominationEvent[], event: NominationEvent) => {
  const before = given.reduce(evolve, initialState());
  return noticesOf(before, event, evolve(before, event));
};

const UNIT = ['UNIT_OFFICER:donvi1', 'UNIT_HEAD:donvi1'];

describe('Notices: who an event concerns', () => {
  it('given nothing, when a draft is made, then its unit head is awaited to submit it', () => {
    expect(when([], f.nominationDrafted())).toEqual([
      { kind: 'awaiting', reason: 'AWAITING', to: ['UNIT_HEAD:donvi1'] },
    ]);
  });

  it('given a draft, when it is edited, then nobody is told again (same stage, same awaitee)', () => {
    expect(when(f.story.inDraft(), f.nominationEdited({ achievements: 'Thêm' }))).toEqual([]);
  });

  it('given a draft, when it is submitted, then the unit’s cluster leader is awaited', () => {
    expect(when(f.story.inDraft(), f.nominationSubmitted())).toEqual([
      { kind: 'awaiting', reason: 'AWAITING', to: ['CLUSTER_LEADER:cum1'] },
    ]);
  });

  it('given cluster review, when it is returned with reasons, then the unit hears the outcome first, and is awaited', () => {
    expect(when(f.story.inClusterReview(), f.nominationReturnedForRevision())).toEqual([
      { kind: 'outcome', reason: 'RETURNED', to: UNIT },
      { kind: 'awaiting', reason: 'AWAITING', to: ['UNIT_HEAD:donvi1', 'UNIT_OFFICER:donvi1'] },
    ]);
  });

  it('given cluster review, when the cluster rejects it, then the unit hears it was rejected', () => {
    expect(when(f.story.inClusterReview(), f.clusterRejected())).toEqual([
      { kind: 'outcome', reason: 'REJECTED', to: UNIT },
    ]);
  });

  it('given voting open, when the council closes without approval, then the unit hears it was rejected', () => {
    const closed = f.councilVotingClosed({ outcome: 'THRESHOLD_NOT_MET' });
    expect(when([...f.story.votingOpen(), ...f.approvingVotes()], closed)).toEqual([
      { kind: 'outcome', reason: 'REJECTED', to: UNIT },
    ]);
  });

  it('given awaiting signature, when the Chairman declines, then the unit hears it was rejected', () => {
    expect(when(f.story.awaitingSignature(), f.signatureDeclined())).toEqual([
      { kind: 'outcome', reason: 'REJECTED', to: UNIT },
    ]);
  });

  it('given awaiting signature, when the decision is signed, then the unit hears it was awarded', () => {
    expect(when(f.story.awaitingSignature(), f.awardDecisionSigned())).toEqual([
      { kind: 'outcome', reason: 'AWARDED', to: UNIT },
    ]);
  });

  it('given an award, when it is revoked, then the unit hears it', () => {
    expect(when(f.story.awarded(), f.awardRevoked())).toEqual([{ kind: 'outcome', reason: 'REVOKED', to: UNIT }]);
  });

  it('given a draft, when it is withdrawn, then the unit hears it', () => {
    expect(when(f.story.inDraft(), f.nominationWithdrawn('DRAFT'))).toEqual([
      { kind: 'outcome', reason: 'WITHDRAWN', to: UNIT },
    ]);
  });

  it('given council voting, when voting opens, then every member is awaited; a vote tells nobody new', () => {
    const opened = when(f.story.inCouncilVoting(), f.councilVotingOpened());
    expect(opened).toEqual([
      { kind: 'awaiting', reason: 'AWAITING', to: f.councilRoster.map((m) => `COUNCIL_MEMBER:${m.userId}`) },
    ]);
    expect(when(f.story.votingOpen(), f.councilVoteCast(f.hoidong2, 'approve'))).toEqual([]);
  });

  it('given the last pending member, when they vote, then the secretary is awaited to close the vote', () => {
    const [last, ...rest] = f.approvingVotes().reverse();
    expect(when([...f.story.votingOpen(), ...rest.reverse()], last)).toEqual([
      { kind: 'awaiting', reason: 'AWAITING', to: ['COUNCIL_SECRETARY'] },
    ]);
  });

  it('given cluster review, when it is put on hold, then the secretary is awaited', () => {
    expect(when(f.story.inClusterReview(), f.nominationPutOnHold('CLUSTER_REVIEW'))).toEqual([
      { kind: 'awaiting', reason: 'AWAITING', to: ['COUNCIL_SECRETARY'] },
    ]);
  });

  it('given cluster review, when a reminder is issued, then the awaited hear of the time limit', () => {
    const reminder = f.stageReminderIssued('CLUSTER_REVIEW', { awaiting: ['CLUSTER_LEADER:cum1'] });
    expect(when(f.story.inClusterReview(), reminder)).toEqual([
      { kind: 'overdue', reason: 'REMINDER', to: ['CLUSTER_LEADER:cum1'] },
    ]);
  });

  it('given cluster review, when it is escalated, then the awaited and whom it is escalated to both hear it', () => {
    const escalated = f.stageEscalated('CLUSTER_REVIEW', {
      awaiting: ['CLUSTER_LEADER:cum1'],
      escalatedTo: 'COUNCIL_SECRETARY',
    });
    expect(when(f.story.inClusterReview(), escalated)).toEqual([
      { kind: 'overdue', reason: 'ESCALATED', to: ['CLUSTER_LEADER:cum1'] },
      { kind: 'overdue', reason: 'ESCALATED_TO_YOU', to: ['COUNCIL_SECRETARY'] },
    ]);
  });
});
