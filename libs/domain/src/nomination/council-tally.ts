import type { CouncilState } from './nomination.state';
import type { CouncilOutcome, CouncilPolicy, VoteTally } from './nomination.types';

/** Counted choices of one item, however they were cast (open votes, a session's ballots, a secret ballot box). */
export interface ChoiceCounts {
  approve: number;
  reject: number;
  abstain: number;
}

/**
 * Quorum and threshold are shares of ALL council members (DOMAIN.md): a recused or absent member
 * counts in the denominator. Compared in whole counts so 0.7 × 10 members needs exactly 7.
 */
export function tallyCounts(
  members: number,
  counts: ChoiceCounts,
  recused: number,
  policy: Pick<CouncilPolicy, 'quorum' | 'threshold'>,
): { tally: VoteTally; outcome: CouncilOutcome } {
  const { approve, reject, abstain } = counts;
  const tookPart = approve + reject + abstain;
  const tally: VoteTally = {
    members,
    approve,
    reject,
    abstain,
    recused,
    participation: members ? tookPart / members : 0,
    approval: members ? approve / members : 0,
  };
  const needed = (share: number) => Math.ceil(share * members - 1e-9);
  const outcome: CouncilOutcome =
    tookPart < needed(policy.quorum)
      ? 'QUORUM_NOT_MET'
      : approve < needed(policy.threshold)
        ? 'THRESHOLD_NOT_MET'
        : 'APPROVED';
  return { tally, outcome };
}

/** The per-nomination (written consultation) tally: the votes recorded on the nomination. */
export function tallyVotes(council: Pick<CouncilState, 'members' | 'votes' | 'recused' | 'policy'>): {
  tally: VoteTally;
  outcome: CouncilOutcome;
} {
  const choices = Object.values(council.votes);
  const count = (c: string) => choices.filter((x) => x === c).length;
  return tallyCounts(
    council.members.length,
    { approve: count('approve'), reject: count('reject'), abstain: count('abstain') },
    council.recused.length,
    council.policy,
  );
}
