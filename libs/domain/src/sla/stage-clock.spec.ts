import * as f from '../testing/fixtures';
import { SECONDS, at, given, patchesOn, plus } from '../testing/clock-spec';
import { recordedStageLimit, stageLimit } from './stage-clock';

const HOUR = 3_600_000;

describe('Stage clock: time on hold does not count against a stage’s limit', () => {
  describe('trackClock', () => {
    it('given a submitted nomination, then the clock counts its visit of CLUSTER_REVIEW from the submission', () => {
      const { clock } = given(f.story.inClusterReview());
      expect(clock).toMatchObject({ entry: `CLUSTER_REVIEW@${f.T.submitted}`, heldMs: 0, holdSince: null });
    });

    it('given a hold and its release in the stage, then the time held is kept', () => {
      const { clock } = given([
        ...f.story.inClusterReview(),
        f.nominationPutOnHold('CLUSTER_REVIEW'),
        f.nominationReleasedFromHold('CLUSTER_REVIEW'),
      ]);
      expect(clock).toMatchObject({ heldMs: at(f.T.released) - at(f.T.held), holdSince: null });
    });

    it('given a hold not yet released, then the clock knows since when', () => {
      const { clock } = given([...f.story.inClusterReview(), f.nominationPutOnHold('CLUSTER_REVIEW')]);
      expect(clock.holdSince).toBe(at(f.T.held));
    });

    it('given a new visit of the stage (returned, resubmitted), then the time held in the previous visit no longer counts', () => {
      const { clock } = given([
        ...f.story.inClusterReview(),
        f.nominationPutOnHold('CLUSTER_REVIEW'),
        f.nominationReleasedFromHold('CLUSTER_REVIEW'),
        f.nominationReturnedForRevision(),
        f.nominationResubmitted(),
      ]);
      expect(clock).toMatchObject({ entry: `CLUSTER_REVIEW@${f.T.resubmitted}`, heldMs: 0 });
    });

    it('given a hold while the council votes, then the voting deadline moves by it (patched histories)', () => {
      const held = [
        ...f.story.votingOpen(),
        f.nominationPutOnHold('COUNCIL_VOTING', { at: plus(f.T.votingOpened, HOUR) }),
        f.nominationReleasedFromHold('COUNCIL_VOTING', { at: plus(f.T.votingOpened, 3 * HOUR) }),
      ];
      expect(given(held).clock.councilHeldMs).toBe(2 * HOUR);
      // A history from before the patch closes at the original deadline.
      expect(given(held, patchesOn(false)).clock.councilHeldMs).toBe(0);
    });

    it('a patch is asked only where its rule applies (a history records its marker at the same point)', () => {
      const patches = patchesOn();
      given(
        [
          ...f.story.inClusterReview(),
          f.nominationPutOnHold('CLUSTER_REVIEW'),
          f.nominationReleasedFromHold('CLUSTER_REVIEW'),
        ],
        patches,
      );
      expect(patches.asked).toEqual({ closesOnEligible: 0, skipsHold: 0 });
      given(f.story.votingOpen(), patches);
      expect(patches.asked).toEqual({ closesOnEligible: 1, skipsHold: 0 });
    });

    it('given voting opened, then whether it waits only for the members who may vote is decided once, then', () => {
      expect(given(f.story.votingOpen()).clock.closeOnEligible).toBe(true);
      expect(given(f.story.votingOpen(), patchesOn(false)).clock.closeOnEligible).toBe(false);
    });

    it('is pure: the clock it was given is not changed', () => {
      const before = given(f.story.inClusterReview());
      const copy = structuredClone(before.clock);
      given([...f.story.inClusterReview(), f.nominationPutOnHold('CLUSTER_REVIEW')]);
      expect(before.clock).toEqual(copy);
    });
  });

  describe('stageLimit', () => {
    it('given a stage that is not timed (DRAFT), then there is no limit', () => {
      const { state, clock } = given(f.story.inDraft());
      expect(stageLimit(state, clock, SECONDS, at(f.T.drafted))).toBeNull();
    });

    it('given cluster review since the submission, then it is due after its limit and reminded at its share', () => {
      const { state, clock } = given(f.story.inClusterReview());
      expect(stageLimit(state, clock, SECONDS, at(f.T.submitted))).toEqual({
        stage: 'CLUSTER_REVIEW',
        dueAt: at(f.T.submitted) + 10_000,
        remindAt: at(f.T.submitted) + 8_000,
      });
    });

    it('given a finished hold, then the limit moves by the time held', () => {
      const { state, clock } = given([
        ...f.story.inClusterReview(),
        f.nominationPutOnHold('CLUSTER_REVIEW'),
        f.nominationReleasedFromHold('CLUSTER_REVIEW'),
      ]);
      const held = at(f.T.released) - at(f.T.held);
      expect(stageLimit(state, clock, SECONDS, at(f.T.released))?.dueAt).toBe(at(f.T.submitted) + held + 10_000);
    });

    it('given a running hold, then the limit moves with every moment it lasts', () => {
      const { state, clock } = given([...f.story.inClusterReview(), f.nominationPutOnHold('CLUSTER_REVIEW')]);
      const now = at(f.T.held) + HOUR;
      expect(stageLimit(state, clock, SECONDS, now)?.dueAt).toBe(at(f.T.submitted) + HOUR + 10_000);
    });

    it('given working days, then weekends do not count (Fri 27 Nov 2026 + 5 working days is Fri 4 Dec)', () => {
      const submittedFriday = '2026-11-27T02:00:00.000Z';
      const { state, clock } = given([f.nominationDrafted(), f.nominationSubmitted({ at: submittedFriday })]);
      const limit = stageLimit(
        state,
        clock,
        {
          ...SECONDS,
          stageTimeUnit: 'workingDays',
          stageTimeLimits: { ...SECONDS.stageTimeLimits, CLUSTER_REVIEW: 5 },
        },
        0,
      );
      expect(new Date(limit!.dueAt).toISOString()).toBe('2026-12-04T02:00:00.000Z');
    });
  });

  describe('recordedStageLimit: the stage clock a reader shows without asking the workflow', () => {
    const recorded = (events: Parameters<typeof given>[0]) => {
      const [drafted, ...rest] = events;
      const withLimits = { ...drafted, data: { ...drafted.data, stageLimits: SECONDS } } as typeof drafted;
      return given([withLimits, ...rest]);
    };

    it('given a draft that recorded its limits, then the limit is the one its workflow computes, holds included', () => {
      const events = [
        ...f.story.inClusterReview(),
        f.nominationPutOnHold('CLUSTER_REVIEW'),
        f.nominationReleasedFromHold('CLUSTER_REVIEW'),
      ];
      const { state, clock } = recorded(events);
      const now = at(f.T.released) + HOUR;
      expect(recordedStageLimit(state, clock, now)).toEqual(stageLimit(state, clock, SECONDS, now));
      expect(recordedStageLimit(state, clock, now)).not.toBeNull();
    });

    it('given a running hold, then the limit moves with the reader’s clock, as the workflow’s would', () => {
      const { state, clock } = recorded([...f.story.inClusterReview(), f.nominationPutOnHold('CLUSTER_REVIEW')]);
      expect(recordedStageLimit(state, clock, at(f.T.held) + HOUR)?.dueAt).toBe(at(f.T.submitted) + HOUR + 10_000);
    });

    it('given a stage that is not timed (DRAFT), then there is no limit, recorded or not', () => {
      expect(recordedStageLimit(recorded(f.story.inDraft()).state, initialClockOf(), 0)).toBeNull();
      const { state, clock } = given(f.story.inDraft());
      expect(recordedStageLimit(state, clock, 0)).toBeNull();
    });

    it('given a draft recorded before drafts recorded their limits, then it is unknown here (the workflow knows it)', () => {
      const { state, clock } = given(f.story.inClusterReview());
      expect(recordedStageLimit(state, clock, at(f.T.submitted))).toBeUndefined();
    });
  });
});

const initialClockOf = () => given([]).clock;
