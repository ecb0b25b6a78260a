/**
 * One nomination, from draft to its end (AWARDED, REJECTED or WITHDRAWN).
 *
 * Deterministic code only: the domain is imported through relative paths (it is pure), activities
 * by type. Human steps are Updates: the validator runs the domain's `guard` on the current state
 * (a refusal is immediate and leaves no trace in history); the handler runs one command at a time
 * through the `applyNominationCommand` activity, which decides with full context and appends to
 * the nomination's event stream. The workflow keeps the state folded from the events the activity
 * returns, and its own clock issues stage reminders, escalations and the council's automatic close.
 */
import { allHandlersFinished, condition, log, patched, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { SYSTEM_ACTOR, type Actor } from '../../libs/domain/src/shared/actor';
import { invalid } from '../../libs/domain/src/shared/errors';
import { awaiting, guard, pendingVoters } from '../../libs/domain/src/nomination/nomination.guard';
import { evolve, initialState } from '../../libs/domain/src/nomination/nomination.evolve';
import type { NominationEvent } from '../../libs/domain/src/nomination/nomination.events';
import type { NominationIntent } from '../../libs/domain/src/nomination/nomination.intents';
import { isTerminal, type CouncilState, type NominationState } from '../../libs/domain/src/nomination/nomination.state';
import type { NominationStatus, TimedStage } from '../../libs/domain/src/nomination/nomination.types';
import { reminderAt, stageDueAt } from '../../libs/domain/src/sla/stage-deadline';
import {
  DOMAIN_ERROR_FAILURE_TYPE,
  type ApplyCommandInput,
  type ApplyCommandResult,
  type CommandEnvelope,
  type CommandOutcome,
  type NominationActivities,
  type NominationView,
  type NominationWorkflowArgs,
  type NominationWorkflowResult,
  type SystemIntent,
} from '../../libs/temporal/src/contracts';
import { domainDetails, toUpdateFailure } from '../shared/failures';
import * as defs from './definitions';

const { applyNominationCommand } = proxyActivities<NominationActivities>({
  startToCloseTimeout: '20 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: [DOMAIN_ERROR_FAILURE_TYPE],
  },
});

/** How long a started workflow waits for its draft (update-with-start) before ending with nothing written. */
const DRAFT_GRACE = '10 seconds';

const TIMED_STAGES: readonly NominationStatus[] = ['CLUSTER_REVIEW', 'RETURNED', 'COUNCIL_VOTING', 'AWAITING_SIGNATURE'];

const iso = (ms: number) => new Date(ms).toISOString();

/** Patch: time on hold while the council votes moves its voting deadline (histories before it closed at the original one). */
const COUNCIL_DEADLINE_SKIPS_HOLD = 'council-deadline-skips-hold';
/** Patch: voting closes once every member who MAY vote has voted or recused (histories before it waited for every member). */
const COUNCIL_CLOSES_ON_ELIGIBLE = 'council-closes-on-eligible';

/** Members who have neither voted nor recused (before the COUNCIL_CLOSES_ON_ELIGIBLE patch). */
const pendingMembers = (c: CouncilState) => c.members.filter((m) => c.votes[m.userId] === undefined && !c.recused.includes(m.userId));

interface StageClock {
  /** `${status}@${stageSince}`: one entry into a stage. */
  entry: string;
  /** Time spent on hold during this stage entry (does not count against the limit). */
  heldMs: number;
  holdSince: number | null;
  reminded: boolean;
  escalated: boolean;
}

interface SystemAction {
  /** Stable description, e.g. `remind:CLUSTER_REVIEW@...@<due>`: the wait restarts when it changes. */
  signature: string;
  at: number;
  intent: SystemIntent;
}

