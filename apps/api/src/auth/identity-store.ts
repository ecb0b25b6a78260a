import bcrypt from 'bcryptjs';
import type { ReadModelDb } from '@tdkt/projections';

export const USERS_TABLE = 'app_users';

/** bcrypt cost: ~50–100 ms per hash on a small server; a login costs one compare. */
export const BCRYPT_ROUNDS = 10;

/**
 * Password hashes of the users the organisation directory names (roles and scope live in the
 * directory; only the credential lives here). Kept apart from the read models: a projection
 * rebuild never touches it.
 */
export class IdentityStore {
  constructor(private readonly db: ReadModelDb) {}

  async prepare(): Promise<void> {
    await this.db.run(`CREATE TABLE IF NOT EXISTS ${USERS_TABLE} (
      username TEXT PRIMARY KEY,
      password_hash TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
  }

  async count(): Promise<number> {
    const row = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${USERS_TABLE}`);
    return Number(row?.n ?? 0);
  }

  async passwordHash(username: string): Promise<string | undefined> {
    const row = await this.db.get<{ password_hash: string }>(
      `SELECT password_hash FROM ${USERS_TABLE} WHERE username = ?`,
      [username],
    );
    return row?.password_hash;
  }

  async setPassword(username: string, password: string): Promise<void> {
    const hash = await bcrypt.hash(password, BCRYPT_ROUNDS);
    await this.db.run(
      `INSERT INTO ${USERS_TABLE} (username, password_hash, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
      [username, hash, new Date().toISOString()],
    );
  }

  /**
   * Demo seeding (embedded mode only): on an empty identity store, every directory user gets the
   * demo password. Returns the usernames seeded (none when users already exist).
   */
  async seedDemoUsers(usernames: string[], password: string): Promise<string[]> {
    if ((await this.count()) > 0) return [];
    for (const u of usernames) await this.setPassword(u, password);
    return usernames;
  }
}
