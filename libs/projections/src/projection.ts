import type { RecordedEvent } from '@tdkt/event-store';
import type { ReadModelDialect, SqlExecutor } from './db/read-model-db';

/**
 * One read model fed by the event log. The runner hands it batches of events (in global order,
 * only from `streamPrefixes`, each event exactly once) inside the same transaction that advances
 * its checkpoint, so rows and checkpoint always agree.
 */
export interface Projection {
  /** Checkpoint name; stable. */
  readonly name: string;
  /** Bump when the tables or the way they are computed change: the projection is then rebuilt from zero on start. */
  readonly version: number;
  /** Streams it reads (prefixes of stream names, e.g. `nomination-`). */
  readonly streamPrefixes: readonly string[];
  /** Tables it owns (dropped on rebuild). */
  readonly tables: readonly string[];
  /**
   * Search indexes kept beside `tables` (e.g. an SQLite FTS5 table): dropped with them on rebuild,
   * not counted as read-model rows.
   */
  readonly indexTables?: readonly string[];
  /**
   * Idempotent DDL: `CREATE TABLE IF NOT EXISTS`, `CREATE INDEX IF NOT EXISTS`; valid on SQLite and
   * PostgreSQL, or given per dialect where they differ (full-text indexes).
   */
  readonly ddl: readonly string[] | ((dialect: ReadModelDialect) => readonly string[]);
  /** Applies events (all with positions above the checkpoint) inside the caller's transaction. */
  applyBatch(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void>;
}

/** The projection's DDL for this database. */
export const ddlFor = (projection: Pick<Projection, 'ddl'>, dialect: ReadModelDialect): readonly string[] =>
  typeof projection.ddl === 'function' ? projection.ddl(dialect) : projection.ddl;

/** Every table the projection owns, search indexes included (what a rebuild drops). */
export const ownedTables = (projection: Pick<Projection, 'tables' | 'indexTables'>): string[] => [
  ...projection.tables,
  ...(projection.indexTables ?? []),
];

export const matchesStreams = (projection: Pick<Projection, 'streamPrefixes'>, stream: string) =>
  projection.streamPrefixes.length === 0 || projection.streamPrefixes.some((p) => stream.startsWith(p));