export async function nominationWorkflow(args: NominationWorkflowArgs): Promise<NominationWorkflowResult> {
  const { nominationId } = args;
  let state: NominationState = initialState();
  let revision = -1;
  let position = 0;
  let clock: StageClock = { entry: '', heldMs: 0, holdSince: null, reminded: false, escalated: false };
  /** Time on hold since the council opened voting: nobody can vote on hold, so the deadline moves by it. */
  let councilHeldMs = 0;
  /** Decided when voting opens: whether voting waits only for the members who may vote. */
  let closeOnEligible = false;
  /** System actions refused at a given revision: not retried until the state moves on. */
  const refused = new Set<string>();
  let draftsReceived = 0;
  let draftsRunning = 0;

  const ended = () => isTerminal(state.status);

  // ---- one command at a time (FIFO): each handler sees the state its predecessor left ------------
  let tail: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  // ---- state ---------------------------------------------------------------------------------------
  function absorb(result: ApplyCommandResult): void {
    for (const event of result.events) {
      state = evolve(state, event);
      trackClock(event);
    }
    if (result.revision > revision) {
      revision = result.revision;
      position = result.position;
    }
  }

  function trackClock(event: NominationEvent): void {
    if (state.status === 'NONE') return;
    const at = Date.parse(event.data.at);
    const entry = `${state.status}@${state.stageSince}`;
    if (entry !== clock.entry) clock = { entry, heldMs: 0, holdSince: state.onHold ? at : null, reminded: false, escalated: false };
    switch (event.type) {
      case 'CouncilVotingOpened':
        councilHeldMs = 0;
        closeOnEligible = patched(COUNCIL_CLOSES_ON_ELIGIBLE);
        break;
      case 'NominationPutOnHold':
        clock.holdSince = at;
        break;
      case 'NominationReleasedFromHold':
        // Voting cannot be opened on hold, so a hold released with voting open began after the opening.
        if (clock.holdSince !== null && state.status === 'COUNCIL_VOTING' && state.council?.open && patched(COUNCIL_DEADLINE_SKIPS_HOLD))
          councilHeldMs += Math.max(0, at - clock.holdSince);
        if (clock.holdSince !== null) clock.heldMs += Math.max(0, at - clock.holdSince);
        clock.holdSince = null;
        break;
      case 'StageReminderIssued':
        clock.reminded = true;
        break;
      case 'StageEscalated':
        clock.reminded = true;
        clock.escalated = true;
        break;
    }
  }

  /** The current timed stage's limit, or null. Time on hold (so far) is added to the start. */
  function stageLimit(): { stage: TimedStage; dueAt: number; remindAt: number } | null {
    if (state.status === 'NONE' || !TIMED_STAGES.includes(state.status)) return null;
    const stage = state.status as TimedStage;
    const running = clock.holdSince !== null ? Math.max(0, Date.now() - clock.holdSince) : 0;
    const start = Date.parse(state.stageSince) + clock.heldMs + running;
    const dueAt = stageDueAt(start, args.stageTimeLimits[stage], args.stageTimeUnit, args.stageTimeLimits.publicHolidays);
    return { stage, dueAt, remindAt: reminderAt(start, dueAt, args.stageTimeLimits.reminderAt) };
  }

  /** What the workflow's clock must do next, if anything. Nothing while on hold. */
  function nextAction(): SystemAction | null {
    if (state.status === 'NONE' || state.onHold || ended()) return null;
    const candidates: SystemAction[] = [];
    if (state.status === 'COUNCIL_VOTING' && state.council?.open) {
      const c = state.council;
      const pending = closeOnEligible ? pendingVoters(state).length : pendingMembers(c).length;
      if (pending === 0) candidates.push({ signature: `close:ALL_VOTED`, at: 0, intent: { type: 'CloseCouncilVoting', trigger: 'ALL_VOTED' } });
      else
        candidates.push({
          signature: `close:DEADLINE@${c.deadline}+${councilHeldMs}`,
          at: Date.parse(c.deadline) + councilHeldMs,
          intent: { type: 'CloseCouncilVoting', trigger: 'DEADLINE' },
        });
    }
    const limit = stageLimit();
    if (limit && !clock.escalated) {
      const dueAt = iso(limit.dueAt);
      if (!clock.reminded && limit.remindAt < limit.dueAt)
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
    const open = candidates.filter((a) => !refused.has(`${a.signature}#${revision}`));
    open.sort((a, b) => a.at - b.at);
    return open[0] ?? null;
  }

  const signatureOf = (a: SystemAction | null) => (a ? a.signature : 'none');

  // ---- running commands -----------------------------------------------------------------------------
  async function apply(commandId: string, intent: ApplyCommandInput['intent'], actor: Actor, extra: Partial<ApplyCommandInput> = {}) {
    const result = await applyNominationCommand({
      nominationId,
      commandId,
      intent,
      actor,
      now: new Date().toISOString(),
      expectedRevision: revision,
      ...extra,
    });
    absorb(result);
    return result;
  }

  /** Runs a clock command (actor SYSTEM) unless the state moved on; a refusal is logged, not fatal. */
  async function runSystem(action: SystemAction): Promise<void> {
    if (signatureOf(nextAction()) !== action.signature) return;
    try {
      await apply(uuid4(), action.intent, SYSTEM_ACTOR);
    } catch (err) {
      refused.add(`${action.signature}#${revision}`);
      log.warn('System command refused', { nominationId, intent: action.intent.type, error: domainDetails(err) ?? String(err) });
    }
  }

  /** After a vote or recusal: close at once when every member has voted or recused. */
  async function followUps(): Promise<void> {
    const next = nextAction();
    if (next && next.intent.type === 'CloseCouncilVoting' && next.intent.trigger === 'ALL_VOTED') await runSystem(next);
  }

  const outcome = (): CommandOutcome => {
    if (state.status === 'NONE') throw new Error('no nomination');
    const out: CommandOutcome = { nominationId, status: state.status, onHold: state.onHold, revision, position };
    if (state.decisionNumber) out.decisionNumber = state.decisionNumber;
    return out;
  };

  // ---- Updates ------------------------------------------------------------------------------------
  function register<T extends NominationIntent['type']>(def: UpdateDefinition<CommandOutcome, [CommandEnvelope<Extract<NominationIntent, { type: T }>>]>, type: T) {
    setHandler(
      def,
      async (command) => {
        const isDraft = type === 'DraftNomination';
        if (isDraft) {
          draftsReceived++;
          draftsRunning++;
        }
        try {
          return await exclusive(async () => {
            try {
              guard(type, command.actor, state); // again: an earlier command may have changed the state
              const extra: Partial<ApplyCommandInput> = {};
              if (type === 'OpenCouncilVoting')
                extra.councilDeadline = iso(stageDueAt(Date.now(), args.councilVotingDays, args.stageTimeUnit, args.stageTimeLimits.publicHolidays));
              await apply(command.commandId, command.intent, command.actor, extra);
            } catch (err) {
              throw toUpdateFailure(err);
            }
            if (type === 'CastCouncilVote' || type === 'RecuseFromCouncil') await followUps();
            return outcome();
          });
        } finally {
          if (isDraft) draftsRunning--;
        }
      },
      {
        validator: (command) => {
          if (!command || typeof command.commandId !== 'string' || command.commandId.length === 0)
            throw toUpdateFailure(invalid('COMMAND_ID', 'commandId is required', 'commandId'));
          if (!command.actor || typeof command.actor.userId !== 'string' || !Array.isArray(command.actor.roles))
            throw toUpdateFailure(invalid('ACTOR', 'actor is required', 'actor'));
          if (!command.intent || command.intent.type !== type)
            throw toUpdateFailure(invalid('INTENT_TYPE', `this update carries ${type}`, 'type'));
          try {
            guard(type, command.actor, state);
          } catch (err) {
            throw toUpdateFailure(err);
          }
        },
      },
    );
  }

  register(defs.draftUpdate, 'DraftNomination');
  register(defs.editUpdate, 'EditNomination');
  register(defs.submitUpdate, 'SubmitNomination');
  register(defs.resubmitUpdate, 'ResubmitNomination');
  register(defs.clusterReviewUpdate, 'ReviewAtCluster');
  register(defs.openVotingUpdate, 'OpenCouncilVoting');
  register(defs.castVoteUpdate, 'CastCouncilVote');
  register(defs.recuseUpdate, 'RecuseFromCouncil');
  register(defs.closeVotingUpdate, 'CloseCouncilVoting');
  register(defs.signUpdate, 'SignAwardDecision');
  register(defs.declineUpdate, 'DeclineSignature');
  register(defs.holdUpdate, 'PutOnHold');
  register(defs.releaseUpdate, 'ReleaseFromHold');
  register(defs.withdrawUpdate, 'WithdrawNomination');

  // ---- Query -----------------------------------------------------------------------------------------
  setHandler(defs.viewQuery, (): NominationView => {
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
    const limit = ended() ? null : stageLimit();
    const c = state.council;
    const view: NominationView = {
      nominationId,
      status: state.status,
      onHold: state.onHold,
      stage: limit?.stage ?? null,
      awaiting: awaiting(state),
      dueAt: limit ? iso(limit.dueAt) : null,
      reminderAt: limit ? iso(limit.remindAt) : null,
      reminded: limit ? clock.reminded : false,
      escalated: limit ? clock.escalated : false,
      revision,
      position,
      round: state.round,
      council: c
        ? {
            open: c.open,
            members: c.members.length,
            votes: Object.keys(c.votes).length,
            recused: c.recused.length,
            deadline: councilHeldMs > 0 ? iso(Date.parse(c.deadline) + councilHeldMs) : c.deadline,
          }
        : null,
    };
    if (state.decisionNumber) view.decisionNumber = state.decisionNumber;
    return view;
  });

  // ---- the draft (update-with-start) ---------------------------------------------------------------
  // A draft refused by the validator never reaches the handler: after the grace period the workflow
  // ends having written nothing. One refused by the activity ends it at once.
  await condition(() => draftsReceived > 0 || state.status !== 'NONE', DRAFT_GRACE);
  await condition(() => draftsRunning === 0 || state.status !== 'NONE');
  if (state.status === 'NONE') {
    await condition(() => draftsRunning === 0 && allHandlersFinished());
    if (state.status === 'NONE') return { nominationId, status: 'NONE', revision };
  }

  // ---- the clock: reminders, escalations, the council's automatic close ---------------------------
  while (!ended()) {
    const next = nextAction();
    const signature = signatureOf(next);
    const changed = () => ended() || signatureOf(nextAction()) !== signature;
    if (!next) {
      await condition(changed);
      continue;
    }
    const wait = next.at - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    await exclusive(() => runSystem(next));
  }

  await condition(allHandlersFinished);
  const result: NominationWorkflowResult = { nominationId, status: state.status, revision };
  if ((state as { decisionNumber?: string }).decisionNumber) result.decisionNumber = (state as { decisionNumber?: string }).decisionNumber;
  return result;
}
