import type { ActingAs } from '../shared/actor';
import type { CouncilMember } from '../nomination/nomination.types';
import type { WithdrawnItem } from './agenda-admission';
import type {
  AttendancePolicy,
  BallotChoice,
  ItemResult,
  SecretItemKey,
  SessionCloseTrigger,
  SessionItem,
} from './council-session.types';

export const COUNCIL_SESSION_EVENT_SCHEMA_VERSION = 1;

interface Common {
  sessionId: string;
  by: ActingAs;
  at: string;
}
type Ev<T extends string, D> = { type: T; data: Common & D };

export type CouncilSessionConvened = Ev<
  'CouncilSessionConvened',
  { title: string; scheduledAt: string; members: CouncilMember[]; attendance: AttendancePolicy }
>;
export type SessionItemAdded = Ev<'SessionItemAdded', { item: SessionItem }>;
/** Taken off the agenda by the secretary, or at opening because the item is no longer eligible (`withdrawn`). */
export type SessionItemRemoved = Ev<'SessionItemRemoved', { nominationId: string; withdrawn?: WithdrawnItem }>;
export type SessionMemberCheckedIn = Ev<'SessionMemberCheckedIn', object>;
export type CouncilSessionOpened = Ev<
  'CouncilSessionOpened',
  { present: string[]; required: number; secretItems: SecretItemKey[] }
>;
export type SessionMemberRecused = Ev<'SessionMemberRecused', { nominationId: string; reason: string }>;
/**
 * A member's one ballot over the open-ballot items (in the meeting, or in writing recorded by the
 * secretary: then `by` is the secretary and `member` the absent member). Never a secret item.
 */
export type SessionBallotCast = Ev<
  'SessionBallotCast',
  { member: string; choices: BallotChoice[]; inWriting: boolean }
>;
/**
 * A member obtained the one blind signature of a secret item. Names the member, never the token:
 * `requestHash` is the hash of the blinded message (unlinkable to the token) so a retry is recognised.
 */
export type BlindSignatureIssued = Ev<'BlindSignatureIssued', { nominationId: string; requestHash: string }>;
export type CouncilSessionClosed = Ev<'CouncilSessionClosed', { trigger: SessionCloseTrigger; results: ItemResult[] }>;

export type CouncilSessionEvent =
  | CouncilSessionConvened
  | SessionItemAdded
  | SessionItemRemoved
  | SessionMemberCheckedIn
  | CouncilSessionOpened
  | SessionMemberRecused
  | SessionBallotCast
  | BlindSignatureIssued
  | CouncilSessionClosed;

export type CouncilSessionEventType = CouncilSessionEvent['type'];

export const COUNCIL_SESSION_EVENT_TYPES: CouncilSessionEventType[] = [
  'CouncilSessionConvened',
  'SessionItemAdded',
  'SessionItemRemoved',
  'SessionMemberCheckedIn',
  'CouncilSessionOpened',
  'SessionMemberRecused',
  'SessionBallotCast',
  'BlindSignatureIssued',
  'CouncilSessionClosed',
];

export const councilSessionStreamName = (sessionId: string) => `council-session-${sessionId}`;
