import type { NominationEvent } from '../nomination/nomination.events';
import type { NominationState } from '../nomination/nomination.state';
import type { NominationStatus, TimedStage } from '../nomination/nomination.types';
import { reminderAt, stageDueAt } from './stage-deadline';
import type { StageLimitsConfig } from './stage-limits';

/**
 * The time a nomination's clock needs beyond its state: how long it was on hold in the current
 * stage visit (that time does not count against the limit) and while the council voted (it moves
 * the voting deadline). Whether the stage was reminded or escalated is the nomination state's
 * (`sla`), not the clock's. Pure, so the workflow can keep it and replay it.
 */
export interface StageClock {
  /** `${status}@${stageSince}`: one visit of a stage. */
  entry: string;
  /** Time spent on hold during this visit, finished holds only. */
  heldMs: number;
  /** Epoch ms the current hold began, or null. */
  holdSince: number | null;
  /** Time on hold since the council opened voting: nobody can vote on hold, so the deadline moves by it. */
  councilHeldMs: number;
  /** Decided when voting opens: whether voting waits only for the members who may vote. */
  closeOnEligible: boolean;
}

/**
 * Behaviour changes that running workflows must not see mid-history (Temporal patches). They are
 * asked only where the rule applies, so a history records its patch marker at the same point it
 * always has.
 */
export interface ClockPatches {
  /** Voting closes once every member who MAY vote has voted or recused (else: every member). */
  councilClosesOnEligible(): boolean;
  /** Time on hold while the council votes moves its voting deadline (else: the original one holds). */
  councilDeadlineSkipsHold(): boolean;
}

export const TIMED_STAGES: readonly NominationStatus[] = [
  'CLUSTER_REVIEW',
  'OFFICE_CHECK',
  'RETURNED',
  'COUNCIL_VOTING',
  'AWAITING_SIGNATURE',
];

export const initialClock = (): StageClock => ({
  entry: '',
  heldMs: 0,
  holdSince: null,
  councilHeldMs: 0,
  closeOnEligible: false,
});

/** The clock after `event`, given the nomination state AFTER it (evolve first, then track). */
export function trackClock(
  clock: StageClock,
  state: NominationState,
  event: NominationEvent,
  patches: ClockPatches,
): StageClock {
  if (state.status === 'NONE') return clock;
  const at = Date.parse(event.data.at);
  const entry = `${state.status}@${state.stageSince}`;
  // A new visit of a stage starts its own count (holding already if it began on hold).
  const c: StageClock =
    entry === clock.entry ? { ...clock } : { ...clock, entry, heldMs: 0, holdSince: state.onHold ? at : null };
  switch (event.type) {
    case 'CouncilVotingOpened':
      c.councilHeldMs = 0;
      c.closeOnEligible = patches.councilClosesOnEligible();
      break;
    case 'NominationPutOnHold':
      c.holdSince = at;
      break;
    case 'NominationReleasedFromHold':
      // Voting cannot be opened on hold, so a hold released with voting open began after the opening.
      if (
        c.holdSince !== null &&
        state.status === 'COUNCIL_VOTING' &&
        state.council?.open &&
        patches.councilDeadlineSkipsHold()
      )
        c.councilHeldMs += Math.max(0, at - c.holdSince);
      if (c.holdSince !== null) c.heldMs += Math.max(0, at - c.holdSince);
      c.holdSince = null;
      break;
  }
  return c;
}

export interface StageLimit {
  stage: TimedStage;
  /** Epoch ms. */
  dueAt: number;
  remindAt: number;
}

/** The current timed stage's limit at `now`, or null. Time on hold (so far, including a running hold) moves the start. */
export function stageLimit(
  state: NominationState,
  clock: StageClock,
  config: StageLimitsConfig,
  now: number,
): StageLimit | null {
  if (state.status === 'NONE' || !TIMED_STAGES.includes(state.status)) return null;
  const stage = state.status as TimedStage;
  const limits = config.stageTimeLimits;
  const running = clock.holdSince !== null ? Math.max(0, now - clock.holdSince) : 0;
  const start = Date.parse(state.stageSince) + clock.heldMs + running;
  // Workflows started before the office check carry limits without OFFICE_CHECK: the cluster's limit stands in.
  const days = limits[stage] ?? limits.CLUSTER_REVIEW;
  const dueAt = stageDueAt(start, days, config.stageTimeUnit, limits.publicHolidays);
  return { stage, dueAt, remindAt: reminderAt(start, dueAt, limits.reminderAt) };
}

/** The council's voting deadline (epoch ms), moved on by the time on hold while voting was open. */
export const councilDeadlineAt = (deadline: string, clock: StageClock): number =>
  Date.parse(deadline) + clock.councilHeldMs;

/**
 * The current stage's limit as the nomination's workflow shows it (its `view` query), from the folded
 * state and clock alone, with the limits the nomination recorded when it was drafted (its workflow's).
 * Undefined when it recorded none (drafted before drafts recorded them): only its workflow knows them.
 */
export function recordedStageLimit(
  state: NominationState,
  clock: StageClock,
  now: number,
): StageLimit | null | undefined {
  if (state.status === 'NONE' || !TIMED_STAGES.includes(state.status)) return null;
  return state.stageLimits ? stageLimit(state, clock, state.stageLimits, now) : undefined;
}
