/**
 * The council session workflow's Updates (one per session intent) and its query. The names are in
 * workflow histories: never rename one.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  SessionCommandEnvelope,
  SessionCommandOutcome,
  SessionIntent,
  SessionIntentType,
} from '../../libs/temporal/src/contracts';
import type { CouncilSessionState } from '../../libs/domain/src/council-session/council-session.state';

export type SessionIntentOf<T extends SessionIntentType> = Extract<SessionIntent, { type: T }>;
export type SessionUpdate<T extends SessionIntentType = SessionIntentType> = UpdateDefinition<
  SessionCommandOutcome,
  [SessionCommandEnvelope<SessionIntentOf<T>>]
>;

const update = <T extends SessionIntentType>(name: string): SessionUpdate<T> =>
  defineUpdate<SessionCommandOutcome, [SessionCommandEnvelope<SessionIntentOf<T>>]>(name);

export const SESSION_UPDATES: { readonly [T in SessionIntentType]: SessionUpdate<T> } = {
  ConveneSession: update('convene'),
  ChangeAgenda: update('changeAgenda'),
  CheckIn: update('checkIn'),
  OpenSession: update('open'),
  RecuseFromItem: update('recuse'),
  CastSessionBallot: update('castBallot'),
  RecordWrittenBallot: update('writtenBallot'),
  IssueBlindSignature: update('blindSignature'),
  CloseSession: update('close'),
};

export const SESSION_INTENT_TYPES = Object.keys(SESSION_UPDATES) as SessionIntentType[];

/** The session's state as the workflow folded it (open ballots are public; no secret choice is in it). */
export const sessionStateQuery = defineQuery<{ state: CouncilSessionState; revision: number; delivered: string[] }>(
  'sessionState',
);
