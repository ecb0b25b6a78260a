/**
 * Single sign-on against a real OpenID provider (oidc-provider, over HTTP on loopback, in a child
 * process), through the whole embedded system: a browser (fetch + cookie jar) starts at the API,
 * logs in at the provider's page, comes back to the callback and leaves with the API's own tokens.
 * Then what must be refused: a token for another audience, an expired one, a tampered one, an
 * unknown user, a callback that is not the browser's own. And the sessions those tokens open:
 * refresh-token rotation, reuse detection, logout, password change.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Browser, TestOidcProvider, type ProviderAccount } from '../support/oidc/oidc-provider';
import { freePort, PASSWORD, startStack, type Stack } from './support/stack';

const CLIENT_ID = 'tdkt';
const POST_LOGIN = 'http://127.0.0.1:9/app/signed-in';
const ACCOUNTS: ProviderAccount[] = [
  // The provider says CHAIRMAN; the organisation file says unit officer of donvi1: the file wins.
  {
    sub: 'sub-canbo',
    login: 'an.nguyen',
    password: 'sso-pass-1',
    preferred_username: 'canbo.donvi1',
    name: 'Nguyễn Văn An',
    roles: ['CHAIRMAN'],
  },
  { sub: 'sub-chutich', login: 'chutich', password: 'sso-pass-2', preferred_username: 'chutich' },
  { sub: 'sub-thuky', login: 'thuky', password: 'sso-pass-3', preferred_username: 'thuky', userinfoOnly: true },
  { sub: 'sub-stranger', login: 'la', password: 'sso-pass-4', preferred_username: 'nguoi.la' },
];

let provider: TestOidcProvider;
let stack: Stack;
let api: string;
let callbackUrl: string;

beforeAll(async () => {
  const port = await freePort();
  callbackUrl = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
  provider = await TestOidcProvider.start(
    [{ client_id: CLIENT_ID, client_secret: 'tdkt-client-secret', redirect_uris: [callbackUrl] }],
    ACCOUNTS,
  );
  stack = await startStack({
    env: {
      PORT: String(port),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: 'tdkt-client-secret',
      OIDC_REDIRECT_URI: callbackUrl,
      OIDC_POST_LOGIN_REDIRECT: POST_LOGIN,
    },
  });
  api = stack.system.url;
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await provider?.stop();
});

afterEach(() => provider.setTokenMode(null));

/** Sessions stored for a user (the identity database in the data dir). */
function sessionCount(username: string): number {
  const db = new Database(join(stack.dataDir, 'identity.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM auth_sessions WHERE username = ?').get(username) as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * A browser signs in: API → provider → login page → provider → back to the callback, which is
 * fetched with `accept`. Returns the callback's response and the URLs seen on the way.
 */
async function signIn(login: string, password: string, accept?: string) {
  const browser = new Browser();
  const start = await browser.request(`${api}/api/auth/oidc/login`);
  expect(start.status).toBe(302);
  const authorizationUrl = start.headers.get('location')!;
  const atLoginPage = await browser.follow(authorizationUrl, callbackUrl);
  expect(atLoginPage.response?.status).toBe(200);
  const html = await atLoginPage.response!.text();
  const action = /action="([^"]+)"/.exec(html)![1];
  const posted = await browser.request(new URL(action, provider.issuer).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }).toString(),
  });
  if (posted.status === 200) return { browser, authorizationUrl, loginPage: await posted.text() };
  const back = await browser.follow(new URL(posted.headers.get('location')!, provider.issuer).href, callbackUrl);
  const callback = back.stoppedAt!;
  const response = await browser.request(callback, accept ? { headers: { accept } } : {});
  return { browser, authorizationUrl, callback, response };
}

async function signInJson(login: string, password: string) {
  const r = await signIn(login, password, 'application/json');
  return { ...r, body: (await r.response!.json()) as Record<string, any> };
}

const me = (token: string) => stack.http.get('/api/me').set('Authorization', `Bearer ${token}`);

