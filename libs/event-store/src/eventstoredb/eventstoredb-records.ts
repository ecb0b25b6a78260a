import {
  START,
  type Position,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../event-store.port';

// Mapping between EventStoreDB's records and positions and the port's, shared by the store and its subscriptions.

/** Our positions are commit positions; outside explicit transactions, prepare equals commit. */
export function toEsdbPosition(position: number): ReadPosition {
  return position <= 0 ? START : { commit: BigInt(position), prepare: BigInt(position) };
}

export function samePosition(a: Position, b: Position): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}

/** Stream metadata, links, statistics: ESDB's own records, never ours. */
export function isSystemEvent(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

const NO_POSITION = 2n ** 64n - 1n;

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  // Servers before 22.10 answer stream reads with no position, or with 2^64-1 in its place.
  if (!event.position || event.position.commit === NO_POSITION) {
    throw new Error(
      `EventStoreDB returned no $all position for ${event.streamId}@${event.revision}: the server is older than 22.10`,
    );
  }
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: Number(event.position.commit),
    type: event.type,
    data: fromPayload(event.data),
    metadata: fromPayload(event.metadata) as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
}

/** JSON events arrive parsed; anything binary is decoded as JSON when it is JSON. */
function fromPayload(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  try {
    return JSON.parse(Buffer.from(value).toString('utf8'));
  } catch {
    return value;
  }
}
