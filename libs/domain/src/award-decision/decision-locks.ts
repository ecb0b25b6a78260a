/**
 * Two one-line lock streams beside the decisions (like the council agenda lock):
 * - a nomination is listed on at most one decision that is not signed or declined
 *   (`decision-recipient-<nominationId>`: reserved at drafting, released when removed or declined);
 * - under `external` numbering, a number is used once per authority and signing year
 *   (`decision-number-claim-<authority>-<year>-<sequence>`). Both idempotent for their holder.
 */
import type { Decider } from '../shared/decider';
import { domainError } from '../shared/errors';

export type RecipientLockEvent =
  | { type: 'DecisionRecipientReserved'; data: { nominationId: string; decisionId: string } }
  | { type: 'DecisionRecipientReleased'; data: { nominationId: string; decisionId: string } };
export type RecipientLockCommand = { type: 'Reserve' | 'Release'; nominationId: string; decisionId: string };

export const recipientLockStreamName = (nominationId: string) => `decision-recipient-${nominationId}`;
/** An award is revoked by one revocation decision: the same lock, its own stream (held for good once issued). */
export const revocationLockStreamName = (nominationId: string) => `decision-revocation-${nominationId}`;

export const recipientLockDecider: Decider<RecipientLockCommand, RecipientLockEvent, { holder?: string }> = {
  initialState: () => ({}),
  evolve: (_s, e) => (e.type === 'DecisionRecipientReserved' ? { holder: e.data.decisionId } : {}),
  decide(c, s) {
    const data = { nominationId: c.nominationId, decisionId: c.decisionId };
    if (c.type === 'Release') return s.holder === c.decisionId ? [{ type: 'DecisionRecipientReleased', data }] : [];
    if (s.holder === c.decisionId) return [];
    if (s.holder)
      throw domainError(
        'ON_ANOTHER_DECISION',
        `Hồ sơ ${c.nominationId} đang có trong quyết định ${s.holder} chưa ký hoặc đang được hủy bỏ`,
      );
    return [{ type: 'DecisionRecipientReserved', data }];
  },
};

export type NumberClaimEvent = {
  type: 'DecisionNumberClaimed';
  data: { authority: string; year: number; decisionNumber: string; decisionId: string };
};
export type NumberClaimCommand = {
  type: 'Claim';
  authority: string;
  year: number;
  decisionNumber: string;
  decisionId: string;
};

export const numberClaimStreamName = (authority: string, year: number, sequence: number) =>
  `decision-number-claim-${authority}-${year}-${sequence}`;

export const numberClaimDecider: Decider<NumberClaimCommand, NumberClaimEvent, { holder?: string }> = {
  initialState: () => ({}),
  evolve: (_s, e) => ({ holder: e.data.decisionId }),
  decide(c, s) {
    if (s.holder === c.decisionId) return [];
    if (s.holder)
      throw domainError(
        'DECISION_NUMBER_TAKEN',
        `Số ${c.decisionNumber} năm ${c.year} đã được dùng cho quyết định khác của ${c.authority}`,
      );
    const { authority, year, decisionNumber, decisionId } = c;
    return [{ type: 'DecisionNumberClaimed', data: { authority, year, decisionNumber, decisionId } }];
  },
};