describe('single sign-on (OpenID Connect, code + PKCE)', () => {
  it('signs in end to end; roles and unit come from the organisation file, not the provider', async () => {
    const { authorizationUrl, response, browser } = await signIn('an.nguyen', 'sso-pass-1');
    const asked = new URL(authorizationUrl).searchParams;
    expect(authorizationUrl.startsWith(provider.issuer)).toBe(true);
    expect(
      Object.fromEntries(['response_type', 'client_id', 'code_challenge_method'].map((k) => [k, asked.get(k)])),
    ).toEqual({ response_type: 'code', client_id: CLIENT_ID, code_challenge_method: 'S256' });
    for (const k of ['code_challenge', 'state', 'nonce']) expect(asked.get(k)).toMatch(/^[\w-]{20,}$/);

    // The browser is sent on to the app, with the API's tokens in the fragment.
    expect(response!.status).toBe(302);
    const location = new URL(response!.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(POST_LOGIN);
    expect(location.search).toBe('');
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('expires_in')).toBe('900');
    expect(browser.cookie(api, 'tdkt_oidc')).toBeUndefined();

    const who = await me(fragment.get('access_token')!);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ username: 'canbo.donvi1', roles: ['UNIT_OFFICER'], unitId: 'donvi1' });

    // An SSO session refreshes like any other.
    const refreshed = await stack.http.post('/api/auth/refresh').send({ refreshToken: fragment.get('refresh_token') });
    expect(refreshed.status).toBe(200);
    expect((await me(refreshed.body.accessToken)).body.username).toBe('canbo.donvi1');
  });

  it('answers JSON to a client that asks for it, and reads the username from UserInfo when the ID token lacks it', async () => {
    const { response, body } = await signInJson('thuky', 'sso-pass-3');
    expect(response!.status).toBe(200);
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: '15m', refreshToken: expect.any(String) });
    expect((await me(body.accessToken)).body).toMatchObject({ username: 'thuky', roles: ['COUNCIL_SECRETARY'] });
  });

  it('a wrong password at the provider leaves the browser on the login page, with no code', async () => {
    const r = await signIn('chutich', 'wrong');
    expect(r.loginPage).toContain('Sai tên đăng nhập hoặc mật khẩu');
    expect(r.response).toBeUndefined();
  });

  it('refuses someone the organisation file does not list, and creates no account or session', async () => {
    const { response, body } = await signInJson('la', 'sso-pass-4');
    expect(response!.status).toBe(403);
    expect(body.code).toBe('OIDC_UNKNOWN_USER');
    expect(body.message).toContain('không có trong danh bạ tổ chức');
    expect(sessionCount('nguoi.la')).toBe(0);

    // A browser is sent to the app with the error instead.
    const browserRun = await signIn('la', 'sso-pass-4');
    const fragment = new URLSearchParams(new URL(browserRun.response!.headers.get('location')!).hash.slice(1));
    expect(fragment.get('error')).toBe('OIDC_UNKNOWN_USER');
    expect(fragment.get('access_token')).toBeNull();
  });

  it.each([
    ['issued for another application (wrong audience)', 'wrong-audience', 'id_token.aud'],
    ['expired', 'expired', 'id_token.exp'],
    ['tampered with (username changed to chutich, signature kept)', 'tamper', 'id_token.signature'],
  ] as const)('refuses an ID token %s, naming the part refused', async (_, mode, field) => {
    const before = [sessionCount('canbo.donvi1'), sessionCount('chutich')];
    await provider.setTokenMode(mode);
    const { response, body } = await signInJson('an.nguyen', 'sso-pass-1');
    expect(response!.status).toBe(401);
    expect(body).toMatchObject({ code: 'OIDC_ID_TOKEN_INVALID', errors: [{ field, reasons: [body.message] }] });
    expect(body.accessToken).toBeUndefined();
    expect([sessionCount('canbo.donvi1'), sessionCount('chutich')]).toEqual(before);
  });

  it('refuses a callback with another state, or without the browser that started the sign-in', async () => {
    // A code obtained by one browser (e.g. an attacker's), replayed with a changed state or elsewhere.
    const browser = new Browser();
    const start = await browser.request(`${api}/api/auth/oidc/login`, { headers: { accept: 'application/json' } });
    const { authorizationUrl } = (await start.json()) as { authorizationUrl: string };
    const page = await browser.follow(authorizationUrl, callbackUrl);
    const action = /action="([^"]+)"/.exec(await page.response!.text())![1];
    const posted = await browser.request(new URL(action, provider.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'chutich', password: 'sso-pass-2' }).toString(),
    });
    const { stoppedAt } = await browser.follow(
      new URL(posted.headers.get('location')!, provider.issuer).href,
      callbackUrl,
    );
    const wrongState = new URL(stoppedAt!);
    wrongState.searchParams.set('state', 'forged-state-0123456789');

    const elsewhere = await new Browser().request(stoppedAt!, { headers: { accept: 'application/json' } });
    expect([elsewhere.status, ((await elsewhere.json()) as { code: string }).code]).toEqual([
      400,
      'OIDC_STATE_MISSING',
    ]);
    const forged = await browser.request(wrongState.href, { headers: { accept: 'application/json' } });
    expect([forged.status, ((await forged.json()) as { code: string }).code]).toEqual([400, 'OIDC_STATE_MISMATCH']);
  });

  it('a code is redeemed once: the same callback replayed with the same login state is refused', async () => {
    const browser = new Browser();
    const start = await browser.request(`${api}/api/auth/oidc/login`);
    const stateCookie = browser.cookie(api, 'tdkt_oidc')!;
    const page = await browser.follow(start.headers.get('location')!, callbackUrl);
    const action = /action="([^"]+)"/.exec(await page.response!.text())![1];
    const posted = await browser.request(new URL(action, provider.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'chutich', password: 'sso-pass-2' }).toString(),
    });
    const { stoppedAt } = await browser.follow(
      new URL(posted.headers.get('location')!, provider.issuer).href,
      callbackUrl,
    );
    const headers = { accept: 'application/json', cookie: `tdkt_oidc=${stateCookie}` };
    const first = await fetch(stoppedAt!, { headers });
    expect(first.status).toBe(200);
    const again = await fetch(stoppedAt!, { headers });
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([401, 'OIDC_PROVIDER_ERROR']);
  });
});

