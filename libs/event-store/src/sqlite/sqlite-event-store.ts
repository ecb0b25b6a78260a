import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  AppendResult,
  ConcurrencyError,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { EventFilter, hasPrefixes } from '../event-filter';
import { actualRevision, assertDistinctIds, meetsExpectation } from '../append-rules';
import { PolledLog, SqliteSubscription } from './sqlite-subscription';
import type { AuditedEventStore } from '../audit/audit-log.port';
import { SqliteAuditLog } from '../audit/sqlite-audit-log';
import type { StoredEnvelope } from '../audit/leaf';

export interface SqliteEventStoreOptions {
  /** Database file; ':memory:' for a private, throw-away store. */
  filename: string;
  /** How often live subscriptions look for events appended by other processes. */
  pollIntervalMs?: number;
  /** Events per read during a subscription's catch-up. */
  pageSize?: number;
  /** How long a writer waits for another process's transaction before failing. */
  busyTimeoutMs?: number;
  /**
   * Keep the tamper-evident audit log (default true): each event committed is a leaf of its Merkle
   * tree, hashed and stored after the commit (SqliteAuditLog). Off only to measure what it costs
   * (bench): a store opened without it logs nothing, and a later one with it logs those rows too.
   */
  audit?: boolean;
  /**
   * Which commits have the audit log's leaves hashed on a second thread: those of at least
   * `leafHashingThread` events (default THREAD_MIN_EVENTS, 32; 1: every commit); `false`: none. The
   * others' leaves the follower hashes from the rows on the appending thread, once 1,024 wait or a
   * second after the last (bench/append-leaf-thread.ts measures the three).
   */
  leafHashingThread?: number | false;
}

interface EventRow {
  position: number;
  stream: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

interface StoredId {
  revision: number;
  position: number;
}

/** An append waiting for the next group commit. */
interface PendingAppend {
  stream: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** An append's outcome in a group commit. */
type AppendOutcome = { result: AppendResult } | { error: unknown };

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    event_id    TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    leaf_hash   BLOB,
    leaf_salt   BLOB,
    tree_nodes  BLOB
  );
  CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
  -- (event_id, stream), not (stream, event_id): the same uniqueness, and it also finds an event by
  -- its id alone (the audit log's proofs), so an audited append maintains no extra index.
  CREATE UNIQUE INDEX IF NOT EXISTS events_event_id_stream ON events (event_id, stream);
  CREATE TABLE IF NOT EXISTS store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
`;

/** store_meta key of the store's identity (see EventStore.storeId). */
const STORE_ID_KEY = 'store_id';

/**
 * The embedded event store: one SQLite file that several processes (API, workers) share.
 * WAL lets readers run beside the single writer; appends take the write lock up front
 * (BEGIN IMMEDIATE) so the expected-revision check and the insert see the same state.
 */
export class SqliteEventStore implements EventStore, AuditedEventStore {
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly appendWaiters = new Set<() => void>();
  private readonly readAllStatements = new Map<string, Database.Statement>();
  private readonly appendTransaction: Database.Transaction<
    (stream: string, events: EventToAppend[], expected: ExpectedRevision) => AppendResult
  >;
  /** Several appends in one transaction, each in its own savepoint (see `append`). */
  private readonly groupTransaction: Database.Transaction<(group: PendingAppend[]) => AppendOutcome[]>;
  private pending: PendingAppend[] = [];
  private appended = { appends: 0, commits: 0 };
  private readonly statements: {
    lastRevision: Database.Statement<[string], { revision: number | null }>;
    storedId: Database.Statement<[string, string], StoredId>;
    insert: Database.Statement<[string, number, string, string, string, string, string]>;
    readStream: Database.Statement<[string, number, number], EventRow>;
    head: Database.Statement<[], { head: number }>;
  };
  private readonly audit?: SqliteAuditLog;
  private closed = false;
  private closing?: Promise<void>;
  private readonly id: string;

  constructor(options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 25;
    this.pageSize = options.pageSize ?? 500;
    if (options.filename !== ':memory:' && !options.filename.startsWith('file:')) {
      mkdirSync(dirname(options.filename), { recursive: true });
    }
    this.db = new Database(options.filename, { timeout: options.busyTimeoutMs ?? 10_000 });
    this.db.pragma('journal_mode = WAL');
    // FULL: an append acknowledged to the caller survives a power loss, not only a crash.
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    // Indexes of earlier versions that events_event_id_stream replaces.
    this.db.exec('DROP INDEX IF EXISTS events_stream_event_id; DROP INDEX IF EXISTS events_event_id');
    // Generated once, by whichever process creates (or first opens, for an older file) the store.
    this.db.prepare('INSERT OR IGNORE INTO store_meta (key, value) VALUES (?, ?)').run(STORE_ID_KEY, randomUUID());
    this.id = this.db
      .prepare<[string], { value: string }>('SELECT value FROM store_meta WHERE key = ?')
      .get(STORE_ID_KEY)!.value;
    this.statements = {
      lastRevision: this.db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream = ?'),
      storedId: this.db.prepare('SELECT revision, position FROM events WHERE stream = ? AND event_id = ?'),
      insert: this.db.prepare(
        `INSERT INTO events (stream, revision, event_id, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      readStream: this.db.prepare('SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?'),
      head: this.db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
    };
    this.appendTransaction = this.db.transaction((stream, events, expected) =>
      this.appendInTransaction(stream, events, expected),
    );
    // Called inside the group's transaction, appendTransaction is a savepoint: a refused append
    // (expected revision, a partly stored retry) rolls back alone and the others commit.
    this.groupTransaction = this.db.transaction((group: PendingAppend[]) =>
      group.map((p): AppendOutcome => {
        try {
          return { result: this.appendTransaction(p.stream, p.events, p.expected) };
        } catch (error) {
          return { error };
        }
      }),
    );
    if (options.audit ?? true) {
      // An append writes its rows only: their leaves are hashed and stored after the commit (see SqliteAuditLog).
      this.audit = new SqliteAuditLog(
        this.db,
        (row) => toRecordedEvent(row as unknown as EventRow),
        (row) => toStoredEnvelope(row as unknown as EventRow),
        options.leafHashingThread === false ? Infinity : options.leafHashingThread,
      );
    }
  }

