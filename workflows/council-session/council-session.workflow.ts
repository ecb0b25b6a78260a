/**
 * One council session (phiên họp Hội đồng TĐKT): convened, its agenda changed, members checked in,
 * opened, voted, closed; then each nomination on the agenda learns its outcome. Wiring only: the
 * rules are the domain's session decider (guardSession in the validators, evolveSession for state);
 * the `applySessionCommand` activity decides with full context and appends to the session stream.
 *
 * Secret choices never pass through here: a secret ballot goes from the API straight to its
 * item's ballot box (no identity), and the close activity counts the sealed boxes. What this
 * workflow sees of a secret item is who got a blind signature (unlinkable to the token) and counts.
 */
import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import { SYSTEM_ACTOR, type Actor } from '../../libs/domain/src/shared/actor';
import { guardSession, pendingBallots } from '../../libs/domain/src/council-session/council-session.guard';
import { evolveSession, initialSessionState } from '../../libs/domain/src/council-session/council-session.evolve';
import type { CouncilSessionState, ExistingSession } from '../../libs/domain/src/council-session/council-session.state';
import {
  nominationWorkflowId,
  type ApplySessionCommandInput,
  type ApplySessionCommandResult,
  type CouncilSessionActivities,
  type SessionCommandOutcome,
  type SessionIntentType,
} from '../../libs/temporal/src/contracts';
import { NOMINATION_ACTIVITY_OPTIONS } from '../shared/activities';
import { toUpdateFailure } from '../shared/failures';
import { commandValidator } from '../shared/command-validator';
import { sessionOutcomeSignal } from '../nomination/definitions';
import { SESSION_INTENT_TYPES, SESSION_UPDATES, sessionStateQuery, type SessionUpdate } from './definitions';

const { applySessionCommand } = proxyActivities<CouncilSessionActivities>({
  ...NOMINATION_ACTIVITY_OPTIONS,
  // The close seals and counts the ballot boxes and releases every agenda lock of a large agenda.
  startToCloseTimeout: '30 seconds',
});

const CONVENE_GRACE = '10 seconds';
/** Signals sent per workflow task at close (one command each). */
const SIGNAL_BATCH = 100;

export interface CouncilSessionWorkflowArgs {
  sessionId: string;
}

export async function councilSessionWorkflow(args: CouncilSessionWorkflowArgs): Promise<{ delivered: string[] }> {
  const { sessionId } = args;
  let state: CouncilSessionState = initialSessionState();
  let revision = -1;
  let position = 0;
  let convenesReceived = 0;
  const delivered: string[] = [];

  let tail: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async function apply(
    commandId: string,
    intent: ApplySessionCommandInput['intent'],
    actor: Actor,
  ): Promise<ApplySessionCommandResult> {
    const result = await applySessionCommand({
      sessionId,
      commandId,
      intent,
      actor,
      now: new Date().toISOString(),
      expectedRevision: revision,
    });
    for (const e of result.events) state = evolveSession(state, e);
    if (result.revision > revision) {
      revision = result.revision;
      position = result.position;
    }
    return result;
  }

  const outcome = (r: ApplySessionCommandResult): SessionCommandOutcome => {
    if (state.status === 'NONE') throw new Error('no session');
    const o: SessionCommandOutcome = { sessionId, status: state.status, revision, position };
    if (r.blindSignature) o.blindSignature = r.blindSignature;
    return o;
  };

  /** Closes by itself once every member who may vote has cast their ballot (sessions without secret items). */
  async function closeIfAllVoted(): Promise<void> {
    if (state.status !== 'OPEN') return;
    if (state.agenda.some((i) => i.policy.secretBallot) || pendingBallots(state).length > 0) return;
    try {
      await apply(`close-all-voted-${sessionId}`, { type: 'CloseSession', trigger: 'ALL_VOTED' }, SYSTEM_ACTOR);
    } catch (err) {
      log.warn('Automatic close refused', { sessionId, error: String(err) });
    }
  }

  function register<T extends SessionIntentType>(type: T) {
    setHandler(
      SESSION_UPDATES[type] as SessionUpdate<T>,
      async (command) => {
        if (type === 'ConveneSession') convenesReceived++;
        return exclusive(async () => {
          let result: ApplySessionCommandResult;
          try {
            guardSession(type, command.actor, state);
            result = await apply(command.commandId, command.intent, command.actor);
          } catch (err) {
            throw toUpdateFailure(err);
          }
          if (type === 'CastSessionBallot' || type === 'RecordWrittenBallot' || type === 'RecuseFromItem')
            await closeIfAllVoted();
          return outcome(result);
        });
      },
      { validator: commandValidator(type, (actor) => guardSession(type, actor, state)) },
    );
  }
  for (const type of SESSION_INTENT_TYPES) register(type);

  setHandler(sessionStateQuery, () => ({ state, revision, delivered }));

  // The convening starts the workflow (update-with-start); a refused one ends it having written nothing.
  await condition(() => convenesReceived > 0 || state.status !== 'NONE', CONVENE_GRACE);
  await condition(() => state.status !== 'NONE' || (allHandlersFinished() && convenesReceived > 0));
  if (state.status === 'NONE') return { delivered };

  await condition(() => state.status === 'CLOSED');

  // Each nomination learns its outcome once: the signal is recorded in this history before it is sent,
  // so a worker lost here resumes with the next one; the nomination applies it under a deterministic id.
  const results = (state as ExistingSession).results ?? [];
  for (let i = 0; i < results.length; i += SIGNAL_BATCH) {
    const batch = results.slice(i, i + SIGNAL_BATCH);
    const sent = await Promise.allSettled(
      batch.map((result) =>
        getExternalWorkflowHandle(nominationWorkflowId(result.nominationId)).signal(sessionOutcomeSignal, {
          sessionId,
          result,
        }),
      ),
    );
    sent.forEach((r, j) => {
      if (r.status === 'fulfilled') delivered.push(batch[j].nominationId);
      else
        log.warn('Session outcome not delivered (nomination workflow ended)', {
          sessionId,
          nominationId: batch[j].nominationId,
          error: String(r.reason),
        });
    });
  }
  await condition(allHandlersFinished);
  return { delivered };
}
