import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@tdkt/event-store';
import { rebuild, SqliteReadModelDb } from '@tdkt/projections';

/** The writer connection's `PRAGMA cache_size` (negative: KiB). */
function writerCacheSize(db: SqliteReadModelDb): number {
  const writer = (db as unknown as { writer: { db: { pragma(sql: string, o: { simple: true }): number } } }).writer;
  return writer.db.pragma('cache_size', { simple: true });
}

describe('SQLite read models: the writer page cache (memory of the live process)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tdkt-page-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is 2 MiB live, 32 MiB inside bulk(), and back to 2 MiB after it, also when it throws', async () => {
    const db = SqliteReadModelDb.open(join(dir, 'rm.sqlite'));
    try {
      expect(writerCacheSize(db)).toBe(-2000);
      await db.bulk(async () => expect(writerCacheSize(db)).toBe(-32768));
      expect(writerCacheSize(db)).toBe(-2000);
      await expect(
        db.bulk(async () => {
          throw new Error('batch failed');
        }),
      ).rejects.toThrow('batch failed');
      expect(writerCacheSize(db)).toBe(-2000);
    } finally {
      await db.close();
    }
  });

  it('rebuild() writes with the large cache', async () => {
    const db = SqliteReadModelDb.open(join(dir, 'rm.sqlite'));
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    const seen: number[] = [];
    const bulk = db.bulk.bind(db);
    db.bulk = (fn) =>
      bulk(async () => {
        seen.push(writerCacheSize(db));
        return fn();
      });
    try {
      await rebuild(db, store);
      expect(seen).toEqual([-32768]);
      expect(writerCacheSize(db)).toBe(-2000);
    } finally {
      await db.close();
      await store.close();
    }
  });
});
