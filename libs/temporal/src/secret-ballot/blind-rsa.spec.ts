import { RSABSSA } from '@cloudflare/blindrsa-ts';
import {
  BLIND_RSA_SUITE,
  blindSign,
  fromBase64url,
  generateItemKey,
  sha256Hex,
  toBase64url,
  verifyToken,
} from './blind-rsa';

/** The member's side, as a browser would run it: blind with the item's public key, unblind the answer. */
async function client(publicKeySpki: string, msg = 'phiếu bầu') {
  const suite = RSABSSA.SHA384.PSS.Randomized();
  const pk = await crypto.subtle.importKey(
    'spki',
    Buffer.from(publicKeySpki, 'base64url'),
    { name: 'RSA-PSS', hash: 'SHA-384' },
    true,
    ['verify'],
  );
  const token = suite.prepare(new TextEncoder().encode(msg));
  const { blindedMsg, inv } = await suite.blind(pk, token);
  return {
    token,
    blindedMsg,
    finalize: (blindSig: Uint8Array) => suite.finalize(pk, token, blindSig, inv),
  };
}

describe(`RSA blind signatures (RFC 9474, ${BLIND_RSA_SUITE})`, () => {
  it('the unblinded signature verifies on the token with the item key, and with no other item’s key', async () => {
    const item = await generateItemKey();
    const other = await generateItemKey();
    const c = await client(item.publicKey);
    const signature = await c.finalize(await blindSign(item.privateKey, c.blindedMsg));
    expect(await verifyToken(item.publicKey, c.token, signature)).toBe(true);
    expect(await verifyToken(other.publicKey, c.token, signature)).toBe(false);
    // The server saw only the blinded message: it is not the token, nor its hash.
    expect(toBase64url(c.blindedMsg)).not.toContain(toBase64url(c.token));
    expect(sha256Hex(c.blindedMsg)).not.toBe(sha256Hex(c.token));
  });

  it('a token signed with another item’s key does not verify', async () => {
    const item = await generateItemKey();
    const other = await generateItemKey();
    const c = await client(other.publicKey);
    const signature = await c.finalize(await blindSign(other.privateKey, c.blindedMsg));
    expect(await verifyToken(item.publicKey, c.token, signature)).toBe(false);
  });

  it('base64url is strict, naming the field', () => {
    expect(() => fromBase64url('abc+/=', 'token')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_BYTES', field: 'token' }),
    );
    expect(() => fromBase64url('', 'signature')).toThrow(expect.objectContaining({ field: 'signature' }));
    expect(Buffer.from(fromBase64url('AQID', 'x'))).toEqual(Buffer.from([1, 2, 3]));
  });
});
