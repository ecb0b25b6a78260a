import { councilSessionDecider, type CouncilSessionEvent, type CouncilSessionState } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, upsertClause } from '../../db/read-model-db';
import type { Projection } from '../../projection';
import { loadByIds, NOMINATION_STREAM_PREFIX } from '../nomination-events';
import {
  COUNCIL_SESSION_COLUMNS as COLUMNS,
  COUNCIL_SESSIONS_DDL,
  COUNCIL_SESSIONS_TABLE,
} from './council-sessions.schema';

/** Session streams only; a secret item's ballot box (`secret-ballots-…`) is never read here. */
export const COUNCIL_SESSION_STREAM_PREFIX = 'council-session-';
const UPSERT = upsertClause(['session_id'], COLUMNS);

/**
 * The sessions board: each session folded with the domain's own evolve, so what the list shows is
 * what the decider knows (agenda, attendance, after close each item's tally). Holds no secret
 * choice: the session stream has none.
 */
export class CouncilSessionsProjection implements Projection {
  readonly name = 'council-sessions';
  readonly version = 1;
  /**
   * Nomination streams too, though it writes nothing for them: the runner persists a checkpoint only
   * for a batch that holds events of the projection's streams, and sessions are rare — without them
   * every restart would re-read the log from the last session event.
   */
  readonly streamPrefixes = [COUNCIL_SESSION_STREAM_PREFIX, NOMINATION_STREAM_PREFIX];
  readonly tables = [COUNCIL_SESSIONS_TABLE];
  readonly ddl = COUNCIL_SESSIONS_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    const groups = new Map<string, RecordedEvent[]>();
    for (const e of events) {
      if (!e.stream.startsWith(COUNCIL_SESSION_STREAM_PREFIX)) continue;
      const id = e.stream.slice(COUNCIL_SESSION_STREAM_PREFIX.length);
      groups.set(id, [...(groups.get(id) ?? []), e]);
    }
    const stored = await loadByIds<{
      session_id: string;
      state: string;
      opened_at: string | null;
      closed_at: string | null;
    }>(tx, COUNCIL_SESSIONS_TABLE, 'session_id', 'session_id, state, opened_at, closed_at', [...groups.keys()]);
    const rows: SqlParam[][] = [];
    for (const [id, list] of groups) {
      const before = stored.get(id);
      let state: CouncilSessionState = before ? JSON.parse(before.state) : councilSessionDecider.initialState();
      let openedAt = before?.opened_at ?? null;
      let closedAt = before?.closed_at ?? null;
      for (const e of list) {
        const event = { type: e.type, data: e.data } as CouncilSessionEvent;
        state = councilSessionDecider.evolve(state, event);
        const at = (e.data as { at?: string }).at ?? null;
        if (e.type === 'CouncilSessionOpened') openedAt = at;
        if (e.type === 'CouncilSessionClosed') closedAt = at;
      }
      if (state.status === 'NONE') continue;
      rows.push([
        id,
        state.title,
        state.scheduledAt,
        state.status,
        state.agenda.length,
        openedAt,
        closedAt,
        list[list.length - 1].position,
        JSON.stringify(state),
      ]);
    }
    await insertMany(tx, COUNCIL_SESSIONS_TABLE, COLUMNS, rows, UPSERT);
  }
}
