/**
 * The ballot box of one secret item: anonymous ballots (token hash, choice) and nothing else — no
 * member, no time, no request metadata. The caller verifies the token's blind signature with the
 * item's key before it gets here; this decider refuses a replayed token and anything after the seal.
 */
import { domainError, invalid } from '../shared/errors';
import type { Decider } from '../shared/decider';
import type { VoteChoice } from '../nomination/nomination.types';

export type SecretBallotCast = { type: 'SecretBallotCast'; data: { tokenHash: string; choice: VoteChoice } };
export type BallotBoxSealed = { type: 'BallotBoxSealed'; data: { cast: number } };
export type BallotBoxEvent = SecretBallotCast | BallotBoxSealed;

export type BallotBoxCommand =
  { type: 'CastSecretBallot'; tokenHash: string; choice: VoteChoice } | { type: 'SealBallotBox' };

export interface BallotBoxState {
  sealed: boolean;
  ballots: { tokenHash: string; choice: VoteChoice }[];
}

export const ballotBoxStreamName = (sessionId: string, nominationId: string) =>
  `secret-ballots-${sessionId}-${nominationId}`;

export const ballotBoxDecider: Decider<BallotBoxCommand, BallotBoxEvent, BallotBoxState> = {
  initialState: () => ({ sealed: false, ballots: [] }),
  evolve: (s, e) =>
    e.type === 'SecretBallotCast'
      ? { ...s, ballots: [...s.ballots, { tokenHash: e.data.tokenHash, choice: e.data.choice }] }
      : { ...s, sealed: true },
  decide(command, s) {
    if (command.type === 'SealBallotBox')
      return s.sealed ? [] : [{ type: 'BallotBoxSealed', data: { cast: s.ballots.length } }];
    if (s.sealed) throw domainError('BALLOT_BOX_SEALED');
    if (!['approve', 'reject', 'abstain'].includes(command.choice))
      throw invalid('CHOICE', 'choice phải là approve, reject hoặc abstain', 'choice');
    if (s.ballots.some((b) => b.tokenHash === command.tokenHash))
      throw domainError('TOKEN_ALREADY_USED', undefined, 'token');
    return [{ type: 'SecretBallotCast', data: { tokenHash: command.tokenHash, choice: command.choice } }];
  },
};

/** The published ballots in one canonical text (sorted by token hash), whose SHA-256 the minutes print. */
export function canonicalBallots(ballots: { tokenHash: string; choice: VoteChoice }[]): string {
  return [...ballots]
    .sort((a, b) => (a.tokenHash < b.tokenHash ? -1 : a.tokenHash > b.tokenHash ? 1 : 0))
    .map((b) => `${b.tokenHash} ${b.choice}\n`)
    .join('');
}

/** Counts of a box's choices. */
export function countBallots(ballots: { choice: VoteChoice }[]) {
  const count = (c: VoteChoice) => ballots.filter((b) => b.choice === c).length;
  return { approve: count('approve'), reject: count('reject'), abstain: count('abstain') };
}
