import { HttpException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcryptjs';
import { OrganisationDirectory, loadOrganisation } from '@tdkt/config';
import { SqliteReadModelDb, type ReadModelDb } from '@tdkt/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authSettings } from './auth-settings';
import { AuthService } from './auth.service';
import { IdentityStore } from './identity-store';
import { jwtModuleOptions } from './jwt-options';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionStore } from './session-store';

const directory = new OrganisationDirectory(
  loadOrganisation(join(__dirname, '../../../../config/demo-organisation.json')),
);
const hash = bcrypt.hashSync('demo123', 4);
const jwt = new JwtService(jwtModuleOptions('x'.repeat(32), '15m'));
const auth = { accessTokenTtl: '15m', refreshTokenTtl: '12h', sessionMaxAge: '7d', localLogin: true };

/** An identity store answering over a network round trip, as PostgreSQL does. */
const remoteIdentity = {
  passwordHash: (u: string) => new Promise((r) => setTimeout(() => r(u === 'thuky' ? hash : undefined), 5)),
} as unknown as IdentityStore;

let dir: string;
let db: ReadModelDb;
let sessions: SessionStore;
let identity: IdentityStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tdkt-auth-'));
  db = await SqliteReadModelDb.open({ filename: join(dir, 'identity.sqlite') });
  sessions = new SessionStore(db, { activeCacheMs: 0 });
  await sessions.prepare();
  identity = new IdentityStore(db);
  await identity.prepare();
  await identity.setPassword('thuky', 'demo123');
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const service = (options: { ttl?: string; localLogin?: boolean; identity?: IdentityStore } = {}) =>
  new AuthService(
    jwt,
    options.identity ?? identity,
    sessions,
    directory,
    new LoginRateLimiter({ maxFailures: 3, windowMs: 60_000 }),
    authSettings({ ...auth, localLogin: options.localLogin ?? true }, options.ttl),
  );

/** The status and error code a promise is refused with. */
async function refusal(promise: Promise<unknown>): Promise<[number, string | undefined]> {
  try {
    await promise;
  } catch (err) {
    const e = err as HttpException;
    return [e.getStatus(), (e.getResponse() as { code?: string }).code];
  }
  throw new Error('expected a refusal');
}
const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('AuthService.login', () => {
  it('limits wrong passwords sent all at once as it limits ones sent in turn', async () => {
    const svc = service({ identity: remoteIdentity });
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => svc.login('thuky', 'guess', '1.2.3.4')));
    const statuses = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as HttpException).getStatus() : 200));
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it('a right password after failures below the limit logs in and clears them', async () => {
    const svc = service();
    for (let i = 0; i < 2; i++)
      await expect(svc.login('thuky', 'guess', 'a')).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(svc.login('thuky', 'demo123', 'a')).resolves.toMatchObject({ tokenType: 'Bearer' });
    for (let i = 0; i < 3; i++)
      await expect(svc.login('thuky', 'guess', 'a')).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('reports the lifetime the tokens are actually signed with', async () => {
    const { accessToken, expiresIn, expiresInSeconds } = await service({ ttl: '5m' }).login('thuky', 'demo123', 'b');
    const { iat, exp } = claims(accessToken);
    expect(exp - iat).toBe(5 * 60);
    expect([expiresIn, expiresInSeconds]).toEqual(['5m', 300]);
  });

  it('opens a session: the access token names it, and a refresh token comes with it', async () => {
    const t = await service().login('thuky', 'demo123', 'b');
    expect(claims(t.accessToken)).toMatchObject({ sub: 'thuky', sid: expect.any(String) });
    expect(await sessions.isActive(claims(t.accessToken).sid, 'thuky')).toBe(true);
    expect(t.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(Date.parse(t.refreshTokenExpiresAt) - Date.now()).toBeGreaterThan(11.9 * 3_600_000);
  });

  it('is refused when local passwords are switched off, even with the right password', async () => {
    expect(await refusal(service({ localLogin: false }).login('thuky', 'demo123', 'b'))).toEqual([
      403,
      'LOCAL_LOGIN_DISABLED',
    ]);
  });
});

describe('AuthService.refresh (rotation with reuse detection)', () => {
  it('spends the refresh token and returns a new pair in the same session', async () => {
    const svc = service();
    const first = await svc.login('thuky', 'demo123', 'b');
    const second = await svc.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(claims(second.accessToken).sid).toBe(claims(first.accessToken).sid);
    await expect(svc.refresh(second.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('a spent refresh token presented again revokes the whole family, descendants included', async () => {
    const svc = service();
    const first = await svc.login('thuky', 'demo123', 'b');
    const second = await svc.refresh(first.refreshToken);
    expect(await refusal(svc.refresh(first.refreshToken))).toEqual([401, 'REFRESH_TOKEN_REUSED']);
    expect(await refusal(svc.refresh(second.refreshToken))).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    expect(await sessions.isActive(claims(first.accessToken).sid, 'thuky')).toBe(false);
  });

  it('refuses an unknown refresh token', async () => {
    expect(await refusal(service().refresh('x'.repeat(43)))).toEqual([401, 'REFRESH_TOKEN_INVALID']);
  });
});

describe('AuthService.logout and changePassword', () => {
  it('logout by the bearer session or by a refresh token ends that session only', async () => {
    const svc = service();
    const a = await svc.login('thuky', 'demo123', 'b');
    const b = await svc.login('thuky', 'demo123', 'b');
    const c = await svc.login('thuky', 'demo123', 'b');
    await svc.logout({ sessionId: claims(a.accessToken).sid }, undefined);
    await svc.logout(undefined, b.refreshToken);
    expect(await sessions.isActive(claims(a.accessToken).sid, 'thuky')).toBe(false);
    expect(await sessions.isActive(claims(b.accessToken).sid, 'thuky')).toBe(false);
    expect(await sessions.isActive(claims(c.accessToken).sid, 'thuky')).toBe(true);
    expect(await refusal(svc.refresh(a.refreshToken))).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    expect(await refusal(svc.logout(undefined, 'unknown'))).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('a password change needs the current password and a strong new one, then ends the other sessions', async () => {
    const svc = service();
    const here = await svc.login('thuky', 'demo123', 'b');
    const elsewhere = await svc.login('thuky', 'demo123', 'c');
    const me = { username: 'thuky', sessionId: claims(here.accessToken).sid };
    expect(await refusal(svc.changePassword(me, 'wrong', 'Hoa-sen-2026', 'b'))).toEqual([400, 'WRONG_PASSWORD']);
    expect(await refusal(svc.changePassword(me, 'demo123', 'short1', 'b'))).toEqual([400, 'WEAK_PASSWORD']);
    await expect(svc.changePassword(me, 'demo123', 'Hoa-sen-2026', 'b')).resolves.toEqual({ otherSessionsRevoked: 1 });
    expect(await sessions.isActive(me.sessionId, 'thuky')).toBe(true);
    expect(await sessions.isActive(claims(elsewhere.accessToken).sid, 'thuky')).toBe(false);
    await expect(svc.login('thuky', 'demo123', 'd')).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(svc.login('thuky', 'Hoa-sen-2026', 'd')).resolves.toMatchObject({ tokenType: 'Bearer' });
  });
});
