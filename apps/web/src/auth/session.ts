/**
 * The sign-in session in the browser, following the API's token rules (apps/api/src/auth):
 * - the access token (a short-lived JWT) lives in memory only, never in storage;
 * - the refresh token is single-use and rotated on every refresh (reusing one revokes the whole
 *   session), so it is kept in sessionStorage: it survives a reload of this tab, is not shared with
 *   other tabs (two tabs refreshing the same token would revoke each other), and ends with the tab;
 * - one refresh at a time (a promise shared by every caller), and a refresh shortly before expiry.
 * The server keeps no web session; the API's session store only knows the refresh-token chain.
 */
const REFRESH_KEY = 'tdkt.refreshToken';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

let token: string | undefined;
let inFlight: Promise<boolean> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

export const accessToken = (): string | undefined => token;
export const hasStoredSession = (): boolean => !!sessionStorage.getItem(REFRESH_KEY);

/** Called when the session starts or ends (the app re-reads who is signed in). */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function adopt(t: Tokens): void {
  token = t.accessToken;
  sessionStorage.setItem(REFRESH_KEY, t.refreshToken);
  clearTimeout(timer);
  // Refresh at 80 % of the access token's life, so a request rarely meets a 401.
  timer = setTimeout(() => void refreshSession(), Math.max(5, t.expiresInSeconds * 0.8) * 1000);
}

function forget(): void {
  token = undefined;
  sessionStorage.removeItem(REFRESH_KEY);
  clearTimeout(timer);
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Signs in; resolves, or rejects with the API's error body (401 wrong password, 429 too many attempts). */
export async function signIn(username: string, password: string): Promise<void> {
  const res = await post('/api/auth/login', { username, password });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(body.message ?? 'Đăng nhập không thành công'), { body });
  adopt(body as Tokens);
  listeners.forEach((l) => l());
}

/** Exchanges the stored refresh token for new tokens; false (and signed out) when the session is over. */
export function refreshSession(): Promise<boolean> {
  inFlight ??= (async () => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    try {
      const res = await post('/api/auth/refresh', { refreshToken });
      if (!res.ok) {
        // 401: expired, revoked or reused — the session is over. Anything else: keep the token, try later.
        if (res.status === 401) {
          forget();
          listeners.forEach((l) => l());
        }
        return false;
      }
      adopt((await res.json()) as Tokens);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

/** Ends the session on the server (all its tokens) and here. */
export async function signOut(): Promise<void> {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY) ?? undefined;
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  forget();
  await post('/api/auth/logout', refreshToken ? { refreshToken } : {}, headers).catch(() => undefined);
  listeners.forEach((l) => l());
}
