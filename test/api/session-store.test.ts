/**
 * The session store on both of its databases (SQLite in the data dir, PostgreSQL with DATABASE_URL):
 * rotation, reuse detection revoking the family, concurrent refreshes with one token, revocation
 * per user, lifetimes, and sessions surviving a reopen (a restarted API).
 */
import type { ReadModelDb } from '@tdkt/projections';
import { SessionStore } from '../../apps/api/src/auth/session-store';
import { backends, type ReadModelBackend } from '../projections/support/read-model-backends';

const LIFETIMES = { refreshTokenMs: 60_000, sessionMaxMs: 300_000 };

describe.each(backends)('SessionStore on %s', (_, backend) => {
  let place: ReadModelBackend;
  let db: ReadModelDb;
  let clock: number;
  let store: SessionStore;

  beforeEach(async () => {
    place = backend();
    db = await place.open();
    clock = Date.UTC(2026, 11, 1);
    store = new SessionStore(db, { activeCacheMs: 0, now: () => clock });
    await store.prepare();
  });

  afterEach(async () => {
    await db.close();
    await place.dispose();
  });

  it('rotates: each refresh token works once and hands on to the next, within one session', async () => {
    const first = await store.start('thuky', 'password', LIFETIMES);
    const second = await store.rotate(first.refreshToken, LIFETIMES);
    expect(second).toMatchObject({ ok: true, sessionId: first.sessionId, username: 'thuky' });
    const third = await store.rotate((second as { refreshToken: string }).refreshToken, LIFETIMES);
    expect(third.ok).toBe(true);
    expect(await store.isActive(first.sessionId, 'thuky')).toBe(true);
  });

  it('a rotated token presented again revokes the family: its descendants and the session', async () => {
    const first = await store.start('thuky', 'password', LIFETIMES);
    const other = await store.start('thuky', 'password', LIFETIMES);
    const second = await store.rotate(first.refreshToken, LIFETIMES);
    expect(await store.rotate(first.refreshToken, LIFETIMES)).toEqual({
      ok: false,
      reason: 'reused',
      sessionId: first.sessionId,
      username: 'thuky',
    });
    expect(await store.rotate((second as { refreshToken: string }).refreshToken, LIFETIMES)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await store.isActive(first.sessionId, 'thuky')).toBe(false);
    expect(await store.isActive(other.sessionId, 'thuky')).toBe(true);
  });

  it('of two refreshes sent at once with one token, one succeeds and the other is taken for a replay', async () => {
    const first = await store.start('thuky', 'password', LIFETIMES);
    const results = await Promise.all([
      store.rotate(first.refreshToken, LIFETIMES),
      store.rotate(first.refreshToken, LIFETIMES),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'reused')).toHaveLength(1);
    expect(await store.isActive(first.sessionId, 'thuky')).toBe(false);
  });

  it('a refresh token expires unused, and no refresh outlives the session', async () => {
    const first = await store.start('thuky', 'password', LIFETIMES);
    clock += LIFETIMES.refreshTokenMs;
    expect(await store.rotate(first.refreshToken, LIFETIMES)).toEqual({ ok: false, reason: 'invalid' });

    const started = clock;
    let token = (await store.start('thuky', 'password', LIFETIMES)).refreshToken;
    let expiresAt = 0;
    for (let i = 0; i < 5; i++) {
      clock += 59_000;
      const r = await store.rotate(token, LIFETIMES);
      if (!r.ok) throw new Error(`refresh ${i} refused`);
      [token, expiresAt] = [r.refreshToken, r.refreshExpiresAt];
    }
    // The last one expires with the session (sign-in + maximum age), not a full minute later.
    expect(expiresAt).toBe(started + LIFETIMES.sessionMaxMs);
    clock = started + LIFETIMES.sessionMaxMs;
    expect(await store.rotate(token, LIFETIMES)).toEqual({ ok: false, reason: 'invalid' });
  });

  it("revokes a user's sessions but one, and a revoked session's tokens are refused", async () => {
    const kept = await store.start('hoidong1', 'password', LIFETIMES);
    const a = await store.start('hoidong1', 'oidc', LIFETIMES);
    const b = await store.start('hoidong1', 'password', LIFETIMES);
    const someoneElse = await store.start('hoidong2', 'password', LIFETIMES);
    expect(await store.revokeUser('hoidong1', 'password-changed', kept.sessionId)).toBe(2);
    expect(await store.isActive(kept.sessionId, 'hoidong1')).toBe(true);
    for (const s of [a, b]) {
      expect(await store.isActive(s.sessionId, 'hoidong1')).toBe(false);
      expect(await store.rotate(s.refreshToken, LIFETIMES)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await store.isActive(someoneElse.sessionId, 'hoidong2')).toBe(true);
    expect(await store.isActive(kept.sessionId, 'hoidong2')).toBe(false); // a session is its user's only
  });

  it('keeps sessions and revocations across a reopen, and stores no refresh token in clear', async () => {
    const live = await store.start('thuky', 'password', LIFETIMES);
    const ended = await store.start('thuky', 'password', LIFETIMES);
    await store.revoke(ended.sessionId, 'logout');
    await db.close();
    db = await place.open();
    store = new SessionStore(db, { activeCacheMs: 0, now: () => clock });
    await store.prepare();
    expect(await store.isActive(live.sessionId, 'thuky')).toBe(true);
    expect(await store.isActive(ended.sessionId, 'thuky')).toBe(false);
    expect((await store.rotate(live.refreshToken, LIFETIMES)).ok).toBe(true);
    const stored = await db.all<{ token_hash: string }>('SELECT token_hash FROM auth_refresh_tokens');
    expect(stored.map((r) => r.token_hash)).not.toContain(live.refreshToken);
  });
});
