/** The `view` query's answer, from what the workflow holds. Pure. */
import { awaiting } from '../../libs/domain/src/nomination/nomination.guard';
import type { NominationState } from '../../libs/domain/src/nomination/nomination.state';
import { councilDeadlineAt, type StageClock, type StageLimit } from '../../libs/domain/src/sla/stage-clock';
import type { NominationView } from '../../libs/temporal/src/contracts';

const iso = (ms: number) => new Date(ms).toISOString();

export interface ViewInput {
  nominationId: string;
  state: NominationState;
  clock: StageClock;
  /** The current stage's limit (null when none or ended). */
  limit: StageLimit | null;
  revision: number;
  position: number;
}

export function nominationView({ nominationId, state, clock, limit, revision, position }: ViewInput): NominationView {
  if (state.status === 'NONE')
    return {
      nominationId,
      status: 'NONE',
      onHold: false,
      stage: null,
      awaiting: [],
      dueAt: null,
      reminderAt: null,
      reminded: false,
      escalated: false,
      revision,
      position,
      round: 0,
      council: null,
    };
  const c = state.council;
  const escalated = state.sla?.escalated ?? false;
  const view: NominationView = {
    nominationId,
    status: state.status,
    onHold: state.onHold,
    stage: limit?.stage ?? null,
    awaiting: awaiting(state),
    dueAt: limit ? iso(limit.dueAt) : null,
    reminderAt: limit ? iso(limit.remindAt) : null,
    // An escalated stage counts as reminded too: the reminder's time has passed.
    reminded: limit ? (state.sla?.reminded ?? false) || escalated : false,
    escalated: limit ? escalated : false,
    revision,
    position,
    round: state.round,
    council: c
      ? {
          open: c.open,
          members: c.members.length,
          votes: Object.keys(c.votes).length,
          recused: c.recused.length,
          deadline: clock.councilHeldMs > 0 ? iso(councilDeadlineAt(c.deadline, clock)) : c.deadline,
        }
      : null,
  };
  if (state.decisionNumber) view.decisionNumber = state.decisionNumber;
  return view;
}
