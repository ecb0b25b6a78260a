import { fold } from '../shared/decider';
import * as f from '../testing/fixtures';
import type { NominationCommand } from './nomination.commands';
import { nominationDecider } from './nomination.decider';
import { NOMINATION_EVENT_TYPES, NominationEvent } from './nomination.events';
import type { NominationState } from './nomination.state';
import { NOMINATION_STATUSES } from './nomination.types';

/** Runs commands one after another through decide and evolve, as the workflow does. */
function run(commands: NominationCommand[], given: NominationEvent[] = []) {
  let state = fold(nominationDecider, given);
  const events: NominationEvent[] = [...given];
  const statuses: string[] = [];
  for (const c of commands) {
    for (const e of nominationDecider.decide(c, state)) {
      state = nominationDecider.evolve(state, e);
      events.push(e);
    }
    statuses.push(state.status);
  }
  return { state, events, statuses };
}

/** The demo journey: drafted, returned once, resubmitted, endorsed, voted (hoidong1 recuses), signed. */
const journey: NominationCommand[] = [
  f.draftNomination(),
  f.submitNomination(),
  f.reviewAtCluster('return', { comment: 'Thiếu minh chứng' }),
  f.editNomination({ documents: ['minh-chung.pdf'] }),
  f.resubmitNomination(),
  f.reviewAtCluster('endorse', { at: '2026-11-07T02:00:00.000Z' }),
  f.openCouncilVoting(),
  f.recuseFromCouncil(f.hoidong1),
  ...[f.hoidong2, f.hoidong3, f.hoidong4, f.hoidong5, f.chutich].map((m) => f.castCouncilVote(m, 'approve')),
  f.closeCouncilVoting('ALL_VOTED'),
  f.signAwardDecision(),
];

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
};

describe('A nomination’s life: every state change is an event, statuses follow DOMAIN.md', () => {
  it('the demo journey goes DRAFT → CLUSTER_REVIEW → RETURNED → CLUSTER_REVIEW → COUNCIL_VOTING → AWAITING_SIGNATURE → AWARDED', () => {
    const { statuses, state } = run(journey);
    expect(statuses).toEqual([
      'DRAFT',
      'CLUSTER_REVIEW',
      'RETURNED',
      'RETURNED',
      'CLUSTER_REVIEW',
      'COUNCIL_VOTING',
      'COUNCIL_VOTING',
      'COUNCIL_VOTING',
      'COUNCIL_VOTING',
      'COUNCIL_VOTING',
      'COUNCIL_VOTING',
      'COUNCIL_VOTING',
      'COUNCIL_VOTING',
      'AWAITING_SIGNATURE',
      'AWARDED',
    ]);
    expect(state).toMatchObject({
      status: 'AWARDED',
      round: 2,
      decisionNumber: f.DECISION_NUMBER,
      documents: ['minh-chung.pdf'],
    });
  });

  it('the event history keeps every round, in order', () => {
    expect(run(journey).events.map((e) => e.type)).toEqual([
      'NominationDrafted',
      'NominationSubmitted',
      'NominationReturnedForRevision',
      'NominationEdited',
      'NominationResubmitted',
      'ClusterEndorsed',
      'CouncilVotingOpened',
      'CouncilMemberRecused',
      'CouncilVoteCast',
      'CouncilVoteCast',
      'CouncilVoteCast',
      'CouncilVoteCast',
      'CouncilVoteCast',
      'CouncilVotingClosed',
      'AwardDecisionSigned',
    ]);
  });

  it('every status of DOMAIN.md is reached by some path', () => {
    const reached = new Set<string>([
      ...run(journey).statuses,
      ...run([f.revokeAward()], run(journey).events).statuses,
      ...run([f.withdrawNomination()], f.story.inDraft()).statuses,
      ...run([f.reviewAtCluster('reject', { comment: 'Không đạt' })], f.story.inClusterReview()).statuses,
      ...run([f.forwardToCentral(), f.recordCentralDecision()], f.centralStory.awaitingSignature()).statuses,
    ]);
    expect([...reached].sort()).toEqual([...NOMINATION_STATUSES].sort());
  });

  it('every event type is produced by some command', () => {
    const produced = new Set<string>([
      ...run(journey).events.map((e) => e.type),
      ...run([f.revokeAward()], f.story.awarded()).events.map((e) => e.type),
      ...run([f.declineSignature()], f.story.awaitingSignature()).events.map((e) => e.type),
      ...run([f.reviewAtCluster('reject', { comment: 'Không đạt' })], f.story.inClusterReview()).events.map(
        (e) => e.type,
      ),
      ...run(
        [
          f.putOnHold(),
          f.releaseFromHold(),
          f.issueStageReminder('CLUSTER_REVIEW'),
          f.escalateStage('CLUSTER_REVIEW'),
          f.withdrawNomination(),
        ],
        f.story.inClusterReview(),
      ).events.map((e) => e.type),
      ...run([f.forwardToCentral(), f.recordCentralDecision()], f.centralStory.awaitingSignature()).events.map(
        (e) => e.type,
      ),
      ...run(
        [f.recordCentralDecision({ approved: false, reason: 'Không đạt' })],
        f.centralStory.forwarded(),
      ).events.map((e) => e.type),
    ]);
    expect([...produced].sort()).toEqual([...NOMINATION_EVENT_TYPES].sort());
  });

  it('every event records the nomination, who acted in which role, and when', () => {
    for (const e of run(journey).events) {
      expect(e.data).toMatchObject({
        nominationId: f.NOMINATION_ID,
        by: { userId: expect.any(String), role: expect.any(String) },
        at: expect.any(String),
      });
    }
  });

  it('nothing is updated in place: deciding and evolving never mutate the state they are given', () => {
    let state: NominationState = deepFreeze(fold(nominationDecider, []));
    for (const c of journey) {
      for (const e of nominationDecider.decide(c, state))
        state = deepFreeze(nominationDecider.evolve(state, deepFreeze(e)));
    }
    expect(state.status).toBe('AWARDED');
  });

  it('an event for a nomination that was never drafted changes nothing', () => {
    expect(nominationDecider.evolve(nominationDecider.initialState(), f.nominationSubmitted())).toEqual({
      status: 'NONE',
    });
  });

  it('a refused command produces no event and leaves the state as it was', () => {
    const state = fold(nominationDecider, f.story.inDraft());
    expect(() => nominationDecider.decide(f.reviewAtCluster('endorse'), state)).toThrow();
    expect(state.status).toBe('DRAFT');
  });
});
