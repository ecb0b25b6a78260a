import { awaiting } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { chunks, insertMany, placeholders, SqlExecutor, SqlParam, upsertClause } from '../../db/read-model-db';
import type { Projection } from '../../projection';
import { byNomination, foldState, loadByIds, NOMINATION_STREAM_PREFIX } from '../nomination-events';
import {
  INBOX_COLUMNS,
  INBOX_DDL,
  INBOX_STATE_COLUMNS as STATE_COLUMNS,
  INBOX_STATE_TABLE,
  INBOX_TABLE,
} from './inbox.schema';

const STATE_UPSERT = upsertClause(['nomination_id'], STATE_COLUMNS);

/**
 * Who each nomination waits for: rows (nomination_id, awaitee) from the domain's `awaiting(state)`,
 * replaced on every event of that nomination. Awaitee keys are the domain's
 * (`awaiteeKey`: `UNIT_HEAD:donvi1`, `COUNCIL_MEMBER:hoidong2`, `CHAIRMAN`, ...).
 * It keeps its own folded state (`inbox_state`) so it never depends on another projection's progress.
 */
export class InboxProjection implements Projection {
  readonly name = 'inbox';
  readonly version = 1;
  readonly streamPrefixes = [NOMINATION_STREAM_PREFIX];
  readonly tables = [INBOX_TABLE, INBOX_STATE_TABLE];
  readonly ddl = INBOX_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    const groups = byNomination(events);
    const ids = [...groups.keys()];
    const stored = await loadByIds<{ nomination_id: string; state: string }>(
      tx,
      INBOX_STATE_TABLE,
      'nomination_id',
      'nomination_id, state',
      ids,
    );
    const states: SqlParam[][] = [];
    const rows: SqlParam[][] = [];
    for (const [id, list] of groups) {
      const state = foldState(stored.get(id)?.state, list);
      if (state.status === 'NONE') continue;
      states.push([id, JSON.stringify(state)]);
      const position = list[list.length - 1].position;
      for (const awaitee of new Set(awaiting(state)))
        rows.push([id, awaitee, state.status, state.stageSince, position]);
    }
    for (const chunk of chunks(ids))
      await tx.run(`DELETE FROM ${INBOX_TABLE} WHERE nomination_id IN (${placeholders(chunk.length)})`, chunk);
    await insertMany(tx, INBOX_TABLE, INBOX_COLUMNS, rows);
    await insertMany(tx, INBOX_STATE_TABLE, STATE_COLUMNS, states, STATE_UPSERT);
  }
}
