import { pendingVoters } from '../nomination/nomination.guard';
import { isTerminal, type CouncilState, type NominationState } from '../nomination/nomination.state';
import type { TimedStage } from '../nomination/nomination.types';
import { councilDeadlineAt, stageLimit, type StageClock } from './stage-clock';
import type { StageLimitsConfig } from './stage-limits';

/** What a nomination's clock issues (actor SYSTEM). */
export type ClockIntent =
  | { type: 'IssueStageReminder'; stage: TimedStage; dueAt: string; comment?: string }
  | { type: 'EscalateStage'; stage: TimedStage; dueAt: string; comment?: string }
  | { type: 'CloseCouncilVoting'; trigger: 'ALL_VOTED' | 'DEADLINE'; comment?: string };

export interface ClockAction {
  /** Stable description, e.g. `remind:CLUSTER_REVIEW@...@<due>`: a wait restarts when it changes. */
  signature: string;
  /** Epoch ms when it is due (0: at once). */
  at: number;
  intent: ClockIntent;
}

export interface NextActionInput extends StageLimitsConfig {
  state: NominationState;
  clock: StageClock;
  now: number;
  /** Actions already refused in the current state: not proposed again until the state moves on. */
  refused?: (signature: string) => boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Members who have neither voted nor recused (voting opened before `closeOnEligible`). */
const pendingMembers = (c: CouncilState) =>
  c.members.filter((m) => c.votes[m.userId] === undefined && !c.recused.includes(m.userId));

/**
 * What the nomination's clock must do next, if anything: close the council's voting (everyone who
 * is waited for has voted, or the deadline passed), remind a timed stage, or escalate it. The
 * earliest due action wins; nothing while on hold or after the end. Reminded / escalated come
 * from the nomination state, once per visit of a stage.
 */
export function nextAction(input: NextActionInput): ClockAction | null {
  const { state, clock } = input;
  if (state.status === 'NONE' || state.onHold || isTerminal(state.status)) return null;
  const candidates: ClockAction[] = [];
  if (state.status === 'COUNCIL_VOTING' && state.council?.open) {
    const c = state.council;
    const pending = clock.closeOnEligible ? pendingVoters(state).length : pendingMembers(c).length;
    if (pending === 0)
      candidates.push({
        signature: `close:ALL_VOTED`,
        at: 0,
        intent: { type: 'CloseCouncilVoting', trigger: 'ALL_VOTED' },
      });
    else
      candidates.push({
        signature: `close:DEADLINE@${c.deadline}+${clock.councilHeldMs}`,
        at: councilDeadlineAt(c.deadline, clock),
        intent: { type: 'CloseCouncilVoting', trigger: 'DEADLINE' },
      });
  }
  const limit = stageLimit(state, clock, input, input.now);
  if (limit && !state.sla?.escalated) {
    const dueAt = iso(limit.dueAt);
    if (!state.sla?.reminded && limit.remindAt < limit.dueAt)
      candidates.push({
        signature: `remind:${clock.entry}@${limit.remindAt}`,
        at: limit.remindAt,
        intent: { type: 'IssueStageReminder', stage: limit.stage, dueAt },
      });
    else
      candidates.push({
        signature: `escalate:${clock.entry}@${limit.dueAt}`,
        at: limit.dueAt,
        intent: { type: 'EscalateStage', stage: limit.stage, dueAt },
      });
  }
  const refused = input.refused ?? (() => false);
  const open = candidates.filter((a) => !refused(a.signature));
  open.sort((a, b) => a.at - b.at);
  return open[0] ?? null;
}