  /** The Merkle log over this store's events and its signed checkpoints (same file). */
  auditLog(): SqliteAuditLog {
    if (!this.audit) throw new Error('This event store was opened without its audit log');
    return this.audit;
  }

  static open(filename: string): SqliteEventStore {
    return new SqliteEventStore({ filename });
  }

  /**
   * Group commit: the appends asked for during one turn of the event loop are written in ONE
   * transaction, so one fsync (synchronous = FULL) acknowledges them all. The commit blocks this
   * process's only thread; one per append held it ~3–13 ms each (the disk's fsync) with 50 commands
   * in flight. Each append is decided alone (its own savepoint: expected revision, idempotent retry)
   * and answered only after the commit, so what an append promises is unchanged.
   */
  append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertDistinctIds(stream, events);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      if (this.pending.push({ stream, events, expected, resolve, reject }) === 1)
        setImmediate(() => this.commitPending());
    });
  }

  /** Appends answered and the transactions that wrote them (appends ÷ commits: the mean group size). */
  appendStats(): { appends: number; commits: number } {
    return { ...this.appended };
  }

  /** Writes the appends waiting for the group commit, then answers each (see `append`). */
  private commitPending(): void {
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      if (this.closed) throw new Error('The event store is closed');
      if (group.length === 1)
        outcomes = [{ result: this.appendTransaction.immediate(group[0].stream, group[0].events, group[0].expected) }];
      else outcomes = this.groupTransaction.immediate(group);
    } catch (error) {
      // Nothing committed (BEGIN or COMMIT failed, or the single append was refused).
      for (const p of group) p.reject(error);
      return;
    }
    this.appended.appends += group.length;
    this.appended.commits++;
    let last: number | undefined;
    let written = 0;
    for (const outcome of outcomes)
      if ('result' in outcome && !outcome.result.idempotent && outcome.result.positions.length > 0) {
        last = Math.max(last ?? 0, outcome.result.position);
        written += outcome.result.positions.length;
      }
    if (last !== undefined) {
      this.audit?.committed(last, written);
      this.notifyAppended();
    }
    outcomes.forEach((outcome, i) => {
      if ('result' in outcome) group[i].resolve(outcome.result);
      else group[i].reject(outcome.error);
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const rows = this.statements.readStream.all(stream, options.fromRevision ?? 0, limitOf(options.maxCount));
    return rows.map(toRecordedEvent);
  }

  async streamRevision(stream: string): Promise<number> {
    this.assertOpen();
    return this.currentRevision(stream);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.page(options.fromPosition ?? 0, undefined, options.maxCount, options);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.statements.head.get()!.head;
  }

  async storeId(): Promise<string> {
    this.assertOpen();
    return this.id;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.assertOpen();
    const log: PolledLog = {
      headPosition: () => this.statements.head.get()!.head,
      page: (after, upTo, limit, filter) => this.page(after, upTo, limit, filter),
      waitForAppend: (timeoutMs) => this.waitForAppend(timeoutMs),
    };
    const subscription: SqliteSubscription = new SqliteSubscription(
      log,
      options,
      { pollIntervalMs: this.pollIntervalMs, pageSize: this.pageSize },
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      // Subscriptions first: a running handler may still read through this store.
      await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
      this.commitPending(); // appends asked for before the close are written, not dropped
      this.closed = true;
      await this.audit?.close();
      this.db.close();
    })();
    return this.closing;
  }

  /** Runs inside BEGIN IMMEDIATE: nobody else can append between the checks and the inserts. */
  private appendInTransaction(stream: string, events: EventToAppend[], expected: ExpectedRevision): AppendResult {
    const current = this.currentRevision(stream);
    const stored = events.map((event) => this.statements.storedId.get(stream, event.id));
    const storedCount = stored.filter((found) => found !== undefined).length;
    if (storedCount > 0) {
      // A retry of an earlier append: answer as the original did, whatever it expected.
      if (storedCount === events.length && isConsecutive(stored as StoredId[])) {
        return idempotentResult(stored as StoredId[]);
      }
      // Partly stored, or stored in another order: not the same append, so a conflict.
      throw new ConcurrencyError(stream, expected, actualRevision(current));
    }
    if (!meetsExpectation(expected, current)) throw new ConcurrencyError(stream, expected, actualRevision(current));

    const recordedAt = new Date().toISOString();
    const positions = events.map((event, index) =>
      Number(
        this.statements.insert.run(
          stream,
          current + 1 + index,
          event.id,
          event.type,
          JSON.stringify(event.data) ?? 'null',
          JSON.stringify(event.metadata),
          recordedAt,
        ).lastInsertRowid,
      ),
    );
    return {
      nextExpectedRevision: current + events.length,
      position: positions.length > 0 ? positions[positions.length - 1] : this.statements.head.get()!.head,
      positions,
      idempotent: false,
    };
  }

  private currentRevision(stream: string): number {
    return this.statements.lastRevision.get(stream)?.revision ?? -1;
  }

  /** Events with after < position (<= upTo), filtered in SQL; statements are cached per filter shape. */
  private page(
    after: number,
    upTo: number | undefined,
    limit: number | undefined,
    filter: EventFilter,
  ): RecordedEvent[] {
    const types = hasPrefixes(filter.eventTypePrefixes) ? filter.eventTypePrefixes : [];
    const streams = hasPrefixes(filter.streamPrefixes) ? filter.streamPrefixes : [];
    const key = `${types.length}:${streams.length}:${upTo === undefined ? '' : 'upTo'}`;
    let statement = this.readAllStatements.get(key);
    if (!statement) {
      // instr(x, p) = 1 is "x starts with p", byte-exact and without LIKE's wildcards or case folding.
      const anyPrefix = (column: string, count: number) =>
        `(${Array.from({ length: count }, () => `instr(${column}, ?) = 1`).join(' OR ')})`;
      const where = ['position > ?'];
      if (upTo !== undefined) where.push('position <= ?');
      if (types.length > 0) where.push(anyPrefix('type', types.length));
      if (streams.length > 0) where.push(anyPrefix('stream', streams.length));
      statement = this.db.prepare(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`);
      this.readAllStatements.set(key, statement);
    }
    const params = [after, ...(upTo === undefined ? [] : [upTo]), ...types, ...streams, limitOf(limit)];
    return (statement.all(...params) as EventRow[]).map(toRecordedEvent);
  }

  private waitForAppend(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.appendWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.appendWaiters.add(done);
    });
  }

  /** Same-process subscribers wake at once; other processes' subscribers find it on their next poll. */
  private notifyAppended(): void {
    for (const wake of [...this.appendWaiters]) wake();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

function isConsecutive(stored: StoredId[]): boolean {
  return stored.every((found, index) => found.revision === stored[0].revision + index);
}

function idempotentResult(stored: StoredId[]): AppendResult {
  const last = stored[stored.length - 1];
  return {
    nextExpectedRevision: last.revision,
    position: last.position,
    positions: stored.map((found) => found.position),
    idempotent: true,
  };
}

/** SQLite reads LIMIT -1 as "no limit". */
function limitOf(maxCount: number | undefined): number {
  return maxCount === undefined ? -1 : Math.max(0, maxCount);
}

function toStoredEnvelope(row: EventRow): StoredEnvelope {
  return {
    id: row.event_id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
  };
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
  };
}
