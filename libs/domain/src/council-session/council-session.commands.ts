import type { Actor } from '../shared/actor';
import type { CouncilMember } from '../nomination/nomination.types';
import type { ItemEligibilityCheck } from './agenda-admission';
import type {
  AttendancePolicy,
  BallotChoice,
  SecretBallotBox,
  SecretItemKey,
  SessionCloseTrigger,
  SessionItem,
} from './council-session.types';

/** Who, when; the context (roster, agenda items, keys, ballot boxes) is loaded by the caller. */
interface Base {
  sessionId: string;
  actor: Actor;
  now: string;
}

export interface ConveneSession extends Base {
  type: 'ConveneSession';
  title: string;
  scheduledAt: string;
  items: SessionItem[];
  members: CouncilMember[];
  attendance: AttendancePolicy;
}
export interface ChangeAgenda extends Base {
  type: 'ChangeAgenda';
  add: SessionItem[];
  remove: string[];
}
export interface CheckIn extends Base {
  type: 'CheckIn';
}
export interface OpenSession extends Base {
  type: 'OpenSession';
  /** One public key per secret item, made by the caller's key store for this session. */
  secretKeys: SecretItemKey[];
  /**
   * Each item's award conditions and its nominee's award history now: eligibility is checked again
   * at opening, and an item no longer eligible is taken off the agenda (absent: not checked).
   */
  eligibility?: ItemEligibilityCheck[];
}
export interface RecuseFromItem extends Base {
  type: 'RecuseFromItem';
  nominationId: string;
  reason: string;
}
/** A present member's one ballot over the open-ballot items. */
export interface CastSessionBallot extends Base {
  type: 'CastSessionBallot';
  choices: BallotChoice[];
}
/** A written ballot (phiếu gửi trước) of an absent member, recorded by the secretary. */
export interface RecordWrittenBallot extends Base {
  type: 'RecordWrittenBallot';
  onBehalfOf: string;
  choices: BallotChoice[];
}
export interface IssueBlindSignature extends Base {
  type: 'IssueBlindSignature';
  nominationId: string;
  requestHash: string;
}
export interface CloseSession extends Base {
  type: 'CloseSession';
  trigger: SessionCloseTrigger;
  /** The sealed ballot boxes of the secret items, counted by the caller. */
  ballotBoxes: SecretBallotBox[];
}

export type CouncilSessionCommand =
  | ConveneSession
  | ChangeAgenda
  | CheckIn
  | OpenSession
  | RecuseFromItem
  | CastSessionBallot
  | RecordWrittenBallot
  | IssueBlindSignature
  | CloseSession;

export type CouncilSessionCommandType = CouncilSessionCommand['type'];
