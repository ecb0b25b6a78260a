import { createHash, hash } from 'node:crypto';

/** A SHA-256 digest (32 bytes). */
export type Hash = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** RFC 9162 §2.1.1: MTH({}) = SHA-256(). */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** RFC 9162 §2.1.1: MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(data: Uint8Array): Hash {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/** SHA-256 of bytes already prefixed (one-shot `crypto.hash`: no Hash object, a third of the cost). */
export function sha256(bytes: Uint8Array): Hash {
  return hash('sha256', bytes, 'buffer');
}

/** 0x01 || left || right, rewritten by every nodeHash (synchronous: no two calls share it). */
const nodeInput = Buffer.alloc(65, NODE_PREFIX[0]);

/** RFC 9162 §2.1.1: SHA-256(0x01 || left || right). One buffer for every call: a node allocates only its digest. */
export function nodeHash(left: Hash, right: Hash): Hash {
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return sha256(nodeInput);
}

/** The largest power of two strictly smaller than n (n > 1): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
