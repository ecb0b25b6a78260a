/**
 * Where dossier documents' bytes live, addressed by their SHA-256 (content-addressed: the same bytes
 * are stored once, a replaced document stays). One port, two adapters: files under the data
 * directory (embedded) and a PostgreSQL table (production, `DATABASE_URL`: every API replica sees
 * every document). The store only keeps bytes; whether they still hash to their address is checked
 * on every read by `readVerified`, so bytes altered at rest are never served.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Pool } from 'pg';
import { domainError } from '@tdkt/domain';

export interface DocumentStore {
  /** Stores the bytes under their SHA-256 (hex) and returns it; storing the same bytes again is a no-op. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes stored under `hash`, as they are now (not checked), or undefined. */
  get(hash: string): Promise<Buffer | undefined>;
  close(): Promise<void>;
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const HASH = /^[0-9a-f]{64}$/;

/** The bytes under `hash`, refused with DOCUMENT_INTEGRITY when they no longer hash to it. */
export async function readVerified(store: DocumentStore, hash: string): Promise<Buffer | undefined> {
  if (!HASH.test(hash)) return undefined;
  const bytes = await store.get(hash);
  if (bytes === undefined) return undefined;
  if (sha256Hex(bytes) !== hash) throw domainError('DOCUMENT_INTEGRITY');
  return bytes;
}

/** Files `<dir>/<first two hex>/<hash>`, written to a temporary name and renamed (never half a file). */
export class FileDocumentStore implements DocumentStore {
  constructor(private readonly dir: string) {}

  pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`not a SHA-256: ${hash}`);
    return join(this.dir, hash.slice(0, 2), hash);
  }

  async put(bytes: Buffer): Promise<string> {
    const hash = sha256Hex(bytes);
    const path = this.pathOf(hash);
    if ((await this.get(hash)) !== undefined) return hash;
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, path);
    return hash;
  }

  async get(hash: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(hash));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async close(): Promise<void> {}
}

export const DOCUMENTS_TABLE = 'dossier_documents';

/** One row per distinct content: `hash` (primary key), `bytes` (bytea), `size`, `stored_at`. */
export class PostgresDocumentStore implements DocumentStore {
  private readonly pool: Pool;
  private prepared?: Promise<void>;

  constructor(connectionString: string) {
    this.pool = new Pool({ connectionString, max: 4 });
  }

  private prepare(): Promise<void> {
    this.prepared ??= this.pool
      .query(
        `CREATE TABLE IF NOT EXISTS ${DOCUMENTS_TABLE} (
          hash TEXT PRIMARY KEY,
          bytes BYTEA NOT NULL,
          size INTEGER NOT NULL,
          stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )`,
      )
      .then(() => undefined);
    return this.prepared;
  }

  async put(bytes: Buffer): Promise<string> {
    await this.prepare();
    const hash = sha256Hex(bytes);
    await this.pool.query(
      `INSERT INTO ${DOCUMENTS_TABLE} (hash, bytes, size) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING`,
      [hash, bytes, bytes.length],
    );
    return hash;
  }

  async get(hash: string): Promise<Buffer | undefined> {
    await this.prepare();
    const r = await this.pool.query<{ bytes: Buffer }>(`SELECT bytes FROM ${DOCUMENTS_TABLE} WHERE hash = $1`, [hash]);
    return r.rows[0]?.bytes;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** PostgreSQL when `databaseUrl` is set (production), else files in `<dataDir>/documents`. */
export function openDocumentStore(config: { dataDir: string; databaseUrl?: string }): DocumentStore {
  return config.databaseUrl
    ? new PostgresDocumentStore(config.databaseUrl)
    : new FileDocumentStore(join(config.dataDir, 'documents'));
}
