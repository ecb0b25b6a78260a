import type {
  CouncilMember,
  CouncilPolicy,
  Campaign,
  Nominee,
  NominationStatus,
  VoteChoice,
  VoteTally,
} from './nomination.types';
import type { NominationDrafted } from './nomination.events';
import type { StageLimitsConfig } from '../sla/stage-limits';

export interface CouncilState {
  open: boolean;
  members: CouncilMember[];
  policy: CouncilPolicy;
  deadline: string;
  votes: Record<string, VoteChoice>;
  recused: string[];
  tally?: VoteTally;
  /** The council session that decided the nomination (no per-nomination votes then). */
  sessionId?: string;
}

export type NominationState =
  | { status: 'NONE' }
  | {
      status: NominationStatus;
      nominationId: string;
      onHold: boolean;
      unitId: string;
      clusterId: string;
      campaign: Campaign;
      award: NominationDrafted['data']['award'];
      nominee: Nominee;
      achievements: string;
      documents: string[];
      oneOff: boolean;
      /** Everyone who drafted or edited it: separation of duties. */
      drafters: string[];
      /** Everyone who submitted or resubmitted it (the unit proposal). */
      proposers: string[];
      /** Review round: 1 on first submission, +1 on each resubmission. */
      round: number;
      /** When the current stage started (for the SLA clock). */
      stageSince: string;
      council?: CouncilState;
      /** SLA notices already issued in the current visit of the stage (reset on every stage change). */
      sla?: { reminded: boolean; escalated: boolean };
      decisionNumber?: string;
      signedAt?: string;
      /**
       * Why the nominee is (still) eligible, from the award history: explained at drafting, checked
       * again when the council's voting opens (issue 12). Absent on states folded before.
       */
      eligibility?: { reasons: string[]; at: string; stage: 'DRAFT' | 'COUNCIL_VOTING' };
      /** The stage limits its workflow runs with, as recorded at drafting (absent on earlier drafts). */
      stageLimits?: StageLimitsConfig;
    };

export type ExistingNomination = Exclude<NominationState, { status: 'NONE' }>;

/**
 * Where the process ends: no more stages, holds, reminders or withdrawal (an award may still be
 * revoked). One list for the guard, the workflow's end and the API's "ask the live workflow" check.
 */
export const TERMINAL_STATUSES: readonly NominationStatus[] = ['AWARDED', 'REJECTED', 'WITHDRAWN', 'REVOKED'];

export const isTerminal = (status: NominationStatus | 'NONE'): boolean =>
  status !== 'NONE' && TERMINAL_STATUSES.includes(status);
