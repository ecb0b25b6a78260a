/**
 * The intent table: one Update of the nomination workflow per human intent, one Query. The
 * workflow registers a handler for every entry and the client gateway calls them through it, so
 * an intent missing here fails the typecheck, and a missing handler fails definitions.spec.ts.
 * Imported by the workflow and by the gateway (defining them runs no workflow code).
 * The names are in workflow histories: never rename one.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { NominationIntent, NominationIntentType } from '../../libs/domain/src/nomination/nomination.intents';
import type {
  CommandEnvelope,
  CommandOutcome,
  DecisionSignedSignal,
  NominationView,
  SessionOutcomeSignal,
} from '../../libs/temporal/src/contracts';

/** Revoking runs as its own workflow (the nomination's has ended by then); every other intent is an Update. */
export type UpdateIntentType = Exclude<NominationIntentType, 'RevokeAward'>;
export const REVOCATION_INTENT = 'RevokeAward' satisfies Exclude<NominationIntentType, UpdateIntentType>;

export type IntentOf<T extends NominationIntentType> = Extract<NominationIntent, { type: T }>;
export type NominationUpdate<T extends UpdateIntentType = UpdateIntentType> = UpdateDefinition<
  CommandOutcome,
  [CommandEnvelope<IntentOf<T>>]
>;

const update = <T extends UpdateIntentType>(name: string): NominationUpdate<T> =>
  defineUpdate<CommandOutcome, [CommandEnvelope<IntentOf<T>>]>(name);

export const NOMINATION_UPDATES: { readonly [T in UpdateIntentType]: NominationUpdate<T> } = {
  DraftNomination: update('draft'),
  EditNomination: update('edit'),
  SubmitNomination: update('submit'),
  ResubmitNomination: update('resubmit'),
  ReviewAtCluster: update('clusterReview'),
  RecordOfficeCheck: update('officeCheck'),
  OpenCouncilVoting: update('openVoting'),
  CastCouncilVote: update('castVote'),
  RecuseFromCouncil: update('recuse'),
  CloseCouncilVoting: update('closeVoting'),
  SignAwardDecision: update('sign'),
  DeclineSignature: update('decline'),
  PutOnHold: update('hold'),
  ReleaseFromHold: update('release'),
  WithdrawNomination: update('withdraw'),
  ForwardToCentral: update('forwardToCentral'),
  RecordCentralDecision: update('recordCentralDecision'),
};

export const UPDATE_INTENT_TYPES = Object.keys(NOMINATION_UPDATES) as UpdateIntentType[];

/** The draft starts the workflow (update-with-start). */
export const draftUpdate = NOMINATION_UPDATES.DraftNomination;

export const viewQuery = defineQuery<NominationView>('view');

/**
 * A council session's outcome for this nomination, sent by the session's workflow (a signal: a
 * workflow cannot call another's Update). Applied once: a deterministic command id per session.
 */
export const sessionOutcomeSignal = defineSignal<[SessionOutcomeSignal]>('sessionOutcome');

/**
 * An award decision listing this nomination was signed and numbered (sent by the decision's
 * workflow). Applied once: the command id is deterministic per decision and nomination.
 */
export const decisionSignedSignal = defineSignal<[DecisionSignedSignal]>('decisionSigned');
