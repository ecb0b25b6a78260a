/**
 * RSA blind signatures, RFC 9474, suite RSABSSA-SHA384-PSS-Randomized, with
 * @cloudflare/blindrsa-ts (ESM: Node 24 requires it natively; Jest transforms it, jest.config.js).
 * Keys travel and rest as SPKI (public) and PKCS#8 (private), base64url.
 */
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { createHash } from 'node:crypto';
import { domainError } from '@tdkt/domain';

export const BLIND_RSA_SUITE = 'RSABSSA-SHA384-PSS-Randomized';
const ALGORITHM = { name: 'RSA-PSS', hash: 'SHA-384' };
const suite = () => RSABSSA.SHA384.PSS.Randomized();

export const toBase64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Strict base64url (no padding, no other characters); a malformed value is a 400 naming the field. */
export function fromBase64url(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string' || value.length === 0 || !/^[A-Za-z0-9_-]+$/.test(value) || value.length % 4 === 1)
    throw domainError('MALFORMED_BYTES', `${field} phải là chuỗi base64url`, field);
  return new Uint8Array(Buffer.from(value, 'base64url'));
}

/** SHA-256, hex: the public name of a token (its receipt) and of a blinded request. */
export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export async function generateItemKey(): Promise<{ publicKey: string; privateKey: string }> {
  const { publicKey, privateKey } = await suite().generateKey({
    publicExponent: Uint8Array.from([1, 0, 1]),
    modulusLength: 2048,
  });
  return {
    publicKey: toBase64url(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey))),
    privateKey: toBase64url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey))),
  };
}

export async function blindSign(privateKeyPkcs8: string, blindedMessage: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('pkcs8', Buffer.from(privateKeyPkcs8, 'base64url'), ALGORITHM, true, [
    'sign',
  ]);
  try {
    return await suite().blindSign(key, blindedMessage);
  } catch {
    throw domainError('MALFORMED_BYTES', 'Thông điệp đã làm mù không hợp lệ với khóa này', 'blindedMessage');
  }
}

/** Whether `signature` is this item's signature of `token` (the prepared message). */
export async function verifyToken(publicKeySpki: string, token: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = await crypto.subtle.importKey('spki', Buffer.from(publicKeySpki, 'base64url'), ALGORITHM, true, [
    'verify',
  ]);
  try {
    return await suite().verify(key, signature, token);
  } catch {
    return false;
  }
}
