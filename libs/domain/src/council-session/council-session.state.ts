import type { CouncilMember, VoteChoice } from '../nomination/nomination.types';
import type { WithdrawnItem } from './agenda-admission';
import type { AttendancePolicy, ItemResult, SecretItemKey, SessionItem, SessionStatus } from './council-session.types';

export type CouncilSessionState =
  | { status: 'NONE' }
  | {
      status: SessionStatus;
      sessionId: string;
      title: string;
      scheduledAt: string;
      convenedBy: string;
      members: CouncilMember[];
      attendance: AttendancePolicy;
      agenda: SessionItem[];
      present: string[];
      /** Members whose one ballot is in (in the meeting or in writing), and how. */
      ballots: Record<string, { inWriting: boolean }>;
      /** Open-ballot choices per item: nominationId → member → choice. */
      votes: Record<string, Record<string, VoteChoice>>;
      /** Explicit recusals per item. */
      recused: Record<string, string[]>;
      secretKeys: SecretItemKey[];
      /** Blind signatures issued per secret item: member → hash of the blinded request. */
      issued: Record<string, Record<string, string>>;
      results?: ItemResult[];
      /** Items taken off the agenda at opening because they were no longer eligible, with why. */
      withdrawn?: (SessionItem & WithdrawnItem & { at: string })[];
    };

export type ExistingSession = Exclude<CouncilSessionState, { status: 'NONE' }>;
