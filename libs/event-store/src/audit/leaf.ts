import { randomFillSync } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';
import { canonicalJson } from './merkle/canonical-json';
import { Hash, leafHash, sha256 } from './merkle/hashing';

/** The part of a stored event that its leaf commits to (not `recordedAt`: the store's clock, not the fact). */
export type LeafEnvelope = Pick<
  RecordedEvent,
  'id' | 'stream' | 'revision' | 'type' | 'data' | 'metadata' | 'position'
>;

/** An event as stored: its data and metadata as the JSON text the store wrote (JSON.stringify of the values). */
export interface StoredEnvelope {
  id: string;
  stream: string;
  revision: number;
  position: number;
  type: string;
  data: string;
  metadata: string;
}

/** Bytes of a leaf's secret salt (v2 leaves). */
export const LEAF_SALT_BYTES = 16;

/**
 * v1 leaves (logs written before salting; kept as they are so old checkpoints still verify): the
 * UTF-8 of the RFC 8785 canonical JSON `{"data","id","metadata","position","revision","stream","type"}`.
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

/** v1 leaf hash: SHA-256(0x00 || canonical envelope). */
export function eventLeafHash(event: LeafEnvelope): Hash {
  return leafHash(canonicalEnvelope(event));
}

/**
 * v2 envelope: the UTF-8 of `{"data":D,"id":I,"metadata":M,"position":P,"revision":R,"stream":S,"type":T}`
 * where D and M are the event's data and metadata exactly as stored (the text JSON.stringify wrote
 * when it was appended), I, S, T JSON strings and P, R decimal integers. One JSON text with its top
 * keys sorted; hashing the stored text spares the append a re-canonicalisation of every value.
 */
export function storedEnvelope(e: StoredEnvelope): string {
  return `{"data":${e.data},"id":${JSON.stringify(e.id)},"metadata":${e.metadata},"position":${e.position},"revision":${e.revision},"stream":${JSON.stringify(e.stream)},"type":${JSON.stringify(e.type)}}`;
}

/**
 * v2 leaf hash: SHA-256(0x00 || salt || v2 envelope), salt = 16 secret random bytes kept beside the
 * leaf and given only to auditors (the export): without it a leaf hash tests no guess of the event.
 */
export function saltedLeafHash(e: StoredEnvelope, salt: Uint8Array): Hash {
  const text = storedEnvelope(e);
  // 0x00 || salt || envelope in one buffer, hashed in one call.
  const bytes = Buffer.allocUnsafe(1 + salt.length + Buffer.byteLength(text, 'utf8'));
  bytes[0] = 0x00;
  bytes.set(salt, 1);
  bytes.write(text, 1 + salt.length, 'utf8');
  return sha256(bytes);
}

/**
 * The leaf hash of an event as read back (data and metadata parsed): v2 when it has a salt, else v1.
 * JSON.stringify of a value parsed from JSON.stringify's own output gives that output again, so the
 * parsed event re-serialises to the stored text.
 */
export function leafHashOf(event: LeafEnvelope, salt?: Uint8Array | null): Hash {
  if (!salt) return eventLeafHash(event);
  return saltedLeafHash(toStoredEnvelope(event), salt);
}

export function toStoredEnvelope(event: LeafEnvelope): StoredEnvelope {
  return {
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    type: event.type,
    data: JSON.stringify(event.data) ?? 'null',
    metadata: JSON.stringify(event.metadata) ?? 'null',
  };
}

/** Fresh salts, drawn from a pooled CSPRNG buffer (one getrandom per 256 leaves, not one per leaf). */
const pool = Buffer.alloc(LEAF_SALT_BYTES * 256);
let used = pool.length;
export function newLeafSalt(): Buffer {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const salt = Buffer.from(pool.subarray(used, used + LEAF_SALT_BYTES));
  used += LEAF_SALT_BYTES;
  return salt;
}
