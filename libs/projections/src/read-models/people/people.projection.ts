import { personDecider, PERSON_STREAM_PREFIX, type PersonEvent, type PersonState } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { insertMany, SqlExecutor, SqlParam, toBit, upsertClause } from '../../db/read-model-db';
import { normaliseForSearch } from '../../normalise';
import type { Projection } from '../../projection';
import { loadByIds, NOMINATION_STREAM_PREFIX } from '../nomination-events';
import { PEOPLE_COLUMNS as COLUMNS, PEOPLE_DDL, PEOPLE_TABLE } from './people.schema';

const UPSERT = upsertClause(['person_id'], COLUMNS);

/**
 * The person register as a list: each person folded with the domain's own evolve (so the unit
 * shown is the one the decider knows), with the columns lists filter on (unit, normalised name,
 * the citizen ID's keyed hash). The citizen ID itself is only in the state, sealed.
 */
export class PeopleProjection implements Projection {
  readonly name = 'people';
  readonly version = 1;
  /**
   * Nomination streams too, though it writes nothing for them (as the council sessions do): a
   * checkpoint moves only with a batch holding the projection's streams, and people are registered
   * rarely — without them every restart would re-read the log from the last registration.
   */
  readonly streamPrefixes = [PERSON_STREAM_PREFIX, NOMINATION_STREAM_PREFIX];
  readonly tables = [PEOPLE_TABLE];
  readonly ddl = PEOPLE_DDL;

  async applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void> {
    const groups = new Map<string, RecordedEvent[]>();
    for (const e of events) {
      if (!e.stream.startsWith(PERSON_STREAM_PREFIX)) continue;
      const id = e.stream.slice(PERSON_STREAM_PREFIX.length);
      groups.set(id, [...(groups.get(id) ?? []), e]);
    }
    if (groups.size === 0) return;
    const stored = await loadByIds<{ person_id: string; state: string }>(
      tx,
      PEOPLE_TABLE,
      'person_id',
      'person_id, state',
      [...groups.keys()],
    );
    const rows: SqlParam[][] = [];
    for (const [id, list] of groups) {
      const before = stored.get(id);
      let state: PersonState = before ? JSON.parse(before.state) : personDecider.initialState();
      for (const e of list) state = personDecider.evolve(state, { type: e.type, data: e.data } as PersonEvent);
      if (state.status !== 'REGISTERED') continue;
      rows.push([
        id,
        state.fullName,
        normaliseForSearch(state.fullName),
        state.unitId,
        state.dateOfBirth ?? null,
        state.gender ?? null,
        state.position ?? null,
        toBit(state.directWorker),
        state.citizenId?.hash ?? null,
        state.registeredAt,
        list[list.length - 1].position,
        JSON.stringify(state),
      ]);
    }
    await insertMany(tx, PEOPLE_TABLE, COLUMNS, rows, UPSERT);
  }
}
