/**
 * What the workflows, their activities and the client gateway agree on. Types only (plus a few
 * constants with no imports), so the deterministic workflow code can import them too: the domain
 * is reached through RELATIVE type imports, never through the `@tdkt/*` aliases.
 */
import type { Actor } from '../../domain/src/shared/actor';
import type { StageTimeLimits } from '../../domain/src/catalog/award-catalog';
import type { NominationEvent } from '../../domain/src/nomination/nomination.events';
import type { NominationIntent } from '../../domain/src/nomination/nomination.intents';
import type { NominationStatus, TimedStage } from '../../domain/src/nomination/nomination.types';
import type { StageTimeUnit } from '../../domain/src/sla/stage-deadline';
import type { StageLimitsConfig } from '../../domain/src/sla/stage-limits';
import type { ClockIntent } from '../../domain/src/sla/next-action';
import type { DomainErrorKind } from '../../domain/src/shared/errors';
import type { CouncilSessionEvent } from '../../domain/src/council-session/council-session.events';
import type {
  BallotChoice,
  ItemResult,
  SessionCloseTrigger,
  SessionStatus,
} from '../../domain/src/council-session/council-session.types';

/** The ApplicationFailure type a refused command travels as (validator, handler and activity alike). */
export const DOMAIN_ERROR_FAILURE_TYPE = 'DomainError';

/** `details[0]` of a DomainError ApplicationFailure. */
export interface DomainErrorDetails {
  kind: DomainErrorKind;
  code: string;
  message: string;
  field?: string;
}

export const nominationWorkflowId = (nominationId: string) => `nomination-${nominationId}`;
export const revocationWorkflowId = (nominationId: string, commandId: string) =>
  `revocation-${nominationId}-${commandId}`;

export interface NominationWorkflowArgs {
  nominationId: string;
  /** From the catalog (`stageTimeLimits`): per timed stage, plus `reminderAt` as a share of the limit. */
  stageTimeLimits: StageTimeLimits;
  /** `workingDays` in production, `seconds` in tests. */
  stageTimeUnit: StageTimeUnit;
  /** How long the council votes once the secretary opens voting (same unit as the stage limits). */
  councilVotingDays: number;
}

/** The argument of every human Update: who asks, what, and an idempotency key. */
export interface CommandEnvelope<I extends NominationIntent = NominationIntent> {
  /** Unique per request; also the Update id and the events' causationId (deterministic event ids). */
  commandId: string;
  actor: Actor;
  intent: I;
}

/** What the workflow's own clock issues (actor SYSTEM): the domain's stage clock decides them. */
export type SystemIntent = ClockIntent | SessionOutcomeIntent;

/** A council session's outcome for this nomination (the session's signal, applied by the workflow as SYSTEM). */
export interface SessionOutcomeIntent {
  type: 'RecordSessionOutcome';
  sessionId: string;
  result: ItemResult;
  comment?: string;
}

export type AppliedIntent = NominationIntent | SystemIntent;

export interface ApplyCommandInput {
  nominationId: string;
  commandId: string;
  intent: AppliedIntent;
  actor: Actor;
  /** Workflow time (ISO): the command's `now`, identical on every retry. */
  now: string;
  /**
   * Last revision of the nomination stream the caller's state reflects (-1: no stream yet). The
   * activity decides on the stream read up to it and appends expecting it, so a retry decides on
   * the same state. Omitted by the revocation workflow (the nomination workflow has ended): then
   * the activity reads the whole stream.
   */
  expectedRevision?: number;
  /** OpenCouncilVoting only: the voting deadline (ISO) the workflow computed from its configuration. */
  councilDeadline?: string;
  /** Submission, resubmission, cluster review: the dossier goes to the office's check before the council. */
  officeCheck?: boolean;
  /** DraftNomination: the stage limits the workflow runs with, recorded on the draft (readers show the clock from it). */
  stageLimits?: StageLimitsConfig;
  /** SignAwardDecision as one recipient of a signed award decision: its number, not a new one. */
  decision?: DecisionSignedSignal;
  /** RevokeAward applied by a revocation decision: its number and signing year, not a new one. */
  revocation?: { decisionId: string; decisionNumber: string; year: number };
}

/** An award decision signed and numbered: each listed nomination's workflow applies it (AWARDED). */
export interface DecisionSignedSignal {
  decisionId: string;
  decisionNumber: string;
  /** The decision's signing time: the nomination's AwardDecisionSigned carries it. */
  signedAt: string;
  verificationCode: string;
  /** The Chairman who signed (separation of duties is checked for him on every recipient). */
  signer: Actor;
  /**
   * This recipient's amount as the decision fixed it when drafted, so applying it reads no decision
   * stream (1,000 recipients would read it 1,000 times). Absent in signals sent before it was carried.
   */
  amountVnd?: number;
}

/** The deterministic command id of applying decision `decisionId` to one nomination. */
export const decisionApplyCommandId = (decisionId: string, nominationId: string) =>
  `decision-${decisionId}-apply-${nominationId}`;

