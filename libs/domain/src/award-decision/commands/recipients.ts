import type { ActingAs } from '../../shared/actor';
import { invalid } from '../../shared/errors';
import type { RecordDecisionApplied, RemoveRecipient } from '../award-decision.commands';
import type { DecisionApplied, DecisionRecipientRemoved } from '../award-decision.events';
import type { ExistingDecision } from '../award-decision.state';

/** Taken off before signing, with a reason: the nomination waits for a decision again. */
export function removeRecipient(c: RemoveRecipient, s: ExistingDecision, by: ActingAs): DecisionRecipientRemoved[] {
  if (!s.recipients.some((r) => r.nominationId === c.nominationId))
    throw invalid('NOT_A_RECIPIENT', `Hồ sơ ${c.nominationId} không có trong quyết định`, 'nominationId');
  const reason = typeof c.reason === 'string' ? c.reason.trim() : '';
  if (!reason) throw invalid('REQUIRED', 'Đưa hồ sơ ra khỏi quyết định phải nêu lý do', 'reason');
  return [
    {
      type: 'DecisionRecipientRemoved',
      data: { decisionId: s.decisionId, by, at: c.now, nominationId: c.nominationId, reason },
    },
  ];
}

/** Once: a second report of the same application writes nothing. */
export function recordApplied(c: RecordDecisionApplied, s: ExistingDecision, by: ActingAs): DecisionApplied[] {
  if (s.status === 'APPLIED') return [];
  const notApplied = (c.notApplied ?? []).filter((n) => s.recipients.some((r) => r.nominationId === n.nominationId));
  const skipped = new Set(notApplied.map((n) => n.nominationId));
  return [
    {
      type: 'DecisionApplied',
      data: {
        decisionId: s.decisionId,
        by,
        at: c.now,
        nominationIds: s.recipients.map((r) => r.nominationId).filter((id) => !skipped.has(id)),
        ...(notApplied.length ? { notApplied } : {}),
      },
    },
  ];
}
