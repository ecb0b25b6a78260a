import type { RecordedEvent } from '@tdkt/event-store';
import type { ReadModelDb, SqlExecutor } from './db/read-model-db';
import type { Projection } from './projection';

/**
 * One row per projection: the global position it has applied, and the version of its code that
 * built its tables (a different version rebuilds them, see projection-schema.ts).
 */
export const CHECKPOINTS_TABLE = 'projection_checkpoints';

export const CHECKPOINTS_DDL = [
  `CREATE TABLE IF NOT EXISTS ${CHECKPOINTS_TABLE} (
    name TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  )`,
];

/** The stored position of each projection (0 for one never run). */
export async function readCheckpoints(
  db: ReadModelDb,
  projections: readonly Projection[],
): Promise<Map<string, number>> {
  const rows = await db.all<{ name: string; position: number }>(`SELECT name, position FROM ${CHECKPOINTS_TABLE}`);
  const stored = new Map(rows.map((r) => [r.name, Number(r.position)]));
  return new Map(projections.map((p) => [p.name, stored.get(p.name) ?? 0]));
}

/**
 * Inside the caller's transaction: re-reads the stored checkpoint (locked on PostgreSQL), applies
 * only the events above it, and advances it. Returns the checkpoint written.
 */
export async function applyExactlyOnce(
  db: ReadModelDb,
  tx: SqlExecutor,
  projection: Projection,
  events: readonly RecordedEvent[],
  upTo: number,
): Promise<number> {
  const row = await tx.get<{ position: number }>(
    `SELECT position FROM ${CHECKPOINTS_TABLE} WHERE name = ?${db.forUpdate}`,
    [projection.name],
  );
  if (!row)
    throw new Error(`checkpoint row of ${projection.name} is missing (was the read model dropped while running?)`);
  const stored = Number(row.position);
  const todo = events.filter((e) => e.position > stored);
  if (todo.length) await projection.applyBatch(tx, todo);
  const next = Math.max(stored, upTo);
  if (next !== stored)
    await tx.run(`UPDATE ${CHECKPOINTS_TABLE} SET position = ?, updated_at = ? WHERE name = ?`, [
      next,
      new Date().toISOString(),
      projection.name,
    ]);
  return next;
}
