import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import type { NominationCommand } from './nomination.commands';
import { nominationDecider } from './nomination.decider';
import type { NominationEvent } from './nomination.events';
import { HOLD_MATTERS, NominationStatus } from './nomination.types';

const spec = DeciderSpecification.for(nominationDecider);

const onHold = (given: NominationEvent[], status: NominationStatus) => [...given, f.nominationPutOnHold(status)];

/**
 * Every command that moves a nomination forward, in a stage where it would succeed. While the
 * nominee is under disciplinary review, inspection, a complaint or published allegations, none may.
 */
const progressing: [string, NominationStatus, () => NominationEvent[], NominationCommand][] = [
  ['editing', 'DRAFT', () => f.story.inDraft(), f.editNomination({ achievements: 'Bổ sung' })],
  ['submitting', 'DRAFT', () => f.story.inDraft(), f.submitNomination()],
  [
    'editing a returned nomination',
    'RETURNED',
    () => f.story.returned(),
    f.editNomination({ achievements: 'Bổ sung' }),
  ],
  ['resubmitting', 'RETURNED', () => f.story.returned(), f.resubmitNomination()],
  ['endorsing at the cluster', 'CLUSTER_REVIEW', () => f.story.inClusterReview(), f.reviewAtCluster('endorse')],
  [
    'returning at the cluster',
    'CLUSTER_REVIEW',
    () => f.story.inClusterReview(),
    f.reviewAtCluster('return', { comment: 'Thiếu' }),
  ],
  [
    'rejecting at the cluster',
    'CLUSTER_REVIEW',
    () => f.story.inClusterReview(),
    f.reviewAtCluster('reject', { comment: 'Không đạt' }),
  ],
  ['opening the vote', 'COUNCIL_VOTING', () => f.story.inCouncilVoting(), f.openCouncilVoting()],
  ['voting', 'COUNCIL_VOTING', () => f.story.votingOpen(), f.castCouncilVote(f.hoidong2, 'approve')],
  ['recusing', 'COUNCIL_VOTING', () => f.story.votingOpen(), f.recuseFromCouncil(f.hoidong1)],
  ['closing the vote by decision', 'COUNCIL_VOTING', () => f.story.votingOpen(), f.closeCouncilVoting('SECRETARY')],
  [
    'closing the vote at its deadline',
    'COUNCIL_VOTING',
    () => f.story.votingOpen(),
    f.closeCouncilVoting('DEADLINE', { at: f.T.votingDeadline }),
  ],
  [
    'closing the vote when all have voted',
    'COUNCIL_VOTING',
    () => [...f.story.votingOpen(), ...f.approvingVotes()],
    f.closeCouncilVoting('ALL_VOTED'),
  ],
  ['signing the award decision', 'AWAITING_SIGNATURE', () => f.story.awaitingSignature(), f.signAwardDecision()],
  ['declining to sign', 'AWAITING_SIGNATURE', () => f.story.awaitingSignature(), f.declineSignature()],
];

