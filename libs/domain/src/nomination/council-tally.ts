import type { CouncilState } from './nomination.state';
import type { CouncilOutcome, VoteTally } from './nomination.types';

/**
 * Quorum and threshold are shares of ALL council members (DOMAIN.md): a recused or absent member
 * counts in the denominator. Compared in whole counts so 0.7 × 10 members needs exactly 7.
 */
export function tallyVotes(council: Pick<CouncilState, 'members' | 'votes' | 'recused' | 'policy'>): {
  tally: VoteTally;
  outcome: CouncilOutcome;
} {
  const members = council.members.length;
  const choices = Object.values(council.votes);
  const approve = choices.filter((c) => c === 'approve').length;
  const reject = choices.filter((c) => c === 'reject').length;
  const abstain = choices.filter((c) => c === 'abstain').length;
  const tookPart = approve + reject + abstain;
  const tally: VoteTally = {
    members,
    approve,
    reject,
    abstain,
    recused: council.recused.length,
    participation: members ? tookPart / members : 0,
    approval: members ? approve / members : 0,
  };
  const needed = (share: number) => Math.ceil(share * members - 1e-9);
  const outcome: CouncilOutcome =
    tookPart < needed(council.policy.quorum)
      ? 'QUORUM_NOT_MET'
      : approve < needed(council.policy.threshold)
        ? 'THRESHOLD_NOT_MET'
        : 'APPROVED';
  return { tally, outcome };
}
