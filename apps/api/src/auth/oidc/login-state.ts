import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** What the callback must find again: the values sent to the provider with the browser. */
export interface LoginState {
  state: string;
  nonce: string;
  /** PKCE code verifier: only its hash went to the provider. */
  verifier: string;
  /** Epoch ms after which the sign-in must start over. */
  expiresAt: number;
}

export const LOGIN_STATE_COOKIE = 'tdkt_oidc';
export const LOGIN_STATE_TTL_MS = 10 * 60_000;

/**
 * The login state travels in a cookie of the browser that started the sign-in (any API replica can
 * finish it), sealed with AES-256-GCM under a key derived from the JWT secret: unreadable and
 * unforgeable outside the API. Binding the state to the browser this way is what makes a callback
 * with someone else's state (login CSRF) fail.
 */
export function sealLoginState(secret: string, state: LoginState): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(state), 'utf8'), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

/** The state sealed by `sealLoginState`, or undefined when it is malformed, forged or expired. */
export function openLoginState(secret: string, sealed: string, now = Date.now()): LoginState | undefined {
  const [iv, body, tag, extra] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !body || !tag || extra || iv.length !== 12 || tag.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret), iv);
    decipher.setAuthTag(tag);
    const state = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as LoginState;
    return typeof state.expiresAt === 'number' && state.expiresAt > now ? state : undefined;
  } catch {
    return undefined;
  }
}

/** A cookie's value from a Cookie header (the API has no cookie parser: this is its only cookie). */
export function readCookie(header: string | string[] | undefined, name: string): string | undefined {
  for (const part of [header ?? ''].flat().join(';').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const keys = new Map<string, Buffer>();
function key(secret: string): Buffer {
  let k = keys.get(secret);
  if (!k) {
    k = Buffer.from(hkdfSync('sha256', secret, 'tdkt', 'oidc-login-state', 32));
    keys.set(secret, k);
  }
  return k;
}
