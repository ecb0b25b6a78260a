import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import type { AuditLog, LoggedEvent, SignedCheckpoint } from './audit-log.port';
import { newLeafSalt, saltedLeafHash, type StoredEnvelope } from './leaf';
import { frontierOf } from './merkle/frontier';
import { Hash, nodeHash } from './merkle/hashing';
import { consistencyProof, inclusionProof, PerfectSubtrees, rootHash } from './merkle/tree';

/**
 * Levels of the tree kept on disk: the leaves (0) and every STRIDE-th level above. A node of any
 * other level is folded from at most 2^(STRIDE−1) stored nodes below it when a proof needs it, so an
 * append writes ~1.07 rows per event instead of ~2 and a proof still reads O(log n) small ranges.
 */
const STRIDE = 4;

/** Leaf rows per INSERT statement (an append of more is split). */
const LEAVES_PER_INSERT = 100;

export const AUDIT_TREE_TABLE = 'audit_tree';
export const AUDIT_CHECKPOINTS_TABLE = 'audit_checkpoints';
export const AUDIT_META_TABLE = 'audit_meta';
/** audit_meta key: the number of unsalted (v1) leaves the log began with (0 for a log salted from the start). */
const UNSALTED_PREFIX_KEY = 'unsalted_prefix';

export const AUDIT_SCHEMA = `
  CREATE TABLE IF NOT EXISTS ${AUDIT_TREE_TABLE} (
    level INTEGER NOT NULL,
    idx   INTEGER NOT NULL,
    hash  BLOB    NOT NULL,
    salt  BLOB,
    PRIMARY KEY (level, idx)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS ${AUDIT_META_TABLE} (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ${AUDIT_CHECKPOINTS_TABLE} (
    tree_size INTEGER PRIMARY KEY,
    root_hash TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    key_id    TEXT NOT NULL,
    signature TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS events_event_id ON events (event_id);
`;

/** An events row with its leaf's salt (null: a v1 leaf, or no leaf yet). */
type Row = Record<string, unknown> & { salt: Buffer | null };

interface CheckpointRow {
  tree_size: number;
  root_hash: string;
  issued_at: string;
  key_id: string;
  signature: string;
}

/**
 * The audit log of the SQLite event store, in the same file: the Merkle tree's nodes in `audit_tree`,
 * written by the append's own transaction (an event and its leaf commit together or not at all),
 * and the signed checkpoints. Leaf index = position − 1 (SQLite positions are dense).
 */
export class SqliteAuditLog implements AuditLog, PerfectSubtrees {
  private readonly statements: {
    insertNode: Database.Statement<[number, number, Buffer, Buffer | null]>;
    node: Database.Statement<[number, number], { hash: Buffer }>;
    nodes: Database.Statement<[number, number, number], { hash: Buffer }>;
    size: Database.Statement<[], { size: number }>;
    byEventId: Database.Statement<[string], Row>;
    byPosition: Database.Statement<[number, number], Row>;
    byRange: Database.Statement<[number, number], Row>;
    insertCheckpoint: Database.Statement<[number, string, string, string, string]>;
    checkpoints: Database.Statement<[number, number, number], CheckpointRow>;
    latest: Database.Statement<[], CheckpointRow>;
  };

