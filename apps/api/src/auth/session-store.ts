import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ReadModelDb, SqlExecutor } from '@tdkt/projections';

export const SESSIONS_TABLE = 'auth_sessions';
export const REFRESH_TOKENS_TABLE = 'auth_refresh_tokens';

export type SignInMethod = 'password' | 'oidc';

export interface SessionLifetimes {
  /** A refresh token unused for this long expires. */
  refreshTokenMs: number;
  /** No refresh extends a session beyond this age. */
  sessionMaxMs: number;
}

export interface IssuedRefreshToken {
  sessionId: string;
  username: string;
  refreshToken: string;
  refreshExpiresAt: number;
}

export type RotateResult =
  | ({ ok: true } & IssuedRefreshToken)
  /** Unknown, expired, or of a revoked session: nothing changes. */
  | { ok: false; reason: 'invalid' }
  /** Already rotated: someone replays an old token, so its whole session (family) was revoked. */
  | { ok: false; reason: 'reused'; sessionId: string; username: string };

export interface SessionStoreOptions {
  /** How long an answer of `isActive` is reused (a revocation on another API replica shows within it). */
  activeCacheMs?: number;
  now?: () => number;
}

interface TokenRow {
  session_id: string;
  expires_at: number;
  used_at: number | null;
  username: string;
  revoked_at: number | null;
  session_expires_at: number;
}

/**
 * Sign-in sessions and their refresh tokens (OAuth 2.0 Security BCP §4.14: rotation with reuse
 * detection). A session is one sign-in; every refresh token it ever had belongs to it (its family).
 * Refreshing marks the token used and issues its successor; presenting a used token again means it
 * leaked, so the session is revoked: the thief's and the owner's tokens alike stop working. Access
 * tokens carry the session id (`sid`), and JwtAuthGuard refuses those of a revoked session.
 *
 * Only SHA-256 hashes of refresh tokens are stored (256 random bits: no salt or slow hash needed).
 * Beside the password hashes, in the identity database: SQLite in the data dir, or PostgreSQL.
 */
export class SessionStore {
  private readonly active = new Map<string, { active: boolean; username: string; at: number }>();
  private readonly now: () => number;
  private lastPrune = 0;

