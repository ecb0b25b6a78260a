/**
 * The read-model store: one async interface over SQLite (embedded) and PostgreSQL (production).
 *
 * SQL written against it must run on both: `?` placeholders (converted to `$n` for PostgreSQL),
 * `INSERT ... ON CONFLICT (...) DO UPDATE SET col = excluded.col`, JSON stored as TEXT, booleans as
 * INTEGER 0/1, BIGINT for positions (returned as JS numbers by both implementations).
 */

export type SqlParam = string | number | null;
export type Row = Record<string, unknown>;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface SqlExecutor {
  run(sql: string, params?: readonly SqlParam[]): Promise<RunResult>;
  all<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
}

export type ReadModelDialect = 'sqlite' | 'postgres';

export interface ReadModelDb extends SqlExecutor {
  readonly dialect: ReadModelDialect;
  /** A human-readable description of where the data lives (file or database/schema), for logs. */
  readonly description: string;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Transactions are serialised per process (SQLite: one writer; PostgreSQL: one pooled client each).
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** `SELECT ... FOR UPDATE` suffix: row lock on PostgreSQL, nothing on SQLite (its write lock is global). */
  readonly forUpdate: string;
  /** Runs `fn` (a rebuild's many large transactions) with settings for bulk writes, if the engine has any. */
  bulk?<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Upper bound of bound parameters per statement we generate (both engines allow far more). */
export const MAX_PARAMS_PER_STATEMENT = 4000;

/**
 * `INSERT INTO table (cols) VALUES (...), (...) [ON CONFLICT ...]` in chunks, so one round trip
 * carries many rows. `onConflict` is appended verbatim (e.g. `ON CONFLICT (id) DO UPDATE SET ...`).
 */
export async function insertMany(
  db: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlParam[])[],
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}${onConflict ? ` ${onConflict}` : ''}`;
    const params: SqlParam[] = [];
    for (const row of chunk) {
      if (row.length !== columns.length)
        throw new Error(`insertMany(${table}): row has ${row.length} values for ${columns.length} columns`);
      params.push(...row);
    }
    await db.run(sql, params);
  }
}

/** `ON CONFLICT (key) DO UPDATE SET c = excluded.c, ...` for every non-key column. */
export function upsertClause(key: readonly string[], columns: readonly string[]): string {
  const set = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  return `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set.join(', ')}`;
}

/** Splits values into chunks for `IN (?, ?, ...)` lists. */
export function chunks<T>(values: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** JS boolean → portable INTEGER 0/1, and back. */
export const toBit = (b: boolean | undefined | null) => (b ? 1 : 0);
export const fromBit = (v: unknown) => v === 1 || v === true || v === '1';
