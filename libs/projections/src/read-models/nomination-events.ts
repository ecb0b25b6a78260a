import type { NominationEvent, NominationState } from '@tdkt/domain';
import { evolve, initialState } from '@tdkt/domain';
import type { RecordedEvent } from '@tdkt/event-store';
import { chunks, placeholders, SqlExecutor } from '../db/read-model-db';

export const NOMINATION_STREAM_PREFIX = 'nomination-';
/** A nomination's dossier (its documents), beside its own stream. */
export const DOSSIER_STREAM_PREFIX = 'dossier-';

/** The domain event inside an envelope. */
export const asNominationEvent = (e: RecordedEvent): NominationEvent =>
  ({ type: e.type, data: e.data }) as NominationEvent;

/**
 * The payload read field by field, for what every nomination event carries (`nominationId`, `by`,
 * `at`, `reason`): tolerant of a malformed or future payload, unlike `asNominationEvent`.
 */
export const payloadOf = (e: RecordedEvent): Record<string, unknown> => (e.data ?? {}) as Record<string, unknown>;

export function nominationIdOf(e: RecordedEvent): string {
  const id = payloadOf(e).nominationId;
  if (typeof id === 'string' && id) return id;
  return e.stream.slice(
    (e.stream.startsWith(DOSSIER_STREAM_PREFIX) ? DOSSIER_STREAM_PREFIX : NOMINATION_STREAM_PREFIX).length,
  );
}

/** Groups a batch by nomination, keeping each nomination's events in order. */
export function byNomination(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const out = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    const id = nominationIdOf(e);
    const list = out.get(id);
    if (list) list.push(e);
    else out.set(id, [e]);
  }
  return out;
}

/** Loads rows keyed by id with `SELECT <columns> FROM table WHERE keyColumn IN (...)`, in chunks. */
export async function loadByIds<T extends Record<string, unknown>>(
  tx: SqlExecutor,
  table: string,
  keyColumn: string,
  columns: string,
  ids: readonly string[],
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for (const chunk of chunks(ids)) {
    const rows = await tx.all<T>(
      `SELECT ${columns} FROM ${table} WHERE ${keyColumn} IN (${placeholders(chunk.length)})`,
      chunk,
    );
    for (const r of rows) out.set(String(r[keyColumn]), r);
  }
  return out;
}

/** The nomination's state after `events`, starting from a stored state (JSON) or the initial state. */
export function foldState(stored: string | null | undefined, events: readonly RecordedEvent[]): NominationState {
  let state: NominationState = stored ? (JSON.parse(stored) as NominationState) : initialState();
  for (const e of events) state = evolve(state, asNominationEvent(e));
  return state;
}
