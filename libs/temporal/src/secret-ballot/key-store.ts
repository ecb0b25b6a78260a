/**
 * The private keys of secret items: made when a session opens, used to blind-sign, destroyed when
 * it closes. They live only here — a table of their own (SQLite in the data dir, or PostgreSQL),
 * never in an event, a workflow payload or a read model.
 */
import type { ReadModelDb } from '@tdkt/projections';
import { generateItemKey } from './blind-rsa';

export interface SecretKeyStore {
  /** The item's public key, made on first call (idempotent: a retried open gets the same key). */
  publicKey(sessionId: string, nominationId: string): Promise<string>;
  /** The item's private key, or undefined once destroyed. */
  privateKey(sessionId: string, nominationId: string): Promise<string | undefined>;
  /** Destroys every key of the session. */
  destroy(sessionId: string): Promise<void>;
}

export const SECRET_KEYS_TABLE = 'secret_item_keys';

export class SqlSecretKeyStore implements SecretKeyStore {
  private prepared?: Promise<void>;
  constructor(private readonly db: ReadModelDb) {}

  private prepare(): Promise<void> {
    this.prepared ??= this.db
      .run(
        `CREATE TABLE IF NOT EXISTS ${SECRET_KEYS_TABLE} (
      session_id TEXT NOT NULL,
      nomination_id TEXT NOT NULL,
      public_key TEXT NOT NULL,
      private_key TEXT NOT NULL,
      PRIMARY KEY (session_id, nomination_id)
    )`,
      )
      .then(() => undefined);
    return this.prepared;
  }

  async publicKey(sessionId: string, nominationId: string): Promise<string> {
    await this.prepare();
    const existing = await this.row(sessionId, nominationId);
    if (existing) return existing.public_key;
    const key = await generateItemKey();
    await this.db.run(
      `INSERT INTO ${SECRET_KEYS_TABLE} (session_id, nomination_id, public_key, private_key) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, nomination_id) DO NOTHING`,
      [sessionId, nominationId, key.publicKey, key.privateKey],
    );
    return (await this.row(sessionId, nominationId))!.public_key;
  }

  async privateKey(sessionId: string, nominationId: string): Promise<string | undefined> {
    await this.prepare();
    return (await this.row(sessionId, nominationId))?.private_key;
  }

  async destroy(sessionId: string): Promise<void> {
    await this.prepare();
    await this.db.run(`DELETE FROM ${SECRET_KEYS_TABLE} WHERE session_id = ?`, [sessionId]);
  }

  private row(sessionId: string, nominationId: string) {
    return this.db.get<{ public_key: string; private_key: string }>(
      `SELECT public_key, private_key FROM ${SECRET_KEYS_TABLE} WHERE session_id = ? AND nomination_id = ?`,
      [sessionId, nominationId],
    );
  }
}

/** Keys in memory: for a single worker process (tests); lost when it stops. */
export class MemorySecretKeyStore implements SecretKeyStore {
  private readonly keys = new Map<string, Promise<{ publicKey: string; privateKey: string }>>();
  private readonly k = (s: string, n: string) => `${s}\u0000${n}`;
  async publicKey(sessionId: string, nominationId: string) {
    const id = this.k(sessionId, nominationId);
    if (!this.keys.has(id)) this.keys.set(id, generateItemKey());
    return (await this.keys.get(id)!).publicKey;
  }
  async privateKey(sessionId: string, nominationId: string) {
    return (await this.keys.get(this.k(sessionId, nominationId)))?.privateKey;
  }
  async destroy(sessionId: string) {
    for (const id of [...this.keys.keys()]) if (id.startsWith(`${sessionId}\u0000`)) this.keys.delete(id);
  }
}
