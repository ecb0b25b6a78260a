/**
 * "A nomination is on at most one open session": one tiny stream per nomination records which
 * session holds it. Reserving is idempotent for the holder and refused for any other session
 * until the holder releases it (item removed, or the session closed).
 */
import { domainError } from '../shared/errors';
import type { Decider } from '../shared/decider';

export type AgendaLockEvent =
  | { type: 'AgendaItemReserved'; data: { nominationId: string; sessionId: string } }
  | { type: 'AgendaItemReleased'; data: { nominationId: string; sessionId: string } };
export type AgendaLockCommand = { type: 'Reserve' | 'Release'; nominationId: string; sessionId: string };
export interface AgendaLockState {
  holder?: string;
}

export const agendaLockStreamName = (nominationId: string) => `council-agenda-${nominationId}`;

export const agendaLockDecider: Decider<AgendaLockCommand, AgendaLockEvent, AgendaLockState> = {
  initialState: () => ({}),
  evolve: (_s, e) => (e.type === 'AgendaItemReserved' ? { holder: e.data.sessionId } : {}),
  decide(c, s) {
    const data = { nominationId: c.nominationId, sessionId: c.sessionId };
    if (c.type === 'Release') return s.holder === c.sessionId ? [{ type: 'AgendaItemReleased', data }] : [];
    if (s.holder === c.sessionId) return [];
    if (s.holder)
      throw domainError(
        'ON_ANOTHER_SESSION',
        `Hồ sơ ${c.nominationId} đang có trong chương trình phiên họp ${s.holder}`,
      );
    return [{ type: 'AgendaItemReserved', data }];
  },
};
