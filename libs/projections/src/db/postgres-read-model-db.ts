import { Pool, PoolClient, types as pgTypes } from 'pg';
import type { ReadModelDb, Row, RunResult, SqlExecutor, SqlParam } from './read-model-db';

/**
 * `?` → `$1, $2, ...`, leaving `?` inside quoted strings, quoted identifiers and comments alone.
 * (The SQL of this library never uses the PostgreSQL JSON operators `?`, `?|`, `?&`.)
 */
export function toPgPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      out += `$${++n}`;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** INT8 (COUNT(*), BIGINT positions) as JS numbers, as SQLite returns them; everything else unchanged. */
const INT8_OID = 20;
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return (pgTypes.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  }) as typeof pgTypes.getTypeParser,
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresReadModelOptions {
  connectionString: string;
  /** A schema to keep the read models in (created if missing; becomes the search_path). */
  schema?: string;
  /** Pool size (default 10). */
  max?: number;
}

class ClientExecutor implements SqlExecutor {
  constructor(private readonly client: Pick<PoolClient, 'query'>) {}

  async run(sql: string, params: readonly SqlParam[] = []): Promise<RunResult> {
    const r = await this.client.query(toPgPlaceholders(sql), params as SqlParam[]);
    return { changes: r.rowCount ?? 0 };
  }

  async all<T = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const r = await this.client.query(toPgPlaceholders(sql), params as SqlParam[]);
    return r.rows as T[];
  }

  async get<T = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
}

/** PostgreSQL read models over a `pg` Pool. */
export class PostgresReadModelDb implements ReadModelDb {
  readonly dialect = 'postgres' as const;
  readonly forUpdate = ' FOR UPDATE';
  readonly description: string;
  private readonly pool: Pool;
  private readonly executor: ClientExecutor;
  private closed = false;

  private constructor(pool: Pool, description: string) {
    this.pool = pool;
    this.executor = new ClientExecutor(pool);
    this.description = description;
  }

  /** Connects (so a wrong URL fails here, clearly) and creates the schema when one is given. */
  static async open(options: PostgresReadModelOptions): Promise<PostgresReadModelDb> {
    const { schema } = options;
    if (schema !== undefined && !SCHEMA_NAME.test(schema))
      throw new Error(`Read-model schema name ${JSON.stringify(schema)} must match ${SCHEMA_NAME}`);
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      types: typeParsers,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const where = safeUrl(options.connectionString);
    try {
      const client = await pool.connect();
      try {
        if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new Error(`Cannot connect to the read-model PostgreSQL database at ${where}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return new PostgresReadModelDb(pool, `PostgreSQL ${where}${schema ? ` (schema ${schema})` : ''}`);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.assertOpen();
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(new ClientExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  run(sql: string, params?: readonly SqlParam[]): Promise<RunResult> {
    this.assertOpen();
    return this.executor.run(sql, params);
  }

  all<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    this.assertOpen();
    return this.executor.all<T>(sql, params);
  }

  get<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    this.assertOpen();
    return this.executor.get<T>(sql, params);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private assertOpen() {
    if (this.closed) throw new Error(`${this.description} is closed`);
  }
}

/** The URL without its password, for messages. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
