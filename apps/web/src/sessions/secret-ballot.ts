/**
 * The secret ballot in the browser (README: "The secret ballot"), RFC 9474 RSABSSA-SHA384-PSS-Randomized:
 * the member blinds a fresh random token with the item's public key, gets ONE blind signature while
 * signed in, unblinds it here, and casts token + signature + choice WITHOUT signing in (no
 * Authorization header, no cookie). The server never sees the token next to the member; the receipt
 * (SHA-256 of the token) lets the member find their ballot among the published ones after the close.
 * The library is loaded only when a member casts a secret ballot (its own chunk).
 */
import { api, call, ApiError } from '../api/client';

const b64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromB64url = (text: string): Uint8Array<ArrayBuffer> => {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return new Uint8Array(Array.from(atob(b64), (c) => c.charCodeAt(0)));
};

export type Choice = 'approve' | 'reject' | 'abstain';

/** Casts one secret ballot; returns the receipt. Throws ApiError with the API's message on refusal. */
export async function castSecretBallot(sessionId: string, nominationId: string, choice: Choice): Promise<string> {
  if (!crypto.subtle)
    throw new ApiError(0, {
      statusCode: 0,
      error: 'Insecure context',
      code: 'INSECURE_CONTEXT',
      message: 'Bỏ phiếu kín cần kết nối an toàn (HTTPS hoặc máy cục bộ): trình duyệt không cho dùng mật mã ở đây.',
    });
  const { RSABSSA } = await import('@cloudflare/blindrsa-ts');
  const suite = RSABSSA.SHA384.PSS.Randomized();
  const path = { path: { id: sessionId, nominationId } };
  const key = await call(() => api.GET('/api/council-sessions/{id}/secret-items/{nominationId}/key', { params: path }));
  const publicKey = await crypto.subtle.importKey(
    'spki',
    fromB64url(key.publicKey),
    { name: 'RSA-PSS', hash: 'SHA-384' },
    true,
    ['verify'],
  );
  const token = suite.prepare(crypto.getRandomValues(new Uint8Array(32)));
  const { blindedMsg, inv } = await suite.blind(publicKey, token);
  const { blindSignature } = await call(() =>
    api.POST('/api/council-sessions/{id}/secret-items/{nominationId}/blind-signature', {
      params: path,
      body: { blindedMessage: b64url(blindedMsg) },
    }),
  );
  const signature = await suite.finalize(publicKey, token, fromB64url(blindSignature), inv);
  // A random pause between getting the signature and casting, so arrival times link less easily (README: Limits).
  await new Promise((r) => setTimeout(r, 200 + Math.random() * 1000));
  // Anonymous on purpose: a plain fetch, without the client's Authorization middleware.
  const res = await fetch(
    `/api/council-sessions/${encodeURIComponent(sessionId)}/secret-items/${encodeURIComponent(nominationId)}/ballots`,
    {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: b64url(token), signature: b64url(signature), choice }),
    },
  );
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body);
  return (body as { receipt: string }).receipt;
}