/** The deterministic command id of the revocation a revocation decision applies to one nomination. */
export const revocationApplyCommandId = (decisionId: string, nominationId: string) =>
  `revocation-${decisionId}-apply-${nominationId}`;

export interface ApplyCommandResult {
  /** The domain events written by this command (or found already written by an earlier attempt). */
  events: NominationEvent[];
  /** Stream revision after the command. */
  revision: number;
  /** Global position of the command's last event. */
  position: number;
  /** Status and hold after the command (as folded from the stream). */
  status: NominationStatus;
  onHold: boolean;
  decisionNumber?: string;
  /** RevokeAward: the revocation decision's own number (same register). */
  revocationDecisionNumber?: string;
}

/** What every command returns to its caller (the HTTP edge maps it to the response). */
export interface CommandOutcome {
  nominationId: string;
  status: NominationStatus;
  onHold: boolean;
  revision: number;
  position: number;
  decisionNumber?: string;
  /** RevokeAward: the revocation decision's own number (same register). */
  revocationDecisionNumber?: string;
}

export interface CouncilView {
  open: boolean;
  members: number;
  votes: number;
  recused: number;
  /** ISO voting deadline, moved on by the time the nomination was on hold while voting was open. */
  deadline: string;
}

/** The `view` query. */
export interface NominationView {
  nominationId: string;
  status: NominationStatus | 'NONE';
  onHold: boolean;
  /** The timed stage the nomination is in (whose limit `dueAt` is), or null. */
  stage: TimedStage | null;
  /** Who the nomination waits for (role:scope). */
  awaiting: string[];
  /** ISO: when the current stage's limit passes (time on hold does not count), or null. */
  dueAt: string | null;
  /** ISO: when the reminder for the current stage is due, or null. */
  reminderAt: string | null;
  reminded: boolean;
  escalated: boolean;
  /** Last stream revision the workflow has applied (-1 before the draft). */
  revision: number;
  position: number;
  /** Review round (1 on first submission, +1 per resubmission). */
  round: number;
  decisionNumber?: string;
  council: CouncilView | null;
}

export interface NominationWorkflowResult {
  nominationId: string;
  /** NONE when the draft was refused (nothing was written). */
  status: NominationStatus | 'NONE';
  revision: number;
  decisionNumber?: string;
}

export interface RevocationWorkflowArgs {
  nominationId: string;
  commandId: string;
  actor: Actor;
  intent: Extract<NominationIntent, { type: 'RevokeAward' }>;
}

/** The activities the workflows call (implemented in activities/, with their dependencies). */
export interface NominationActivities {
  applyNominationCommand(input: ApplyCommandInput): Promise<ApplyCommandResult>;
}

// ---- council sessions ------------------------------------------------------------------------------

export const councilSessionWorkflowId = (sessionId: string) => `council-session-${sessionId}`;

/** What a person asks of a session (the HTTP edge builds it; the activity adds roster, items, keys). */
export type SessionIntent =
  | { type: 'ConveneSession'; title: string; scheduledAt: string; nominationIds: string[] }
  | { type: 'ChangeAgenda'; add: string[]; remove: string[] }
  | { type: 'CheckIn' }
  | { type: 'OpenSession' }
  | { type: 'RecuseFromItem'; nominationId: string; reason: string }
  | { type: 'CastSessionBallot'; choices: BallotChoice[] }
  | { type: 'RecordWrittenBallot'; onBehalfOf: string; choices: BallotChoice[] }
  /** The blinded message (base64url): unlinkable to the token the member will cast. */
  | { type: 'IssueBlindSignature'; nominationId: string; blindedMessage: string }
  | { type: 'CloseSession' };

export type SessionIntentType = SessionIntent['type'];

export interface SessionCommandEnvelope<I extends SessionIntent = SessionIntent> {
  commandId: string;
  actor: Actor;
  intent: I;
}

export interface ApplySessionCommandInput {
  sessionId: string;
  commandId: string;
  intent: SessionIntent | { type: 'CloseSession'; trigger: SessionCloseTrigger };
  actor: Actor;
  now: string;
  /** Last revision of the session stream the workflow's state reflects (-1: none). */
  expectedRevision: number;
}

export interface ApplySessionCommandResult {
  events: CouncilSessionEvent[];
  revision: number;
  position: number;
  /** IssueBlindSignature only: the blind signature (base64url), unlinkable to the token. */
  blindSignature?: string;
}

/** What every session command returns to its caller. */
export interface SessionCommandOutcome {
  sessionId: string;
  status: SessionStatus;
  revision: number;
  position: number;
  blindSignature?: string;
}

/** A session's outcome for one nomination, signalled to the nomination's workflow. */
export interface SessionOutcomeSignal {
  sessionId: string;
  result: ItemResult;
}

export interface CouncilSessionActivities {
  applySessionCommand(input: ApplySessionCommandInput): Promise<ApplySessionCommandResult>;
}
