/**
 * One award decision (quyết định khen thưởng), from its draft until every listed nomination is
 * AWARDED under it. Wiring only: `guardDecision` in the validators, `evolveDecision` for the state
 * (both pure, relative imports). Human steps are Updates; once the decision is signed and
 * numbered, each listed nomination's workflow is signalled (`decisionSigned`) and applies it under
 * the command id `decision-<id>-apply-<nominationId>`. A signal is recorded in this history before
 * it is sent, so a worker lost midway resumes with the next one; the nomination's command id is
 * deterministic and its handler ignores a second delivery: no recipient is lost or applied twice.
 */
import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import { SYSTEM_ACTOR, type Actor } from '../../libs/domain/src/shared/actor';
import { guardDecision } from '../../libs/domain/src/award-decision/award-decision.guard';
import { evolveDecision, initialDecisionState } from '../../libs/domain/src/award-decision/award-decision.evolve';
import type { AwardDecisionState, ExistingDecision } from '../../libs/domain/src/award-decision/award-decision.state';
import {
  nominationWorkflowId,
  revocationApplyCommandId,
  type NominationActivities,
} from '../../libs/temporal/src/contracts';
import type {
  ApplyDecisionCommandInput,
  ApplyDecisionCommandResult,
  AwardDecisionActivities,
  AwardDecisionWorkflowResult,
  DecisionCommandOutcome,
  DecisionIntentType,
} from '../../libs/temporal/src/decision-contracts';
import { NOMINATION_ACTIVITY_OPTIONS } from '../shared/activities';
import { domainDetails, toUpdateFailure } from '../shared/failures';
import { commandValidator } from '../shared/command-validator';
import { decisionSignedSignal } from '../nomination/definitions';
import { DECISION_INTENT_TYPES, DECISION_UPDATES, decisionStateQuery, type DecisionUpdate } from './definitions';

const { applyDecisionCommand } = proxyActivities<AwardDecisionActivities>({
  ...NOMINATION_ACTIVITY_OPTIONS,
  // A draft or signature of 1,000 recipients reads 1,000 nomination streams.
  startToCloseTimeout: '2 minutes',
});
const { awaitDecisionApplied } = proxyActivities<AwardDecisionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 1.5, maximumInterval: '10 seconds' },
});

const { applyNominationCommand } = proxyActivities<NominationActivities>(NOMINATION_ACTIVITY_OPTIONS);

const DRAFT_GRACE = '10 seconds';
/** A revocation decision revokes its award here (the nomination's workflow has ended long ago). */
const REVOCATION_DECISION_PATCH = 'revocation-decision';
const SIGNAL_BATCH = 50;
/** Each recipient's amount travels in its decisionSigned signal (histories before it: the nomination reads it). */
const SIGNAL_AMOUNT_PATCH = 'decision-signal-amount';

