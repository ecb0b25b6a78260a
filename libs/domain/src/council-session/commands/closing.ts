import { domainError, forbidden, invalid, invalidState } from '../../shared/errors';
import { tallyCounts } from '../../nomination/council-tally';
import type { CloseSession } from '../council-session.commands';
import type { CouncilSessionClosed } from '../council-session.events';
import { conflicted, pendingBallots, secretVoters } from '../council-session.guard';
import type { ExistingSession } from '../council-session.state';
import type { ItemResult, SecretBallotBox, SessionItem } from '../council-session.types';
import type { SessionCommon } from './shared';

/** Members who did not take part in an item by rule or by choice: recorded recusals and conflicts. */
function recusedCount(s: ExistingSession, item: SessionItem): number {
  const recorded = new Set(s.recused[item.nominationId] ?? []);
  for (const m of s.members) if (conflicted(m, item)) recorded.add(m.userId);
  return recorded.size;
}

function openResult(s: ExistingSession, item: SessionItem): ItemResult {
  const choices = Object.values(s.votes[item.nominationId] ?? {});
  const count = (c: string) => choices.filter((x) => x === c).length;
  const { tally, outcome } = tallyCounts(
    s.members.length,
    { approve: count('approve'), reject: count('reject'), abstain: count('abstain') },
    recusedCount(s, item),
    item.policy,
  );
  return { nominationId: item.nominationId, tally, rule: item.policy, outcome };
}

function secretResult(s: ExistingSession, item: SessionItem, box: SecretBallotBox | undefined): ItemResult {
  if (!box) throw invalid('REQUIRED', `Thiếu hòm phiếu kín của hồ sơ ${item.nominationId}`, 'ballotBoxes');
  const issued = Object.keys(s.issued[item.nominationId] ?? {}).length;
  const cast = box.approve + box.reject + box.abstain;
  if (cast > issued)
    throw domainError(
      'BALLOTS_EXCEED_ISSUED',
      `Hồ sơ ${item.nominationId}: ${cast} phiếu kín nhưng chỉ ${issued} chữ ký mù đã cấp`,
    );
  const { tally, outcome } = tallyCounts(s.members.length, box, recusedCount(s, item), item.policy);
  return {
    nominationId: item.nominationId,
    tally,
    rule: item.policy,
    outcome,
    secret: { issued, cast, ballotsHash: box.ballotsHash },
  };
}

/** Whether every member who may vote has cast everything: every open ballot in, every secret box full. */
export function everyoneVoted(s: ExistingSession, boxes: SecretBallotBox[]): boolean {
  if (pendingBallots(s).length > 0) return false;
  return s.agenda
    .filter((i) => i.policy.secretBallot)
    .every((i) => {
      const b = boxes.find((x) => x.nominationId === i.nominationId);
      return b !== undefined && b.approve + b.reject + b.abstain >= secretVoters(s, i);
    });
}

/**
 * Tallies every item with its award's policy (quorum and threshold over ALL members). Closing a
 * closed session is a no-op; only the workflow (SYSTEM) closes because everyone voted.
 */
export function closeSession(command: CloseSession, s: ExistingSession, common: SessionCommon): CouncilSessionClosed[] {
  if (s.status === 'CLOSED') return [];
  if ((common.by.role === 'SYSTEM') !== (command.trigger === 'ALL_VOTED'))
    throw forbidden(
      'TRIGGER_NOT_ALLOWED',
      `Vai trò ${common.by.role} không bế mạc phiên họp theo căn cứ ${command.trigger}`,
    );
  if (command.trigger === 'ALL_VOTED' && !everyoneVoted(s, command.ballotBoxes))
    throw invalidState('VOTES_PENDING', 'Còn thành viên chưa biểu quyết');
  const results = s.agenda.map((item) =>
    item.policy.secretBallot
      ? secretResult(
          s,
          item,
          command.ballotBoxes.find((b) => b.nominationId === item.nominationId),
        )
      : openResult(s, item),
  );
  return [{ type: 'CouncilSessionClosed', data: { ...common, trigger: command.trigger, results } }];
}
