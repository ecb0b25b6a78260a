import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Mutex } from './mutex';
import type { ReadModelDb, Row, RunResult, SqlExecutor, SqlParam } from './read-model-db';

type Statement = Database.Statement<unknown[], unknown>;

/** One better-sqlite3 connection with a small prepared-statement cache. */
class Connection implements SqlExecutor {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Database.Database) {}

  private prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      if (this.statements.size >= 1000) this.statements.clear();
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  async run(sql: string, params: readonly SqlParam[] = []): Promise<RunResult> {
    const stmt = this.prepare(sql);
    if (stmt.reader) {
      stmt.all(...params);
      return { changes: 0 };
    }
    return { changes: stmt.run(...params).changes };
  }

  async all<T = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return this.prepare(sql).all(...params) as T[];
  }

  async get<T = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T | undefined> {
    return this.prepare(sql).get(...params) as T | undefined;
  }
}

export interface SqliteReadModelOptions {
  /** Database file; created (with its directory) when missing. `:memory:` works for a single process. */
  filename: string;
  /** busy_timeout in ms when another process holds the write lock (default 10 s). */
  busyTimeoutMs?: number;
}

/**
 * The writer's page cache (`PRAGMA cache_size`, negative: KiB). Live, SQLite's default 2 MiB: the
 * runner's batches are small, and the cache fills up to its size as the file grows (malloc'd pages,
 * kept until the connection closes) — 32 MiB live cost the embedded process 18 MiB of peak RSS at
 * 600 flows, at no CPU saved (bench/README.md, "Memory, round three"). During a rebuild (`bulk`),
 * 32 MiB: a 50,000-event batch's dirty index pages stay in memory until COMMIT instead of spilling
 * to the WAL mid-transaction (~25 % less CPU, measured 2026-11-23).
 */
const LIVE_CACHE_SIZE = -2000;
const BULK_CACHE_SIZE = -32768;

/**
 * SQLite read models (better-sqlite3, WAL). Writes go through one connection, serialised by a
 * mutex so an async transaction never interleaves with another; reads outside a transaction use a
 * second connection, so they only ever see committed data (WAL readers do not block the writer).
 */
export class SqliteReadModelDb implements ReadModelDb {
  readonly dialect = 'sqlite' as const;
  readonly forUpdate = '';
  readonly description: string;
  private readonly writer: Connection;
  private readonly reader: Connection;
  private readonly mutex: Mutex;
  private closed = false;
  /**
   * One mutex per file for the whole process: a second instance on the same file must wait here,
   * not in BEGIN IMMEDIATE's busy wait, which blocks the event loop and so the very transaction
   * it waits for (another process's transaction is not stuck that way).
   */
  private static readonly mutexes = new Map<string, Mutex>();

  private constructor(
    readonly filename: string,
    busyTimeoutMs: number,
  ) {
    const memory = filename === ':memory:';
    if (!memory) mkdirSync(dirname(resolve(filename)), { recursive: true });
    const writer = new Database(filename);
    writer.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (!memory) writer.pragma('journal_mode = WAL');
    // NORMAL, not FULL: in WAL mode a power loss can only drop the last commits, never corrupt, and
    // rows and checkpoint go back together; the runner then replays those events from the store.
    writer.pragma('synchronous = NORMAL');
    writer.pragma(`cache_size = ${LIVE_CACHE_SIZE}`);
    this.writer = new Connection(writer);
    if (memory) {
      this.reader = this.writer;
    } else {
      const reader = new Database(filename);
      reader.pragma(`busy_timeout = ${busyTimeoutMs}`);
      this.reader = new Connection(reader);
    }
    this.description = `SQLite ${memory ? ':memory:' : resolve(filename)}`;
    const key = memory ? undefined : resolve(filename);
    this.mutex = (key && SqliteReadModelDb.mutexes.get(key)) || new Mutex();
    if (key) SqliteReadModelDb.mutexes.set(key, this.mutex);
  }

  static open(options: SqliteReadModelOptions | string): SqliteReadModelDb {
    const o = typeof options === 'string' ? { filename: options } : options;
    return new SqliteReadModelDb(o.filename, o.busyTimeoutMs ?? 10_000);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.mutex.run(async () => {
      this.writer.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.writer);
        this.writer.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.writer.db.inTransaction) this.writer.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** Runs `fn` (a rebuild) with the large page cache, then gives its memory back. */
  async bulk<T>(fn: () => Promise<T>): Promise<T> {
    this.assertOpen();
    this.writer.db.pragma(`cache_size = ${BULK_CACHE_SIZE}`);
    try {
      return await fn();
    } finally {
      if (!this.closed) {
        this.writer.db.pragma(`cache_size = ${LIVE_CACHE_SIZE}`);
        this.writer.db.pragma('shrink_memory');
      }
    }
  }

  async run(sql: string, params?: readonly SqlParam[]): Promise<RunResult> {
    this.assertOpen();
    return this.mutex.run(() => this.writer.run(sql, params));
  }

  async all<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    this.assertOpen();
    return this.reader.all<T>(sql, params);
  }

  async get<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    this.assertOpen();
    return this.reader.get<T>(sql, params);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.mutex.run(async () => {
      this.closed = true;
      if (this.reader !== this.writer) this.reader.db.close();
      this.writer.db.close();
    });
  }

  private assertOpen() {
    if (this.closed) throw new Error(`${this.description} is closed`);
  }
}
