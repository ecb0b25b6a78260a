import * as f from '../testing/fixtures';
import type { NominationEvent } from '../nomination/nomination.events';
import { SECONDS, at, given, patchesOn, plus } from '../testing/clock-spec';
import { nextAction } from './next-action';
import type { ClockPatches } from './stage-clock';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Given these events, when the clock is asked at `now`, then… */
const when = (
  events: NominationEvent[],
  o: { now?: number; patches?: ClockPatches; refused?: (s: string) => boolean; config?: typeof SECONDS } = {},
) =>
  nextAction({
    ...(o.config ?? SECONDS),
    ...given(events, o.patches),
    now: o.now ?? 0,
    ...(o.refused ? { refused: o.refused } : {}),
  });

describe('The nomination’s clock: what it does next', () => {
  it('given a stage just entered, then its reminder is next, at its share of the limit', () => {
    expect(when(f.story.inClusterReview())).toEqual({
      signature: `remind:CLUSTER_REVIEW@${f.T.submitted}@${at(f.T.submitted) + 8_000}`,
      at: at(f.T.submitted) + 8_000,
      intent: { type: 'IssueStageReminder', stage: 'CLUSTER_REVIEW', dueAt: iso(at(f.T.submitted) + 10_000) },
    });
  });

  it('given the stage was reminded, then its escalation is next, at the due time', () => {
    expect(when([...f.story.inClusterReview(), f.stageReminderIssued('CLUSTER_REVIEW')])).toMatchObject({
      at: at(f.T.submitted) + 10_000,
      intent: { type: 'EscalateStage', stage: 'CLUSTER_REVIEW', dueAt: iso(at(f.T.submitted) + 10_000) },
    });
  });

  it('given a reminder due no earlier than the limit (share 1), then the clock goes straight to escalation', () => {
    const config = { ...SECONDS, stageTimeLimits: { ...SECONDS.stageTimeLimits, reminderAt: 1 } };
    expect(when(f.story.inClusterReview(), { config })?.intent.type).toBe('EscalateStage');
  });

  it('given the stage was escalated, then nothing more is due in this visit (kept once, in the nomination state)', () => {
    expect(when([...f.story.inClusterReview(), f.stageEscalated('CLUSTER_REVIEW')])).toBeNull();
  });

  it('given a new visit of an escalated stage, then its own reminder is due again', () => {
    const events = [
      ...f.story.inClusterReview(),
      f.stageEscalated('CLUSTER_REVIEW'),
      f.nominationReturnedForRevision(),
      f.nominationResubmitted(),
    ];
    expect(when(events)?.intent).toMatchObject({ type: 'IssueStageReminder', stage: 'CLUSTER_REVIEW' });
  });

  it('given a nomination on hold, then nothing is due', () => {
    expect(when([...f.story.inClusterReview(), f.nominationPutOnHold('CLUSTER_REVIEW')])).toBeNull();
  });

  it('given a nomination that has ended, or a draft (no timed stage), then nothing is due', () => {
    expect(when(f.story.awarded())).toBeNull();
    expect(when(f.story.withdrawn())).toBeNull();
    expect(when(f.story.inDraft())).toBeNull();
  });

  describe('the council’s voting', () => {
    it('given every member who may vote has voted or recused, then voting closes at once (ALL_VOTED)', () => {
      expect(when([...f.story.votingOpen(), ...f.approvingVotes()])).toEqual({
        signature: 'close:ALL_VOTED',
        at: 0,
        intent: { type: 'CloseCouncilVoting', trigger: 'ALL_VOTED' },
      });
    });

    it('given members still to vote, then voting closes at its deadline, unless a reminder comes first', () => {
      const action = when(f.story.votingOpen());
      expect(action?.intent.type).toBe('IssueStageReminder');
      const reminded = when([
        ...f.story.votingOpen(),
        f.stageReminderIssued('COUNCIL_VOTING'),
        f.stageEscalated('COUNCIL_VOTING'),
      ]);
      expect(reminded).toEqual({
        signature: `close:DEADLINE@${f.T.votingDeadline}+0`,
        at: at(f.T.votingDeadline),
        intent: { type: 'CloseCouncilVoting', trigger: 'DEADLINE' },
      });
    });

    it('given a hold while voting was open, then the deadline moves by the time held', () => {
      const events = [
        ...f.story.votingOpen(),
        f.nominationPutOnHold('COUNCIL_VOTING', { at: plus(f.T.votingOpened, HOUR) }),
        f.nominationReleasedFromHold('COUNCIL_VOTING', { at: plus(f.T.votingOpened, 3 * HOUR) }),
        f.stageEscalated('COUNCIL_VOTING'),
      ];
      expect(when(events)).toMatchObject({
        signature: `close:DEADLINE@${f.T.votingDeadline}+${2 * HOUR}`,
        at: at(f.T.votingDeadline) + 2 * HOUR,
      });
    });

    it('given only a conflicted member is left (hoidong1, of the nominee’s unit), then voting does not wait for them — unless it opened before that rule', () => {
      const othersVoted = [
        ...f.story.votingOpen(),
        ...[f.hoidong2, f.hoidong3, f.hoidong4, f.hoidong5, f.chutich].map((m) => f.councilVoteCast(m, 'approve')),
      ];
      expect(when(othersVoted)?.intent).toEqual({ type: 'CloseCouncilVoting', trigger: 'ALL_VOTED' });
      expect(when(othersVoted, { patches: patchesOn(false) })?.intent).toMatchObject({ type: 'IssueStageReminder' });
    });
  });

  it('given the next action was refused in this state, then the one after it is proposed', () => {
    const events = f.story.inClusterReview();
    const first = when(events)!;
    expect(when(events, { refused: (s) => s === first.signature })).toBeNull();
    const closing = [...f.story.votingOpen(), ...f.approvingVotes()];
    expect(when(closing, { refused: (s) => s === 'close:ALL_VOTED' })?.intent.type).toBe('IssueStageReminder');
  });
});
