/**
 * Given / When / Then for the stage clock: given a nomination's events, the state and clock they
 * fold to (evolve, then trackClock, as the workflow does). Test-only helpers.
 */
import { evolve, initialState } from '../nomination/nomination.evolve';
import type { NominationEvent } from '../nomination/nomination.events';
import type { NominationState } from '../nomination/nomination.state';
import { initialClock, trackClock, type ClockPatches, type StageClock } from '../sla/stage-clock';
import type { StageLimitsConfig } from '../sla/stage-limits';

/** Limits in seconds, for readable arithmetic: cluster review 10 s, voting 20 s, signature 5 s; reminder at 80 %. */
export const SECONDS: StageLimitsConfig = {
  stageTimeLimits: { CLUSTER_REVIEW: 10, COUNCIL_VOTING: 20, AWAITING_SIGNATURE: 5, RETURNED: 10, reminderAt: 0.8 },
  stageTimeUnit: 'seconds',
};

/** Both patches on (a history started after them), counting how often each is asked. */
export function patchesOn(on = true): ClockPatches & { asked: { closesOnEligible: number; skipsHold: number } } {
  const asked = { closesOnEligible: 0, skipsHold: 0 };
  return {
    asked,
    councilClosesOnEligible: () => (asked.closesOnEligible++, on),
    councilDeadlineSkipsHold: () => (asked.skipsHold++, on),
  };
}

export function given(
  events: NominationEvent[],
  patches: ClockPatches = patchesOn(),
): { state: NominationState; clock: StageClock } {
  let state = initialState();
  let clock = initialClock();
  for (const event of events) {
    state = evolve(state, event);
    clock = trackClock(clock, state, event, patches);
  }
  return { state, clock };
}

export const at = (iso: string) => Date.parse(iso);
export const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