  constructor(
    private readonly db: ReadModelDb,
    private readonly options: SessionStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async prepare(): Promise<void> {
    await this.db.run(`CREATE TABLE IF NOT EXISTS ${SESSIONS_TABLE} (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      method TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      revoked_at BIGINT,
      revoked_reason TEXT
    )`);
    await this.db.run(`CREATE INDEX IF NOT EXISTS ${SESSIONS_TABLE}_username ON ${SESSIONS_TABLE} (username)`);
    await this.db.run(`CREATE TABLE IF NOT EXISTS ${REFRESH_TOKENS_TABLE} (
      token_hash TEXT PRIMARY KEY,
      session_id TEXT NOT NULL,
      issued_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      used_at BIGINT
    )`);
    await this.db.run(
      `CREATE INDEX IF NOT EXISTS ${REFRESH_TOKENS_TABLE}_session ON ${REFRESH_TOKENS_TABLE} (session_id)`,
    );
  }

  /** A new session for a user who just proved who they are, with its first refresh token. */
  async start(username: string, method: SignInMethod, lifetimes: SessionLifetimes): Promise<IssuedRefreshToken> {
    await this.pruneNowAndThen();
    const now = this.now();
    const sessionId = randomUUID();
    const sessionExpiresAt = now + lifetimes.sessionMaxMs;
    return this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO ${SESSIONS_TABLE} (id, username, method, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
        [sessionId, username, method, now, sessionExpiresAt],
      );
      const issued = await this.issue(tx, sessionId, now, Math.min(now + lifetimes.refreshTokenMs, sessionExpiresAt));
      return { sessionId, username, ...issued };
    });
  }

  /** Exchanges a refresh token for its successor (once); see RotateResult. */
  async rotate(refreshToken: string, lifetimes: Pick<SessionLifetimes, 'refreshTokenMs'>): Promise<RotateResult> {
    const now = this.now();
    const result = await this.db.transaction(async (tx): Promise<RotateResult> => {
      const row = await tx.get<TokenRow>(
        `SELECT t.session_id, t.expires_at, t.used_at, s.username, s.revoked_at, s.expires_at AS session_expires_at
         FROM ${REFRESH_TOKENS_TABLE} t JOIN ${SESSIONS_TABLE} s ON s.id = t.session_id
         WHERE t.token_hash = ? ${this.db.forUpdate}`,
        [hashToken(refreshToken)],
      );
      if (!row || row.revoked_at !== null) return { ok: false, reason: 'invalid' };
      if (row.used_at !== null) {
        await this.revokeIn(tx, row.session_id, 'refresh-token-reused', now);
        return { ok: false, reason: 'reused', sessionId: row.session_id, username: row.username };
      }
      const sessionExpiresAt = Number(row.session_expires_at);
      if (Number(row.expires_at) <= now || sessionExpiresAt <= now) return { ok: false, reason: 'invalid' };
      // Guarded by `used_at IS NULL`: of two concurrent refreshes with one token, one wins.
      const claimed = await tx.run(
        `UPDATE ${REFRESH_TOKENS_TABLE} SET used_at = ? WHERE token_hash = ? AND used_at IS NULL`,
        [now, hashToken(refreshToken)],
      );
      if (claimed.changes !== 1) {
        await this.revokeIn(tx, row.session_id, 'refresh-token-reused', now);
        return { ok: false, reason: 'reused', sessionId: row.session_id, username: row.username };
      }
      const issued = await this.issue(
        tx,
        row.session_id,
        now,
        Math.min(now + lifetimes.refreshTokenMs, sessionExpiresAt),
      );
      return { ok: true, sessionId: row.session_id, username: row.username, ...issued };
    });
    if (!result.ok && result.reason === 'reused') this.markRevoked(result.sessionId);
    return result;
  }

  /** The session a refresh token belongs to (used or not), e.g. to sign out with it. */
  async sessionOfRefreshToken(refreshToken: string): Promise<{ sessionId: string; username: string } | undefined> {
    const row = await this.db.get<{ session_id: string; username: string }>(
      `SELECT t.session_id, s.username FROM ${REFRESH_TOKENS_TABLE} t JOIN ${SESSIONS_TABLE} s ON s.id = t.session_id
       WHERE t.token_hash = ?`,
      [hashToken(refreshToken)],
    );
    return row ? { sessionId: row.session_id, username: row.username } : undefined;
  }

  /** Ends a session: its refresh tokens and access tokens stop working. False when it was already over. */
  async revoke(sessionId: string, reason: string): Promise<boolean> {
    const changed = await this.db.transaction((tx) => this.revokeIn(tx, sessionId, reason, this.now()));
    this.markRevoked(sessionId);
    return changed;
  }

  /** Ends every session of a user but `exceptSessionId` (e.g. after a password change). Returns how many. */
  async revokeUser(username: string, reason: string, exceptSessionId?: string): Promise<number> {
    const now = this.now();
    const ids = await this.db.transaction(async (tx) => {
      const rows = await tx.all<{ id: string }>(
        `SELECT id FROM ${SESSIONS_TABLE} WHERE username = ? AND revoked_at IS NULL AND expires_at > ?`,
        [username, now],
      );
      const ended = rows.map((r) => r.id).filter((id) => id !== exceptSessionId);
      for (const id of ended) await this.revokeIn(tx, id, reason, now);
      return ended;
    });
    for (const id of ids) this.markRevoked(id);
    return ids.length;
  }

  /** Is this session of this user still on (not revoked, not past its maximum age)? Cached briefly. */
  async isActive(sessionId: string, username: string): Promise<boolean> {
    const now = this.now();
    const cached = this.active.get(sessionId);
    if (cached && now - cached.at < (this.options.activeCacheMs ?? 2000))
      return cached.active && cached.username === username;
    const row = await this.db.get<{ username: string; revoked_at: number | null; expires_at: number }>(
      `SELECT username, revoked_at, expires_at FROM ${SESSIONS_TABLE} WHERE id = ?`,
      [sessionId],
    );
    const active = !!row && row.revoked_at === null && Number(row.expires_at) > now;
    if (this.active.size > 50_000) this.active.clear();
    this.active.set(sessionId, { active, username: row?.username ?? '', at: now });
    return active && row?.username === username;
  }

  private async issue(tx: SqlExecutor, sessionId: string, now: number, expiresAt: number) {
    const refreshToken = randomBytes(32).toString('base64url');
    await tx.run(
      `INSERT INTO ${REFRESH_TOKENS_TABLE} (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)`,
      [hashToken(refreshToken), sessionId, now, expiresAt],
    );
    return { refreshToken, refreshExpiresAt: expiresAt };
  }

  private async revokeIn(tx: SqlExecutor, sessionId: string, reason: string, now: number): Promise<boolean> {
    const r = await tx.run(
      `UPDATE ${SESSIONS_TABLE} SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL`,
      [now, reason, sessionId],
    );
    return r.changes > 0;
  }

  /** A revocation made here is seen at once by this process (other replicas: within the cache time). */
  private markRevoked(sessionId: string) {
    this.active.set(sessionId, { active: false, username: '', at: this.now() });
  }

  /** Sessions over for a day are deleted (with their tokens), at most once an hour. */
  private async pruneNowAndThen() {
    const now = this.now();
    if (now - this.lastPrune < 3_600_000) return;
    this.lastPrune = now;
    const before = now - 86_400_000;
    await this.db.transaction(async (tx) => {
      await tx.run(
        `DELETE FROM ${REFRESH_TOKENS_TABLE} WHERE session_id IN
         (SELECT id FROM ${SESSIONS_TABLE} WHERE expires_at < ? OR revoked_at < ?)`,
        [before, before],
      );
      await tx.run(`DELETE FROM ${SESSIONS_TABLE} WHERE expires_at < ? OR revoked_at < ?`, [before, before]);
    });
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