describe('sessions: refresh-token rotation, reuse detection, logout, password change', () => {
  const login = async (username: string, password = PASSWORD) => {
    const res = await stack.http.post('/api/auth/login').send({ username, password });
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; refreshToken: string };
  };
  const refresh = (refreshToken: string) => stack.http.post('/api/auth/refresh').send({ refreshToken });

  it('each refresh returns a new refresh token and spends the old one', async () => {
    const first = await login('hoidong2');
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.body.accessToken)).status).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
  });

  it('a reused refresh token revokes the whole family: every refresh and access token of the session', async () => {
    const first = await login('hoidong4');
    const second = (await refresh(first.refreshToken)).body;
    const third = (await refresh(second.refreshToken)).body;
    const other = await login('hoidong4'); // another session of the same user is left alone

    const replay = await refresh(first.refreshToken);
    expect([replay.status, replay.body.code]).toEqual([401, 'REFRESH_TOKEN_REUSED']);
    expect((await refresh(third.refreshToken)).body.code).toBe('REFRESH_TOKEN_INVALID');
    for (const t of [first, second, third]) expect((await me(t.accessToken)).status).toBe(401);
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('logout revokes the session: its access token and refresh token stop working at once', async () => {
    const t = await login('hoidong5');
    expect((await me(t.accessToken)).status).toBe(200);
    const out = await stack.http.post('/api/auth/logout').set('Authorization', `Bearer ${t.accessToken}`);
    expect(out.status).toBe(204);
    const after = await me(t.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.message).toContain('đã đăng xuất');
    expect((await refresh(t.refreshToken)).status).toBe(401);

    // With an access token gone, the refresh token alone signs out too.
    const u = await login('hoidong5');
    expect((await stack.http.post('/api/auth/logout').send({ refreshToken: u.refreshToken })).status).toBe(204);
    expect((await me(u.accessToken)).status).toBe(401);
    expect((await stack.http.post('/api/auth/logout').send({})).status).toBe(401);
  });

  it('a password change needs the current password and a strong new one, and signs out the other sessions', async () => {
    const here = await login('hoidong3');
    const elsewhere = await login('hoidong3');
    const change = (body: object) =>
      stack.http.post('/api/auth/password').set('Authorization', `Bearer ${here.accessToken}`).send(body);

    const wrong = await change({ currentPassword: 'not-it', newPassword: 'Hoa-sen-2026' });
    expect([wrong.status, wrong.body.code, wrong.body.errors?.[0]?.field]).toEqual([
      400,
      'WRONG_PASSWORD',
      'currentPassword',
    ]);
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'abc' });
    expect([weak.status, weak.body.code, weak.body.errors?.[0]?.field]).toEqual([400, 'WEAK_PASSWORD', 'newPassword']);
    expect(
      (await stack.http.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'x' })).status,
    ).toBe(401);

    const ok = await change({ currentPassword: PASSWORD, newPassword: 'Hoa-sen-2026' });
    expect([ok.status, ok.body]).toEqual([200, { otherSessionsRevoked: 1 }]);
    expect((await me(here.accessToken)).status).toBe(200);
    expect((await me(elsewhere.accessToken)).status).toBe(401);
    expect((await refresh(elsewhere.refreshToken)).status).toBe(401);
    expect((await stack.http.post('/api/auth/login').send({ username: 'hoidong3', password: PASSWORD })).status).toBe(
      401,
    );
    await login('hoidong3', 'Hoa-sen-2026');
  });

  it('the OpenAPI document describes the sign-in endpoints', async () => {
    const doc = (await stack.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ['/api/auth/refresh', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/auth/password', 'post'],
      ['/api/auth/oidc/login', 'get'],
      ['/api/auth/oidc/callback', 'get'],
    ])
      expect(doc.paths[path]?.[method]).toMatchObject({ summary: expect.any(String), responses: expect.any(Object) });
  });
});
