import { createCipheriv, randomFillSync } from 'node:crypto';
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
 * The envelope is written piece by piece into one reused buffer (no envelope string, no per-event
 * input buffer: the append's only allocation here is the digest) and hashed in one call.
 */
export function saltedLeafHash(e: StoredEnvelope, salt: Uint8Array): Hash {
  const b = scratch(saltedLeafInputBound(e, salt));
  return sha256(b.subarray(0, writeSaltedLeafInput(e, salt, b, 0)));
}

/** An upper bound of the bytes `writeSaltedLeafInput` writes for this event. */
export function saltedLeafInputBound(e: StoredEnvelope, salt: Uint8Array): number {
  // UTF-8 takes at most 3 bytes per UTF-16 unit; JSON.stringify writes at most 6 ASCII bytes for one
  // (\uXXXX) and two quotes; 128 covers the keys, brackets and two integers.
  return (
    1 +
    salt.length +
    3 * (e.data.length + e.metadata.length) +
    6 * (e.id.length + e.stream.length + e.type.length) +
    134
  );
}

/**
 * Writes a v2 leaf's hash input, 0x00 || salt || v2 envelope, into `b` at `at` (room for
 * `saltedLeafInputBound` bytes); returns how many bytes it wrote.
 */
export function writeSaltedLeafInput(e: StoredEnvelope, salt: Uint8Array, b: Buffer, at: number): number {
  const start = at;
  b[at++] = 0x00;
  b.set(salt, at);
  at += salt.length;
  at += b.write('{"data":', at, 'latin1');
  at += b.write(e.data, at);
  at += b.write(`,"id":${JSON.stringify(e.id)},"metadata":`, at);
  at += b.write(e.metadata, at);
  at += b.write(
    `,"position":${e.position},"revision":${e.revision},"stream":${JSON.stringify(e.stream)},"type":${JSON.stringify(e.type)}}`,
    at,
  );
  return at - start;
}

let scratchBytes = Buffer.allocUnsafe(64 * 1024);
/** The reused input buffer of saltedLeafHash, grown when an event needs more. */
function scratch(bytes: number): Buffer {
  if (bytes > scratchBytes.length) scratchBytes = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(bytes)));
  return scratchBytes;
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

/**
 * Fresh salts: views of a pooled CSPRNG buffer (one getrandom per 256 leaves, not one per leaf, and
 * no copy per leaf). Each refill is a new buffer, so a salt handed out never changes.
 */
let pool = Buffer.alloc(0);
let used = 0;
export function newLeafSalt(): Buffer {
  if (used === pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(LEAF_SALT_BYTES * 256));
    used = 0;
  }
  used += LEAF_SALT_BYTES;
  return pool.subarray(used - LEAF_SALT_BYTES, used);
}

/** Bytes of the secret key that derives a log's salts (AES-256). */
export const LEAF_SALT_KEY_BYTES = 32;

/**
 * Salts derived from one secret key (leaves logged after the commit, `SqliteAuditLog`): the salt of
 * the event at position p is AES-256 of p (a 128-bit big-endian block) under the key — block p of
 * AES-256-CTR's keystream. As secret as a random salt to whoever lacks the key, with no column to
 * write: the log stores the key once, and the export gives auditors each salt, as before.
 */
export class LeafSalts {
  constructor(private readonly key: Buffer) {
    if (key.length !== LEAF_SALT_KEY_BYTES) throw new RangeError(`A leaf salt key has ${LEAF_SALT_KEY_BYTES} bytes`);
  }

  /** The salts of positions first, first + 1, …, first + count − 1: 16 bytes each, in order, in one buffer. */
  of(first: number, count: number): Buffer {
    return createCipheriv('aes-256-ctr', this.key, counterBlock(first)).update(Buffer.alloc(LEAF_SALT_BYTES * count));
  }
}

/** A position as the 128-bit big-endian counter block AES-CTR starts from (it increments all 128 bits). */
export function counterBlock(position: number): Buffer {
  if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`No salt for position ${position}`);
  const block = Buffer.alloc(16);
  block.writeBigUInt64BE(BigInt(position), 8);
  return block;
}