  constructor(
    private readonly db: Database.Database,
    private readonly toRecordedEvent: (row: Record<string, unknown>) => RecordedEvent,
    private readonly toStored: (row: Record<string, unknown>) => StoredEnvelope,
  ) {
    this.unsaltedPrefix = migrate(db);
    this.statements = {
      insertNode: db.prepare(`INSERT INTO ${AUDIT_TREE_TABLE} (level, idx, hash, salt) VALUES (?, ?, ?, ?)`),
      node: db.prepare(`SELECT hash FROM ${AUDIT_TREE_TABLE} WHERE level = ? AND idx = ?`),
      nodes: db.prepare(`SELECT hash FROM ${AUDIT_TREE_TABLE} WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx`),
      // ORDER BY … LIMIT 1 seeks the end of the key range (MAX() with a WHERE would scan the level).
      size: db.prepare(
        `SELECT COALESCE((SELECT idx + 1 FROM ${AUDIT_TREE_TABLE} WHERE level = 0 ORDER BY idx DESC LIMIT 1), 0) AS size`,
      ),
      byEventId: db.prepare(
        `SELECT e.*, t.salt FROM events e ${LEAF_JOIN} WHERE e.event_id = ? ORDER BY e.position LIMIT 1`,
      ),
      byPosition: db.prepare(`SELECT *, NULL AS salt FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      byRange: db.prepare(
        `SELECT e.*, t.salt FROM events e ${LEAF_JOIN} WHERE e.position > ? AND e.position <= ? ORDER BY e.position`,
      ),
      insertCheckpoint: db.prepare(
        `INSERT INTO ${AUDIT_CHECKPOINTS_TABLE} (tree_size, root_hash, issued_at, key_id, signature)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (tree_size) DO NOTHING`,
      ),
      checkpoints: db.prepare(
        `SELECT * FROM ${AUDIT_CHECKPOINTS_TABLE} WHERE tree_size >= ? AND tree_size <= ? ORDER BY tree_size LIMIT ?`,
      ),
      latest: db.prepare(`SELECT * FROM ${AUDIT_CHECKPOINTS_TABLE} ORDER BY tree_size DESC LIMIT 1`),
    };
  }

  /** Leaves [0, unsaltedPrefix) are v1 (unsalted, from before salting); every later leaf is salted. */
  readonly unsaltedPrefix: number;

  /**
   * Adds the salted leaves of events just inserted (inside the caller's transaction), in position
   * order, with the stored nodes they complete. Each event's data and metadata as the stored text.
   */
  appendLeaves(events: readonly StoredEnvelope[]): void {
    if (events.length === 0) return;
    // Events appended without the log (a store opened with audit off) are logged first, in order.
    const size = this.statements.size.get()!.size;
    if (size < events[0].position - 1)
      this.appendLeaves(this.statements.byPosition.all(size, events[0].position - 1 - size).map(this.toStored));
    // The leaves first, many rows per INSERT (a statement per leaf cost as much as hashing it)…
    for (let from = 0; from < events.length; from += LEAVES_PER_INSERT) {
      const chunk = events.slice(from, from + LEAVES_PER_INSERT);
      const params: (number | Buffer)[] = [];
      for (const event of chunk) {
        const salt = newLeafSalt();
        params.push(event.position - 1, saltedLeafHash(event, salt), salt);
      }
      this.insertLeaves(chunk.length).run(...params);
    }
    // …then the stored nodes they complete, folded from the rows below (every 16th leaf makes one).
    for (const event of events) {
      const count = event.position;
      for (let level = STRIDE; count % 2 ** level === 0; level += STRIDE) {
        const below = level - STRIDE;
        const end = count / 2 ** below;
        const children = this.statements.nodes.all(below, end - 2 ** STRIDE, end).map((r) => r.hash);
        this.statements.insertNode.run(level, count / 2 ** level - 1, fold(children), null);
      }
    }
  }

  private readonly insertLeavesStatements = new Map<number, Database.Statement<(number | Buffer)[]>>();

  private insertLeaves(count: number): Database.Statement<(number | Buffer)[]> {
    let statement = this.insertLeavesStatements.get(count);
    if (!statement) {
      const values = Array.from({ length: count }, () => '(0, ?, ?, ?)').join(', ');
      statement = this.db.prepare(`INSERT INTO ${AUDIT_TREE_TABLE} (level, idx, hash, salt) VALUES ${values}`);
      this.insertLeavesStatements.set(count, statement);
    }
    return statement;
  }

  /**
   * Logs the events stored before the log existed (a store from an earlier version), in pages, each
   * page in its own write transaction. Returns how many leaves were added.
   */
  backfill(pageSize = 5_000): number {
    let added = 0;
    for (;;) {
      const page = this.db.transaction(() => {
        const size = this.statements.size.get()!.size;
        const rows = this.statements.byPosition.all(size, pageSize).map(this.toStored);
        this.appendLeaves(rows);
        return rows.length;
      });
      const n = page.immediate();
      added += n;
      if (n < pageSize) return added;
    }
  }

  /** Folded nodes: a complete subtree never changes, so proofs share them (bounded; cleared when full). */
  private readonly folded = new Map<string, Hash>();

  perfect(level: number, index: number): Hash {
    const stored = level - (level % STRIDE);
    if (stored !== level) {
      const key = `${level}:${index}`;
      let hash = this.folded.get(key);
      if (!hash) {
        hash = this.fold(level, index, stored);
        if (this.folded.size >= 100_000) this.folded.clear();
        this.folded.set(key, hash);
      }
      return hash;
    }
    const row = this.statements.node.get(level, index);
    if (!row) throw new RangeError(`The audit log has no node at level ${level}, index ${index}`);
    return row.hash;
  }

  private fold(level: number, index: number, stored: number): Hash {
    const width = 2 ** (level - stored);
    const children = this.statements.nodes.all(stored, index * width, (index + 1) * width).map((r) => r.hash);
    if (children.length !== width) throw new RangeError(`The audit log has no node at level ${level}, index ${index}`);
    return fold(children);
  }

  async size(): Promise<number> {
    return this.statements.size.get()!.size;
  }

  async root(treeSize: number): Promise<Hash> {
    await this.assertWithin(treeSize);
    return rootHash(this, treeSize);
  }

  async leafHash(index: number): Promise<Hash> {
    return this.perfect(0, index);
  }

  async leafHashes(fromIndex: number, count: number): Promise<Hash[]> {
    return this.statements.nodes.all(0, fromIndex, fromIndex + count).map((r) => r.hash);
  }

  async findEvent(eventId: string): Promise<LoggedEvent | undefined> {
    const row = this.statements.byEventId.get(eventId);
    if (!row) return undefined;
    const event = this.toRecordedEvent(row);
    return { index: event.position - 1, event, salt: row.salt ?? undefined };
  }

  async unsaltedLeaves(): Promise<number> {
    return this.unsaltedPrefix;
  }

  async readLeaves(fromIndex: number, count: number): Promise<LoggedEvent[]> {
    // Leaf i is the event at position i + 1; an event missing from the table is simply absent here.
    return this.statements.byRange.all(fromIndex, fromIndex + count).map((row) => {
      const event = this.toRecordedEvent(row);
      return { index: event.position - 1, event, salt: row.salt ?? undefined };
    });
  }

  async inclusionProof(index: number, treeSize: number): Promise<Hash[]> {
    await this.assertWithin(treeSize);
    return inclusionProof(this, index, treeSize);
  }

  async consistencyProof(fromSize: number, toSize: number): Promise<Hash[]> {
    await this.assertWithin(toSize);
    return consistencyProof(this, fromSize, toSize);
  }

  async frontier(size: number): Promise<Hash[]> {
    await this.assertWithin(size);
    return frontierOf(this, size);
  }

  async saveCheckpoint(c: SignedCheckpoint): Promise<void> {
    this.statements.insertCheckpoint.run(c.treeSize, c.rootHash, c.issuedAt, c.keyId, c.signature);
  }

  async checkpoints(options: { fromSize?: number; toSize?: number; limit?: number } = {}): Promise<SignedCheckpoint[]> {
    return this.statements.checkpoints
      .all(options.fromSize ?? 0, options.toSize ?? Number.MAX_SAFE_INTEGER, options.limit ?? -1)
      .map(toCheckpoint);
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | undefined> {
    const row = this.statements.latest.get();
    return row ? toCheckpoint(row) : undefined;
  }

  private async assertWithin(treeSize: number): Promise<void> {
    const size = await this.size();
    if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > size)
      throw new RangeError(`The audit log has ${size} leaves, not ${treeSize}`);
  }
}

const LEAF_JOIN = `LEFT JOIN ${AUDIT_TREE_TABLE} t ON t.level = 0 AND t.idx = e.position - 1`;

/**
 * Creates the log's tables, or brings a log from before salting up to date: its leaves so far stay
 * v1 (unsalted; rehashing them would break every checkpoint already signed), the count is recorded,
 * and every leaf after them is salted. Returns that count. One process does it (write lock).
 */
function migrate(db: Database.Database): number {
  return db
    .transaction(() => {
      const existed = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(AUDIT_TREE_TABLE);
      db.exec(AUDIT_SCHEMA);
      const meta = db.prepare<[string], { value: string }>(`SELECT value FROM ${AUDIT_META_TABLE} WHERE key = ?`);
      const recorded = meta.get(UNSALTED_PREFIX_KEY);
      if (recorded) return Number(recorded.value);
      let unsalted = 0;
      if (existed) {
        const columns = db.prepare(`PRAGMA table_info(${AUDIT_TREE_TABLE})`).all() as { name: string }[];
        if (!columns.some((c) => c.name === 'salt')) db.exec(`ALTER TABLE ${AUDIT_TREE_TABLE} ADD COLUMN salt BLOB`);
        unsalted =
          db
            .prepare<[], { size: number }>(
              `SELECT COALESCE((SELECT idx + 1 FROM ${AUDIT_TREE_TABLE} WHERE level = 0 AND salt IS NULL ORDER BY idx DESC LIMIT 1), 0) AS size`,
            )
            .get()?.size ?? 0;
      }
      db.prepare(`INSERT INTO ${AUDIT_META_TABLE} (key, value) VALUES (?, ?)`).run(
        UNSALTED_PREFIX_KEY,
        String(unsalted),
      );
      return unsalted;
    })
    .immediate();
}

/** Folds a power-of-two run of sibling hashes into their subtree's root. */
function fold(hashes: Hash[]): Hash {
  let row = hashes;
  while (row.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i < row.length; i += 2) next.push(nodeHash(row[i], row[i + 1]));
    row = next;
  }
  return row[0];
}

function toCheckpoint(r: CheckpointRow): SignedCheckpoint {
  return {
    treeSize: r.tree_size,
    rootHash: r.root_hash,
    issuedAt: r.issued_at,
    keyId: r.key_id,
    signature: r.signature,
  };
}
