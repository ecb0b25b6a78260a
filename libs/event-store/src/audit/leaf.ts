import type { RecordedEvent } from '../event-store.port';
import { canonicalJson } from './merkle/canonical-json';
import { Hash, leafHash } from './merkle/hashing';

/** The part of a stored event that its leaf commits to (not `recordedAt`: the store's clock, not the fact). */
export type LeafEnvelope = Pick<
  RecordedEvent,
  'id' | 'stream' | 'revision' | 'type' | 'data' | 'metadata' | 'position'
>;

/**
 * The canonical bytes of an event's envelope: the UTF-8 of its RFC 8785 canonical JSON
 * `{"data","id","metadata","position","revision","stream","type"}`. Anyone can recompute it from an
 * export with any JSON library and a key sort.
 */
export function canonicalEnvelope(event: LeafEnvelope): Buffer {
  return Buffer.from(
    canonicalJson({
      data: event.data ?? null,
      id: event.id,
      metadata: event.metadata,
      position: event.position,
      revision: event.revision,
      stream: event.stream,
      type: event.type,
    }),
    'utf8',
  );
}

/** The event's leaf hash in the audit log: SHA-256(0x00 || canonical envelope). */
export function eventLeafHash(event: LeafEnvelope): Hash {
  return leafHash(canonicalEnvelope(event));
}
