/**
 * The document store's two adapters, held to one contract: files under the data directory (embedded)
 * and a PostgreSQL table (production). Content-addressed: the address is the SHA-256 of the bytes,
 * the same bytes are stored once, and a read refuses bytes that no longer hash to their address.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  DOCUMENTS_TABLE,
  FileDocumentStore,
  PostgresDocumentStore,
  readVerified,
  sha256Hex,
  type DocumentStore,
} from '../../apps/api/src/dossiers/document-store';

const DATABASE_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';
const unique = () => Buffer.from(`%PDF-1.7\n% ${Date.now()} ${Math.random()}\n`);

type Adapter = {
  name: string;
  open(): DocumentStore;
  /** Changes the stored bytes behind the store's back (a disk edit, an UPDATE). */
  tamper(hash: string, bytes: Buffer): Promise<void>;
  cleanup(): Promise<void>;
};

const dir = mkdtempSync(join(tmpdir(), 'tdkt-docs-'));
const adapters: Adapter[] = [
  {
    name: 'files in the data directory',
    open: () => new FileDocumentStore(dir),
    tamper: async (hash, bytes) => writeFileSync(join(dir, hash.slice(0, 2), hash), bytes),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  },
  {
    name: 'PostgreSQL (bytea)',
    open: () => new PostgresDocumentStore(DATABASE_URL),
    tamper: async (hash, bytes) => {
      const c = new Client({ connectionString: DATABASE_URL });
      await c.connect();
      try {
        await c.query(`UPDATE ${DOCUMENTS_TABLE} SET bytes = $2 WHERE hash = $1`, [hash, bytes]);
      } finally {
        await c.end();
      }
    },
    cleanup: async () => undefined,
  },
];

afterAll(async () => {
  for (const a of adapters) await a.cleanup();
});

describe.each(adapters)('DocumentStore: $name', (adapter) => {
  let store: DocumentStore;
  beforeAll(() => {
    store = adapter.open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('stores bytes under their SHA-256 and gives them back; storing them again is a no-op', async () => {
    const bytes = unique();
    const hash = await store.put(bytes);
    expect(hash).toBe(sha256Hex(bytes));
    expect(await store.put(bytes)).toBe(hash);
    expect((await readVerified(store, hash))?.equals(bytes)).toBe(true);
  });

  it('an unknown or malformed address is nothing', async () => {
    expect(await readVerified(store, sha256Hex(unique()))).toBeUndefined();
    expect(await readVerified(store, '../etc/passwd')).toBeUndefined();
  });

  it('bytes changed at rest are refused on read (DOCUMENT_INTEGRITY), never served', async () => {
    const bytes = unique();
    const hash = await store.put(bytes);
    await adapter.tamper(hash, Buffer.from('%PDF-1.7\n% altered\n'));
    await expect(readVerified(store, hash)).rejects.toMatchObject({ code: 'DOCUMENT_INTEGRITY', kind: 'CONFLICT' });
  });
});
