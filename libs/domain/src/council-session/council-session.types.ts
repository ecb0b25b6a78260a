import type { CouncilPolicy } from '../catalog/award-catalog';
import type { RecipientKind } from '../catalog/award-catalog';
import type { CouncilOutcome, SecretBallotCounts, VoteChoice, VoteTally } from '../nomination/nomination.types';

export type SessionStatus = 'SCHEDULED' | 'OPEN' | 'CLOSED';

/**
 * One agenda item: a nomination waiting for the council, as the session needs to know it — the
 * award's council policy (quorum, threshold, secret ballot), and who may not vote on it (the
 * nominee's unit, the nominee, its drafters and proposers). Loaded by the caller when it is added.
 */
export interface SessionItem {
  nominationId: string;
  awardCode: string;
  awardName: string;
  policy: CouncilPolicy;
  unitId: string;
  nominee: { name: string; kind: RecipientKind; nomineeId: string; userId?: string };
  /** Drafters and proposers: separation of duties. */
  involved: string[];
}

/** The attendance a session needs to open (the council's regulation), with where the value comes from. */
export interface AttendancePolicy {
  /** Share of ALL council members who must be present, 0..1. */
  quorum: number;
  source: string;
}

export interface BallotChoice {
  nominationId: string;
  choice: VoteChoice;
}

/** The public key of a secret item, made when the session opens (RFC 9474, SPKI base64url). */
export interface SecretItemKey {
  nominationId: string;
  suite: string;
  publicKey: string;
}

/** A secret item's ballot box as counted at close: choices only, no identity. */
export interface SecretBallotBox {
  nominationId: string;
  approve: number;
  reject: number;
  abstain: number;
  /** SHA-256 (hex) of the published ballots, sorted (see ballotsHash). */
  ballotsHash: string;
}

export interface ItemResult {
  nominationId: string;
  tally: VoteTally;
  rule: CouncilPolicy;
  outcome: CouncilOutcome;
  secret?: SecretBallotCounts;
}

export type SessionCloseTrigger = 'SECRETARY' | 'ALL_VOTED';
