import type { ReadModelDb, SqlExecutor } from './db/read-model-db';
import { CHECKPOINTS_DDL, CHECKPOINTS_TABLE } from './checkpoints';
import { ddlFor, ownedTables, Projection } from './projection';
import { checkStoreSource, forgetStoreSource, type StoreSourceCheck, type StoreSourceOptions } from './store-source';
import type { EventStore } from '@tdkt/event-store';

/** The store the read models follow, checked (and recorded) before the tables are prepared. */
export interface PrepareSource extends StoreSourceOptions {
  store: Pick<EventStore, 'storeId' | 'headPosition'>;
}

/**
 * Creates the checkpoint table and each projection's tables; a projection whose stored version
 * differs from its code's is dropped and starts again from zero (a rebuild on upgrade). With a
 * `source`, read models of another store (or beyond its head) are rebuilt or refused first
 * (store-source.ts). One transaction under the schema lock, so runners starting together do not
 * race on the DDL.
 */
export async function prepareProjections(
  db: ReadModelDb,
  projections: readonly Projection[],
  source?: PrepareSource,
): Promise<StoreSourceCheck | undefined> {
  // Locking the checkpoints can deadlock with a live runner's batch on the same PostgreSQL database
  // (each locks them in its own order; PostgreSQL aborts one whole): the preparation then runs again.
  return retryingConflicts(() => prepareOnce(db, projections, source));
}

async function prepareOnce(
  db: ReadModelDb,
  projections: readonly Projection[],
  source?: PrepareSource,
): Promise<StoreSourceCheck | undefined> {
  return db.transaction(async (tx) => {
    await lockSchema(db, tx);
    for (const ddl of CHECKPOINTS_DDL) await tx.run(ddl);
    const check = source ? await checkStoreSource(db, tx, projections, source.store, source) : undefined;
    for (const p of projections) {
      const row = await tx.get<{ version: number }>(
        `SELECT version FROM ${CHECKPOINTS_TABLE} WHERE name = ?${db.forUpdate}`,
        [p.name],
      );
      const now = new Date().toISOString();
      if (row && Number(row.version) !== p.version) {
        for (const table of ownedTables(p)) await tx.run(`DROP TABLE IF EXISTS ${table}`);
        await tx.run(`UPDATE ${CHECKPOINTS_TABLE} SET position = 0, version = ?, updated_at = ? WHERE name = ?`, [
          p.version,
          now,
          p.name,
        ]);
      }
      for (const ddl of ddlFor(p, db.dialect)) await tx.run(ddl);
      if (!row)
        await tx.run(
          `INSERT INTO ${CHECKPOINTS_TABLE} (name, position, version, updated_at) VALUES (?, 0, ?, ?) ON CONFLICT (name) DO NOTHING`,
          [p.name, p.version, now],
        );
    }
    return check;
  });
}

/** Drops the projections' tables and checkpoints (they start from zero on the next start). */
export async function resetProjections(db: ReadModelDb, projections: readonly Projection[]): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSchema(db, tx);
    for (const ddl of CHECKPOINTS_DDL) await tx.run(ddl);
    for (const p of projections) {
      for (const table of ownedTables(p)) await tx.run(`DROP TABLE IF EXISTS ${table}`);
      await tx.run(`DELETE FROM ${CHECKPOINTS_TABLE} WHERE name = ?`, [p.name]);
    }
    await forgetStoreSource(tx);
  });
}

/**
 * PostgreSQL's `CREATE TABLE IF NOT EXISTS` is not safe against a concurrent twin (duplicate
 * pg_type key), so DDL runs under a transaction-scoped advisory lock. SQLite's BEGIN IMMEDIATE
 * already excludes other writers.
 */
export async function lockSchema(db: ReadModelDb, tx: SqlExecutor): Promise<void> {
  if (db.dialect === 'postgres') await tx.get(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`);
}

/** Arbitrary, fixed: "TDKT" in ASCII. */
const SCHEMA_LOCK_KEY = 0x54444b54;

/** PostgreSQL's deadlock and serialization failures: the transaction was aborted whole, and may simply run again. */
const CONFLICTS = new Set(['40P01', '40001']);

async function retryingConflicts<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !CONFLICTS.has(String((error as { code?: unknown }).code))) throw error;
      await new Promise((r) => setTimeout(r, 50 * 2 ** (attempt - 1)));
    }
  }
}
