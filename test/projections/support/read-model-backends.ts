import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresReadModelDb, SqliteReadModelDb, type ReadModelDb } from '@tdkt/projections';

export const DATABASE_URL_TEST = process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A place for read models that a test can open several times (as a restarted process would) and
 * throw away: a temp SQLite file, or a PostgreSQL schema unique to this run (so concurrent runs
 * never see each other's rows). PostgreSQL being unreachable fails the test: it is never skipped.
 */
export interface ReadModelBackend {
  readonly name: 'SQLite' | 'PostgreSQL';
  open(): Promise<ReadModelDb>;
  dispose(): Promise<void>;
}

export type BackendFactory = () => ReadModelBackend;

export const sqliteBackend: BackendFactory = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-read-models-'));
  return {
    name: 'SQLite',
    open: async () => SqliteReadModelDb.open({ filename: join(dir, 'read-models.sqlite') }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

export const postgresBackend: BackendFactory = () => {
  const schema = `tdkt_test_${process.pid}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  return {
    name: 'PostgreSQL',
    open: () => PostgresReadModelDb.open({ connectionString: DATABASE_URL_TEST, schema, max: 4 }),
    dispose: async () => {
      const client = new Client({ connectionString: DATABASE_URL_TEST });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
};

export const backends: [string, BackendFactory][] = [
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
];

/** Every row of the read-model tables, in a stable order, for comparing two databases. */
export async function snapshot(db: ReadModelDb): Promise<Record<string, unknown[]>> {
  const ordered: Record<string, string> = {
    nominations: 'id',
    audit_entries: 'position',
    awards: 'nomination_id',
    inbox: 'nomination_id, awaitee',
    inbox_state: 'nomination_id',
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(ordered))
    out[table] = await db.all(`SELECT * FROM ${table} ORDER BY ${order}`);
  return out;
}