export async function awardDecisionWorkflow(args: { decisionId: string }): Promise<AwardDecisionWorkflowResult> {
  const { decisionId } = args;
  let state: AwardDecisionState = initialDecisionState();
  let revision = -1;
  let position = 0;
  let draftsReceived = 0;
  const signalled: string[] = [];

  let tail: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  function absorb(result: ApplyDecisionCommandResult): void {
    for (const event of result.events) state = evolveDecision(state, event);
    if (result.revision > revision) {
      revision = result.revision;
      position = result.position;
    }
  }

  async function apply(commandId: string, intent: ApplyDecisionCommandInput['intent'], actor: Actor) {
    absorb(
      await applyDecisionCommand({
        decisionId,
        commandId,
        intent,
        actor,
        now: new Date().toISOString(),
        expectedRevision: revision,
      }),
    );
  }

  const outcome = (): DecisionCommandOutcome => {
    if (state.status === 'NONE') throw new Error('no decision');
    const out: DecisionCommandOutcome = { decisionId, status: state.status, revision, position };
    if (state.decisionNumber) out.decisionNumber = state.decisionNumber;
    if (state.signedAt) out.signedAt = state.signedAt;
    if (state.year) out.year = state.year;
    return out;
  };

  function register<T extends DecisionIntentType>(type: T) {
    setHandler(
      DECISION_UPDATES[type] as DecisionUpdate<T>,
      async (command) => {
        if (type === 'DraftDecision' || type === 'IssueRevocation' || type === 'IssueSingleDecision') draftsReceived++;
        return exclusive(async () => {
          try {
            guardDecision(type, command.actor, state);
            await apply(command.commandId, command.intent, command.actor);
          } catch (err) {
            throw toUpdateFailure(err);
          }
          return outcome();
        });
      },
      { validator: commandValidator(type, (actor) => guardDecision(type, actor, state)) },
    );
  }
  for (const type of DECISION_INTENT_TYPES) register(type);

  setHandler(decisionStateQuery, () => ({ state, revision, signalled }));

  // The draft starts the workflow (update-with-start); a refused one ends it having written nothing.
  await condition(() => draftsReceived > 0 || state.status !== 'NONE', DRAFT_GRACE);
  await condition(() => state.status !== 'NONE' || (allHandlersFinished() && draftsReceived > 0));
  if (state.status === 'NONE') return { decisionId, status: 'NONE' };

  // Signed and numbered (ISSUED), or declined.
  await condition(() => state.status === 'ISSUED' || state.status === 'APPLIED' || state.status === 'DECLINED');
  if (state.status === 'DECLINED') {
    await condition(allHandlersFinished);
    return { decisionId, status: 'DECLINED' };
  }

  const issued = state as ExistingDecision;
  if (issued.kind === 'REVOCATION' && patched(REVOCATION_DECISION_PATCH)) return revoke(issued);
  const signer: Actor = {
    userId: issued.signer!.by.userId,
    displayName: issued.signer!.name,
    roles: [issued.signer!.by.role],
    ...(issued.signer!.by.unitId ? { unitId: issued.signer!.by.unitId } : {}),
  };
  const carryAmount = patched(SIGNAL_AMOUNT_PATCH);
  for (let i = 0; i < issued.recipients.length; i += SIGNAL_BATCH) {
    const batch = issued.recipients.slice(i, i + SIGNAL_BATCH);
    const sent = await Promise.allSettled(
      batch.map((r) =>
        getExternalWorkflowHandle(nominationWorkflowId(r.nominationId)).signal(decisionSignedSignal, {
          decisionId,
          decisionNumber: issued.decisionNumber!,
          signedAt: issued.signedAt!,
          verificationCode: r.verificationCode,
          signer,
          ...(carryAmount ? { amountVnd: r.amount } : {}),
        }),
      ),
    );
    sent.forEach((r, j) => {
      if (r.status === 'fulfilled') signalled.push(batch[j].nominationId);
      else
        log.warn('Decision not delivered (nomination workflow ended)', {
          decisionId,
          nominationId: batch[j].nominationId,
        });
    });
  }
  const application = await awaitDecisionApplied({
    decisionId,
    nominationIds: issued.recipients.map((r) => r.nominationId),
  });
  const notApplied = application.notApplied ?? [];
  await exclusive(() =>
    apply(
      `decision-${decisionId}-applied`,
      { type: 'RecordDecisionApplied', ...(notApplied.length ? { notApplied } : {}) },
      SYSTEM_ACTOR,
    ),
  );
  await condition(allHandlersFinished);
  return { decisionId, status: state.status, application, position };

  /** Each recipient's award revoked under this decision's number, once (deterministic command id). */
  async function revoke(d: ExistingDecision): Promise<AwardDecisionWorkflowResult> {
    const by: Actor = { userId: d.signer!.by.userId, displayName: d.signer!.name, roles: [d.signer!.by.role] };
    const applied: string[] = [];
    const notApplied: { nominationId: string; reason: string }[] = [];
    for (const r of d.recipients) {
      try {
        await applyNominationCommand({
          nominationId: r.nominationId,
          commandId: revocationApplyCommandId(decisionId, r.nominationId),
          intent: { type: 'RevokeAward', ground: d.revokes!.ground as never, comment: d.revokes!.reason },
          actor: by,
          now: d.signedAt!,
          revocation: { decisionId, decisionNumber: d.decisionNumber!, year: d.year! },
        });
        applied.push(r.nominationId);
      } catch (err) {
        notApplied.push({ nominationId: r.nominationId, reason: domainDetails(err)?.message ?? String(err) });
      }
    }
    await exclusive(() =>
      apply(
        `decision-${decisionId}-applied`,
        { type: 'RecordDecisionApplied', ...(notApplied.length ? { notApplied } : {}) },
        SYSTEM_ACTOR,
      ),
    );
    await condition(allHandlersFinished);
    const skipped = notApplied.map((n) => n.nominationId);
    return { decisionId, status: state.status, application: { applied, skipped, notApplied }, position };
  }
}
