/**
 * One nomination, from draft to its end (AWARDED, REJECTED or WITHDRAWN). Wiring only: the rules
 * are the domain's (imported by RELATIVE path: the bundle holds pure code only) — `guard` for the
 * Update validators, `evolve` for the state, the stage clock (`trackClock`, `stageLimit`,
 * `nextAction`) for reminders, escalations and the council's automatic close.
 *
 * Human steps are Updates (one per intent, from ./definitions): the validator runs `guard` on the
 * current state (a refusal is immediate and leaves no trace in history); the handler runs one
 * command at a time through the `applyNominationCommand` activity (a local activity since the patch
 * in ../shared/apply-nomination-command), which decides with full context and appends to the
 * nomination's event stream. The workflow folds the events the activity returns.
 */
import { allHandlersFinished, condition, log, patched, setHandler, uuid4 } from '@temporalio/workflow';
import { SYSTEM_ACTOR, type Actor } from '../../libs/domain/src/shared/actor';
import { guard } from '../../libs/domain/src/nomination/nomination.guard';
import { evolve, initialState } from '../../libs/domain/src/nomination/nomination.evolve';
import { isTerminal, type NominationState } from '../../libs/domain/src/nomination/nomination.state';
import {
  initialClock,
  stageLimit,
  trackClock,
  type ClockPatches,
  type StageClock,
} from '../../libs/domain/src/sla/stage-clock';
import { nextAction, type ClockAction } from '../../libs/domain/src/sla/next-action';
import { stageDueAt } from '../../libs/domain/src/sla/stage-deadline';
import {
  decisionApplyCommandId,
  type ApplyCommandInput,
  ApplyCommandResult,
  type CommandOutcome,
  type NominationWorkflowArgs,
  type NominationWorkflowResult,
} from '../../libs/temporal/src/contracts';
import { applyNominationCommand } from '../shared/apply-nomination-command';
import { domainDetails, toUpdateFailure } from '../shared/failures';
import { commandValidator } from '../shared/command-validator';
import {
  NOMINATION_UPDATES,
  UPDATE_INTENT_TYPES,
  decisionSignedSignal,
  sessionOutcomeSignal,
  viewQuery,
  type NominationUpdate,
  type UpdateIntentType,
} from './definitions';
import { nominationView } from './view';

/** How long a started workflow waits for its draft (update-with-start) before ending with nothing written. */
const DRAFT_GRACE = '10 seconds';

