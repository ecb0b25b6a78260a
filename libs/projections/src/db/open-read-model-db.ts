import { PostgresReadModelDb } from './postgres-read-model-db';
import type { ReadModelDb } from './read-model-db';
import { SqliteReadModelDb } from './sqlite-read-model-db';

export interface OpenReadModelDbOptions {
  /** PostgreSQL connection string (`DATABASE_URL`); when set, PostgreSQL is used. */
  databaseUrl?: string;
  /** SQLite file used when `databaseUrl` is not set. */
  sqliteFile: string;
  /** PostgreSQL only: keep the read models in this schema (created if missing), e.g. to isolate tests. */
  schema?: string;
  /** PostgreSQL only: pool size. */
  poolSize?: number;
}

/** PostgreSQL when a `databaseUrl` is given, else the SQLite file. */
export async function openReadModelDb(options: OpenReadModelDbOptions): Promise<ReadModelDb> {
  if (options.databaseUrl) {
    return PostgresReadModelDb.open({
      connectionString: options.databaseUrl,
      schema: options.schema,
      max: options.poolSize,
    });
  }
  if (!options.sqliteFile) throw new Error('openReadModelDb: set databaseUrl (PostgreSQL) or sqliteFile (SQLite)');
  return SqliteReadModelDb.open({ filename: options.sqliteFile });
}