describe('On hold: no award while the nominee is under review — progress stops, the stage is kept', () => {
  describe('putting on hold', () => {
    it.each(HOLD_MATTERS)('the secretary puts a nomination on hold for %s, recording the stage it is at', (matter) => {
      spec
        .given(f.story.inClusterReview())
        .when(f.putOnHold(matter))
        .then([f.nominationPutOnHold('CLUSTER_REVIEW', { matter })]);
    });

    it('the stage is kept and the hold flag set', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.putOnHold('DISCIPLINARY_REVIEW'))
        .thenState((s) => expect(s).toMatchObject({ status: 'COUNCIL_VOTING', onHold: true, council: { open: true } }));
    });

    it('a hold must give its reason (400 on comment)', () => {
      spec
        .given(f.story.inClusterReview())
        .when(f.putOnHold('COMPLAINT', { comment: ' ' }))
        .thenThrows('VALIDATION', 'REQUIRED');
    });

    it('a hold must name one of the four matters', () => {
      spec
        .given(f.story.inClusterReview())
        .when(f.putOnHold('RUMOUR' as never))
        .thenThrows('VALIDATION', 'MATTER');
    });

    it('a nomination already on hold is not held again (ALREADY_ON_HOLD)', () => {
      spec
        .given(onHold(f.story.inClusterReview(), 'CLUSTER_REVIEW'))
        .when(f.putOnHold())
        .thenThrows('INVALID_STATE', 'ALREADY_ON_HOLD');
    });

    it.each([
      ['awarded', f.story.awarded()],
      ['rejected', f.story.rejectedAtCluster()],
      ['withdrawn', f.story.withdrawn()],
    ])('a nomination already %s cannot be put on hold (NOMINATION_CLOSED)', (_s, given) => {
      spec.given(given).when(f.putOnHold()).thenThrows('INVALID_STATE', 'NOMINATION_CLOSED');
    });
  });

  describe('no progress while on hold', () => {
    it.each(progressing)('%s (in %s) is refused while on hold (ON_HOLD)…', (_name, status, given, command) => {
      spec.given(onHold(given(), status)).when(command).thenThrows('INVALID_STATE', 'ON_HOLD');
    });

    it.each(progressing)('…and %s (in %s) is accepted without the hold', (_name, _status, given, command) => {
      spec
        .given(given())
        .when(command)
        .thenEvents((events) => expect(events.length).toBeGreaterThan(0));
    });

    it('no reminder or escalation runs while on hold: its clock is stopped (STAGE_PASSED)', () => {
      const held = onHold(f.story.inClusterReview(), 'CLUSTER_REVIEW');
      spec.given(held).when(f.issueStageReminder('CLUSTER_REVIEW')).thenThrows('INVALID_STATE', 'STAGE_PASSED');
      spec.given(held).when(f.escalateStage('CLUSTER_REVIEW')).thenThrows('INVALID_STATE', 'STAGE_PASSED');
    });

    it('the unit may still withdraw a nomination on hold (withdrawing is not progress)', () => {
      spec
        .given(onHold(f.story.inClusterReview(), 'CLUSTER_REVIEW'))
        .when(f.withdrawNomination())
        .thenState((s) => expect(s).toMatchObject({ status: 'WITHDRAWN', onHold: false }));
    });
  });

  describe('release resumes at the same stage', () => {
    it('the secretary releases the hold, recording the stage', () => {
      spec
        .given(onHold(f.story.inClusterReview(), 'CLUSTER_REVIEW'))
        .when(f.releaseFromHold())
        .then([f.nominationReleasedFromHold('CLUSTER_REVIEW')]);
    });

    it('after release the cluster leader reviews as before', () => {
      spec
        .given([...onHold(f.story.inClusterReview(), 'CLUSTER_REVIEW'), f.nominationReleasedFromHold('CLUSTER_REVIEW')])
        .when(f.reviewAtCluster('endorse'))
        .then([f.clusterEndorsed()]);
    });

    it('votes cast before the hold still count after release', () => {
      spec
        .given([
          ...f.story.votingOpen(),
          f.councilMemberRecused(f.hoidong1),
          f.councilVoteCast(f.hoidong2, 'approve'),
          f.councilVoteCast(f.hoidong3, 'approve'),
          f.nominationPutOnHold('COUNCIL_VOTING'),
          f.nominationReleasedFromHold('COUNCIL_VOTING'),
          ...[f.hoidong4, f.hoidong5, f.chutich].map((m) => f.councilVoteCast(m, 'approve')),
        ])
        .when(f.closeCouncilVoting('ALL_VOTED'))
        .then([f.councilVotingClosed({ trigger: 'ALL_VOTED' })]);
    });

    it('release keeps the stage and when it started', () => {
      spec
        .given(onHold(f.story.awaitingSignature(), 'AWAITING_SIGNATURE'))
        .when(f.releaseFromHold())
        .thenState((s) =>
          expect(s).toMatchObject({ status: 'AWAITING_SIGNATURE', onHold: false, stageSince: f.T.closed }),
        );
    });

    it('a nomination not on hold cannot be released (NOT_ON_HOLD)', () => {
      spec.given(f.story.inClusterReview()).when(f.releaseFromHold()).thenThrows('INVALID_STATE', 'NOT_ON_HOLD');
    });
  });
});
