import { DeciderSpecification } from '../testing/decider-spec';
import * as f from '../testing/fixtures';
import { nominationDecider } from './nomination.decider';
import type { NominationEvent } from './nomination.events';
import type { TimedStage } from './nomination.types';

const spec = DeciderSpecification.for(nominationDecider);

const PENDING_MEMBERS = ['hoidong1', 'hoidong2', 'hoidong3', 'hoidong4', 'hoidong5', 'chutich'].map(
  (id) => `COUNCIL_MEMBER:${id}`,
);

describe('Stage time limits: overdue work is reminded, then escalated', () => {
  describe('reminders name who the nomination waits for', () => {
    it.each([
      ['CLUSTER_REVIEW', () => f.story.inClusterReview(), ['CLUSTER_LEADER:cum1']],
      ['RETURNED', () => f.story.returned(), ['UNIT_HEAD:donvi1', 'UNIT_OFFICER:donvi1']],
      ['COUNCIL_VOTING', () => f.story.inCouncilVoting(), ['COUNCIL_SECRETARY']],
      ['AWAITING_SIGNATURE', () => f.story.awaitingSignature(), ['CHAIRMAN']],
    ] as [TimedStage, () => NominationEvent[], string[]][])('a reminder in %s', (stage, given, awaiting) => {
      spec
        .given(given())
        .when(f.issueStageReminder(stage))
        .then([f.stageReminderIssued(stage, { awaiting })]);
    });

    it('during an open vote, the members who have neither voted nor recused', () => {
      spec
        .given([...f.story.votingOpen(), f.councilMemberRecused(f.hoidong1), f.councilVoteCast(f.hoidong2, 'approve')])
        .when(f.issueStageReminder('COUNCIL_VOTING'))
        .then([f.stageReminderIssued('COUNCIL_VOTING', { awaiting: PENDING_MEMBERS.slice(2) })]);
    });
  });

  describe('escalation goes one level up', () => {
    it('an overdue cluster review is escalated to the commendation office (council secretary)', () => {
      spec
        .given(f.story.inClusterReview())
        .when(f.escalateStage('CLUSTER_REVIEW'))
        .then([
          f.stageEscalated('CLUSTER_REVIEW', { awaiting: ['CLUSTER_LEADER:cum1'], escalatedTo: 'COUNCIL_SECRETARY' }),
        ]);
    });

    it('an overdue council vote is escalated to the chairman', () => {
      spec
        .given(f.story.votingOpen())
        .when(f.escalateStage('COUNCIL_VOTING'))
        .then([f.stageEscalated('COUNCIL_VOTING', { awaiting: PENDING_MEMBERS, escalatedTo: 'CHAIRMAN' })]);
    });

    it('an overdue signature is escalated to the chairman', () => {
      spec
        .given(f.story.awaitingSignature())
        .when(f.escalateStage('AWAITING_SIGNATURE'))
        .then([f.stageEscalated('AWAITING_SIGNATURE', { awaiting: ['CHAIRMAN'], escalatedTo: 'CHAIRMAN' })]);
    });

    it('escalation exactly at the due time is accepted; one millisecond earlier it is not (NOT_OVERDUE)', () => {
      spec
        .given(f.story.inClusterReview())
        .when(f.escalateStage('CLUSTER_REVIEW', { at: f.T.due }))
        .thenEvents(([e]) => expect(e.type).toBe('StageEscalated'));
      spec
        .given(f.story.inClusterReview())
        .when(f.escalateStage('CLUSTER_REVIEW', { at: '2026-11-17T01:59:59.999Z' }))
        .thenThrows('INVALID_STATE', 'NOT_OVERDUE');
    });

    it('due times written with an offset are compared as instants', () => {
      spec
        .given(f.story.inClusterReview())
        .when(f.escalateStage('CLUSTER_REVIEW', { at: '2026-11-17T02:00:00.000Z', dueAt: '2026-11-17T09:00:00+07:00' }))
        .thenEvents(([e]) => expect(e.type).toBe('StageEscalated'));
    });

    it('an unreadable due time is refused', () => {
      spec
        .given(f.story.inClusterReview())
        .when(f.escalateStage('CLUSTER_REVIEW', { dueAt: 'tomorrow' }))
        .thenThrows('VALIDATION', 'DATE_TIME');
    });
  });

  describe('guards: only for the stage the nomination is in, once per visit, never on hold or after the end', () => {
    it('a reminder for a stage the nomination has left is refused (STAGE_PASSED)', () => {
      spec
        .given(f.story.inCouncilVoting())
        .when(f.issueStageReminder('CLUSTER_REVIEW'))
        .thenThrows('INVALID_STATE', 'STAGE_PASSED');
      spec
        .given(f.story.inCouncilVoting())
        .when(f.escalateStage('CLUSTER_REVIEW'))
        .thenThrows('INVALID_STATE', 'STAGE_PASSED');
    });

    it('a nomination on hold is neither reminded nor escalated (STAGE_PASSED)', () => {
      const held = [...f.story.inClusterReview(), f.nominationPutOnHold('CLUSTER_REVIEW')];
      spec.given(held).when(f.issueStageReminder('CLUSTER_REVIEW')).thenThrows('INVALID_STATE', 'STAGE_PASSED');
    });

    it('an ended nomination is neither reminded nor escalated (NOMINATION_CLOSED)', () => {
      spec
        .given(f.story.awarded())
        .when(f.issueStageReminder('AWAITING_SIGNATURE'))
        .thenThrows('INVALID_STATE', 'NOMINATION_CLOSED');
      spec
        .given(f.story.withdrawn())
        .when(f.escalateStage('CLUSTER_REVIEW'))
        .thenThrows('INVALID_STATE', 'NOMINATION_CLOSED');
    });

    it('a stage is reminded once (ALREADY_REMINDED)', () => {
      spec
        .given([...f.story.inClusterReview(), f.stageReminderIssued('CLUSTER_REVIEW')])
        .when(f.issueStageReminder('CLUSTER_REVIEW'))
        .thenThrows('INVALID_STATE', 'ALREADY_REMINDED');
    });

    it('a reminded stage is then escalated', () => {
      spec
        .given([...f.story.inClusterReview(), f.stageReminderIssued('CLUSTER_REVIEW')])
        .when(f.escalateStage('CLUSTER_REVIEW'))
        .thenEvents(([e]) => expect(e.type).toBe('StageEscalated'));
    });

    it('a stage is escalated once, and not reminded after (ALREADY_ESCALATED)', () => {
      const escalated = [...f.story.inClusterReview(), f.stageEscalated('CLUSTER_REVIEW')];
      spec.given(escalated).when(f.escalateStage('CLUSTER_REVIEW')).thenThrows('INVALID_STATE', 'ALREADY_ESCALATED');
      spec
        .given(escalated)
        .when(f.issueStageReminder('CLUSTER_REVIEW'))
        .thenThrows('INVALID_STATE', 'ALREADY_ESCALATED');
    });

    it('a new visit of the stage (after return and resubmission) has its own reminder', () => {
      spec
        .given([
          ...f.story.inClusterReview(),
          f.stageReminderIssued('CLUSTER_REVIEW'),
          f.stageEscalated('CLUSTER_REVIEW'),
          f.nominationReturnedForRevision(),
          f.nominationResubmitted(),
        ])
        .when(
          f.issueStageReminder('CLUSTER_REVIEW', { at: '2026-11-20T02:00:00.000Z', dueAt: '2026-11-27T02:00:00.000Z' }),
        )
        .thenEvents(([e]) => expect(e.type).toBe('StageReminderIssued'));
    });

    it('reminders and escalations change no stage', () => {
      spec
        .given(f.story.inClusterReview())
        .when(f.escalateStage('CLUSTER_REVIEW'))
        .thenState((s) =>
          expect(s).toMatchObject({ status: 'CLUSTER_REVIEW', onHold: false, stageSince: f.T.submitted }),
        );
    });
  });
});
