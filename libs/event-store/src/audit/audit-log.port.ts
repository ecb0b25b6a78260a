import type { RecordedEvent } from '../event-store.port';
import type { Hash } from './merkle/hashing';
import type { StoredEnvelope } from './leaf';

/** A signed statement of the log's state: its first `treeSize` leaves hash to `rootHash` (RFC 9162 tree head). */
export interface SignedCheckpoint {
  treeSize: number;
  /** Hex. */
  rootHash: string;
  issuedAt: string;
  /** First 16 hex digits of SHA-256 over the public key (SPKI DER): which key signed. */
  keyId: string;
  /** Ed25519 signature (base64) over `checkpointBody(...)`. */
  signature: string;
}

/** Where an event sits in the log, with the event as stored. */
export interface LoggedEvent {
  /** 0-based leaf index (SQLite: position − 1). */
  index: number;
  event: RecordedEvent;
  /** The leaf's secret salt (v2 leaves); absent for a v1 leaf. Never in a public answer: auditors get it in the export. */
  salt?: Buffer;
}

/** A logged event as stored: its data and metadata as the JSON text a v2 leaf hashes (no parse, no re-serialisation). */
export interface StoredLeaf {
  index: number;
  envelope: StoredEnvelope;
  recordedAt: string;
  salt?: Buffer;
}

/**
 * The tamper-evident log over every stored event, in global order: an RFC 9162 Merkle tree whose
 * leaves are the events' salted envelopes (leaf.ts), and the signed checkpoints issued over it.
 */
export interface AuditLog {
  /** Leaves in the log now. */
  size(): Promise<number>;
  /**
   * How many leading leaves are v1 (unsalted: written before salting, kept so that old checkpoints
   * still verify); every leaf from that index on is salted (v2). 0 for a log salted from the start.
   */
  unsaltedLeaves(): Promise<number>;
  /** Root of the first `treeSize` leaves. */
  root(treeSize: number): Promise<Hash>;
  leafHash(index: number): Promise<Hash>;
  /** Leaf hashes of [fromIndex, fromIndex + count) ∩ the log, in order. */
  leafHashes(fromIndex: number, count: number): Promise<Hash[]>;
  /** The event with this id and its leaf index, if it is in the log. */
  findEvent(eventId: string): Promise<LoggedEvent | undefined>;
  /** Events with leaf index in [fromIndex, fromIndex + count), in log order. */
  readLeaves(fromIndex: number, count: number): Promise<LoggedEvent[]>;
  /** The same events as stored (a store that keeps the text: SQLite); an export writes them byte for byte. */
  readStoredLeaves?(fromIndex: number, count: number): Promise<StoredLeaf[]>;
  inclusionProof(index: number, treeSize: number): Promise<Hash[]>;
  consistencyProof(fromSize: number, toSize: number): Promise<Hash[]>;
  /** The roots of the perfect subtrees covering the first `size` leaves, largest first (an export's prefix). */
  frontier(size: number): Promise<Hash[]>;
  /** Stores a checkpoint; one per tree size (a second one for the same size is ignored). */
  saveCheckpoint(checkpoint: SignedCheckpoint): Promise<void>;
  /** Checkpoints by tree size, ascending. */
  checkpoints(options?: { fromSize?: number; toSize?: number; limit?: number }): Promise<SignedCheckpoint[]>;
  latestCheckpoint(): Promise<SignedCheckpoint | undefined>;
}

/** A store that keeps its own audit log (SQLite: in the append's transaction). */
export interface AuditedEventStore {
  auditLog(): AuditLog;
}

export const hasAuditLog = (store: object): store is AuditedEventStore =>
  typeof (store as Partial<AuditedEventStore>).auditLog === 'function';