/** The patches behind the clock's rules (see ClockPatches); the ids are in workflow histories. */
const CLOCK_PATCHES: ClockPatches = {
  councilClosesOnEligible: () => patched('council-closes-on-eligible'),
  councilDeadlineSkipsHold: () => patched('council-deadline-skips-hold'),
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The office's check (OFFICE_CHECK) between the cluster (or the submission, without one) and the
 * council. A nomination whose workflow started before it gets it too on its next submission or
 * endorsement (the marker is written then); one already in COUNCIL_VOTING goes on without it.
 */
const OFFICE_CHECK_PATCH = 'office-check-stage';
const DRAFT_RECORDS_STAGE_LIMITS_PATCH = 'draft-records-stage-limits';

export async function nominationWorkflow(args: NominationWorkflowArgs): Promise<NominationWorkflowResult> {
  const { nominationId } = args;
  let state: NominationState = initialState();
  let clock: StageClock = initialClock();
  let revision = -1;
  let position = 0;
  /** System actions refused at a given revision: not retried until the state moves on. */
  const refused = new Set<string>();
  let draftsReceived = 0;
  let draftsRunning = 0;

  const ended = () => isTerminal(state.status);
  const next = () =>
    nextAction({
      ...args,
      state,
      clock,
      now: Date.now(),
      refused: (signature) => refused.has(`${signature}#${revision}`),
    });
  const signatureOf = (a: ClockAction | null) => (a ? a.signature : 'none');

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

  // ---- running commands -----------------------------------------------------------------------------
  function absorb(result: ApplyCommandResult): void {
    for (const event of result.events) {
      state = evolve(state, event);
      clock = trackClock(clock, state, event, CLOCK_PATCHES);
    }
    if (result.revision > revision) {
      revision = result.revision;
      position = result.position;
    }
  }

  async function apply(
    commandId: string,
    intent: ApplyCommandInput['intent'],
    actor: Actor,
    extra: Partial<ApplyCommandInput> = {},
  ) {
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
  async function runSystem(action: ClockAction): Promise<void> {
    if (signatureOf(next()) !== action.signature) return;
    try {
      await apply(uuid4(), action.intent, SYSTEM_ACTOR);
    } catch (err) {
      refused.add(`${action.signature}#${revision}`);
      log.warn('System command refused', {
        nominationId,
        intent: action.intent.type,
        error: domainDetails(err) ?? String(err),
      });
    }
  }

  /** After a vote or recusal: close at once when every member has voted or recused. */
  async function followUps(): Promise<void> {
    const action = next();
    if (action && action.intent.type === 'CloseCouncilVoting' && action.intent.trigger === 'ALL_VOTED')
      await runSystem(action);
  }

  const outcome = (): CommandOutcome => {
    if (state.status === 'NONE') throw new Error('no nomination');
    const out: CommandOutcome = { nominationId, status: state.status, onHold: state.onHold, revision, position };
    if (state.decisionNumber) out.decisionNumber = state.decisionNumber;
    return out;
  };

  // ---- Updates: one per intent (./definitions) ------------------------------------------------------
  function register<T extends UpdateIntentType>(type: T) {
    setHandler(
      NOMINATION_UPDATES[type] as NominationUpdate<T>,
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
              // The office's check before the council: asked only where a step may lead to it, so a
              // history recorded before it replays as it ran (no marker: straight to the council).
              if (
                (type === 'SubmitNomination' || type === 'ResubmitNomination' || type === 'ReviewAtCluster') &&
                patched(OFFICE_CHECK_PATCH)
              )
                extra.officeCheck = true;
              // The draft records the limits this workflow runs with, so a reader shows the stage clock
              // from the read model instead of asking (a query per view). A history drafted before replays as it ran.
              if (type === 'DraftNomination' && patched(DRAFT_RECORDS_STAGE_LIMITS_PATCH))
                extra.stageLimits = { stageTimeLimits: args.stageTimeLimits, stageTimeUnit: args.stageTimeUnit };
              if (type === 'OpenCouncilVoting')
                extra.councilDeadline = iso(
                  stageDueAt(
                    Date.now(),
                    args.councilVotingDays,
                    args.stageTimeUnit,
                    args.stageTimeLimits.publicHolidays,
                  ),
                );
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
      { validator: commandValidator(type, (actor) => guard(type, actor, state)) },
    );
  }

  for (const type of UPDATE_INTENT_TYPES) register(type);

  // ---- a council session's outcome (signal from the session's workflow) ------------------------------
  // New handler, no existing path changes: old histories hold no such signal and replay as before.
  setHandler(sessionOutcomeSignal, (signal) =>
    exclusive(async () => {
      const council = state.status === 'NONE' ? undefined : state.council;
      if (state.status !== 'COUNCIL_VOTING' || council?.sessionId === signal.sessionId) return; // already applied
      try {
        await apply(
          `session-outcome-${signal.sessionId}`,
          { type: 'RecordSessionOutcome', sessionId: signal.sessionId, result: signal.result },
          SYSTEM_ACTOR,
        );
      } catch (err) {
        log.warn('Session outcome refused', {
          nominationId,
          sessionId: signal.sessionId,
          error: domainDetails(err) ?? String(err),
        });
      }
    }),
  );

  // ---- an award decision listing this nomination was signed (signal from the decision's workflow) -----
  // New handler, no existing path changes: old histories hold no such signal and replay as before.
  setHandler(decisionSignedSignal, (signal) =>
    exclusive(async () => {
      if (state.status !== 'AWAITING_SIGNATURE') return; // applied already (AWARDED), or ended otherwise
      try {
        await apply(
          decisionApplyCommandId(signal.decisionId, nominationId),
          { type: 'SignAwardDecision' },
          signal.signer,
          { decision: signal, now: signal.signedAt },
        );
      } catch (err) {
        log.warn('Award decision not applied', {
          nominationId,
          decisionId: signal.decisionId,
          error: domainDetails(err) ?? String(err),
        });
      }
    }),
  );

  // ---- Query -----------------------------------------------------------------------------------------
  setHandler(viewQuery, () =>
    nominationView({
      nominationId,
      state,
      clock,
      limit: ended() ? null : stageLimit(state, clock, args, Date.now()),
      revision,
      position,
    }),
  );

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
    const action = next();
    const signature = signatureOf(action);
    const changed = () => ended() || signatureOf(next()) !== signature;
    if (!action) {
      await condition(changed);
      continue;
    }
    const wait = action.at - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    await exclusive(() => runSystem(action));
  }

  await condition(allHandlersFinished);
  const result: NominationWorkflowResult = { nominationId, status: state.status, revision };
  if ((state as { decisionNumber?: string }).decisionNumber)
    result.decisionNumber = (state as { decisionNumber?: string }).decisionNumber;
  return result;
}
