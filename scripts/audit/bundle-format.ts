/**
 * The audit export (one JSON Lines file), in this order:
 *   {"kind":"header", format, exportedAt, treeSize, fromIndex, registryPosition}
 *   {"kind":"publicKey", algorithm, keyId, publicKeyPem}
 *   {"kind":"checkpoint", treeSize, rootHash, issuedAt, keyId, signature}   one per checkpoint ≤ treeSize
 *   {"kind":"prefix", size, hashes}          only with --from: the subtree roots covering the leaves left out
 *   {"kind":"event", index, leafHash, salt?, recordedAt, event} every leaf from fromIndex to treeSize − 1, in
 *                                            log order; `event` last, written as the v2 envelope itself
 *                                            (keys sorted, data and metadata the stored JSON text), so a
 *                                            verifier can hash its bytes without re-serialising it
 *   {"kind":"registry", award}               the award registry as the system showed it at registryPosition
 */
import type { LeafEnvelope, SignedCheckpoint } from '@tdkt/event-store';
import type { AwardView } from '@tdkt/projections';

export const BUNDLE_FORMAT = 'tdkt-audit-export/v2';
/** Formats the verifier still reads: v1 had `recordedAt` inside `event`, in no set order. */
export const READABLE_FORMATS = ['tdkt-audit-export/v1', BUNDLE_FORMAT];

export interface HeaderLine {
  kind: 'header';
  format: string;
  exportedAt: string;
  treeSize: number;
  fromIndex: number;
  /** The registry rows are the registry as the log's events up to this global position made it. */
  registryPosition: number;
}
export interface PublicKeyLine {
  kind: 'publicKey';
  algorithm: 'Ed25519';
  keyId: string;
  publicKeyPem: string;
}
export interface CheckpointLine extends SignedCheckpoint {
  kind: 'checkpoint';
}
export interface PrefixLine {
  kind: 'prefix';
  size: number;
  hashes: string[];
}
export interface EventLine {
  kind: 'event';
  index: number;
  /** The leaf hash the log holds for this index (hex). */
  leafHash: string;
  /**
   * The leaf's secret salt (hex): the leaf is v2, SHA-256(0x00 || salt || stored envelope). Absent: a
   * v1 leaf from before salting, SHA-256(0x00 || canonical JSON envelope). The export is for auditors:
   * these salts are what lets them recompute leaves; no public answer carries them.
   */
  salt?: string;
  /** When the store recorded the event (v1: inside `event`). */
  recordedAt?: string;
  /** The leaf's envelope: data, id, metadata, position, revision, stream, type (v1: a RecordedEvent). */
  event: LeafEnvelope & { recordedAt?: string };
}
export interface RegistryLine {
  kind: 'registry';
  award: AwardView;
}
export type BundleLine = HeaderLine | PublicKeyLine | CheckpointLine | PrefixLine | EventLine | RegistryLine;
