import { createHash } from 'node:crypto';

/** Fixed namespace so our ids never collide with v5 ids other systems derive from the same names. */
const NAMESPACE = Buffer.from('6f1c2b9e4d3a5f7081a2b3c4d5e6f708', 'hex');

/**
 * A stable UUID (RFC 4122 version 5 layout) for the same parts, so a retried command produces the
 * same event ids and the store deduplicates it. Parts are length-prefixed: ('ab','c') ≠ ('a','bc').
 */
export function deterministicEventId(...parts: string[]): string {
  if (parts.length === 0) throw new Error('deterministicEventId needs at least one part');
  const hash = createHash('sha1').update(NAMESPACE);
  for (const part of parts) hash.update(`${Buffer.byteLength(part, 'utf8')}:${part}`, 'utf8');
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
