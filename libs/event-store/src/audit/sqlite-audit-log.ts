import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import type { AuditLog, LoggedEvent, SignedCheckpoint, StoredLeaf } from './audit-log.port';
import { newLeafSalt, saltedLeafHash, type StoredEnvelope } from './leaf';
import { inlineLeaves, LeafHasher } from './leaf-hasher';
import { frontierOf } from './merkle/frontier';
import { Hash, nodeHash } from './merkle/hashing';
import { consistencyProof, inclusionProof, PerfectSubtrees, rootHash } from './merkle/tree';

/**
 * Levels of the tree kept on disk: the leaves (0) and every STRIDE-th level above. A node of any
 * other level is folded from at most 2^(STRIDE−1) stored nodes below it when a proof needs it, so an
 * append writes ~1.07 rows per event instead of ~2 and a proof still reads O(log n) small ranges.
 */
const STRIDE = 4;

export const AUDIT_TREE_TABLE = 'audit_tree';
export const AUDIT_CHECKPOINTS_TABLE = 'audit_checkpoints';
export const AUDIT_META_TABLE = 'audit_meta';
/** The log's columns in the events table: an event and its leaf are one row, written by one INSERT (`tree_nodes`: older logs' nodes). */
export const LEAF_COLUMNS = ['leaf_hash', 'leaf_salt', 'tree_nodes'] as const;
/** audit_meta key: the number of unsalted (v1) leaves the log began with (0 for a log salted from the start). */
const UNSALTED_PREFIX_KEY = 'unsalted_prefix';
/**
 * audit_meta key: leaves whose stored nodes an append wrote into its events' rows (`tree_nodes`), as
 * versions before the node follower did; every node after them is a row of audit_tree.
 */
const ROW_NODES_KEY = 'row_nodes_through';
/** Leaves per level-STRIDE node: the follower completes nodes in whole groups. */
const GROUP = 2 ** STRIDE;
/** The follower runs once the leaves without their nodes reach this many (bounds the work a proof may find left). */
export const FOLLOW_AFTER_LEAVES = 1_024;
/** Fresh leaves kept in memory at most (a follower behind by more reads the rest from the rows). */
const FRESH_KEPT = 8 * FOLLOW_AFTER_LEAVES;

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
 * The audit log of the SQLite event store, in the same file. Leaf index = position − 1 (SQLite
 * positions are dense). An append adds its events' leaves in their own rows, written by their INSERT
 * (`leaf_hash`, `leaf_salt`: an event and its leaf commit together or not at all; an append writes no
 * other row). The stored nodes (levels 4, 8, 12, …) are the follower's, after the commit
 * (`completeNodes`), rows of audit_tree; roots and proofs complete them first for the size they need,
 * and fold a node not yet stored from the level below. Other levels are folded on read from at most
 * 2^(STRIDE−1) stored nodes. Older layouts are read as they are (nothing is rewritten, old checkpoints
 * stay valid): a log from before leaves moved into the rows keeps its first `tableLeaves` leaves and
 * their nodes in audit_tree; one from before the follower keeps the nodes of its first
 * `rowNodesThrough` leaves in the row of every 16th event (`tree_nodes`).
 */
export class SqliteAuditLog implements AuditLog, PerfectSubtrees {
  private readonly statements: {
    node: Database.Statement<[number, number], { hash: Buffer }>;
    insertNode: Database.Statement<[number, number, Buffer]>;
    lastNodeGroup: Database.Statement<[], { idx: number }>;
    nodes: Database.Statement<[number, number, number], { hash: Buffer }>;
    rowLeaf: Database.Statement<[number], { hash: Buffer | null }>;
    rowLeaves: Database.Statement<[number, number], { hash: Buffer | null }>;
    rowNodes: Database.Statement<[number], { nodes: Buffer | null }>;
    setRowLeaf: Database.Statement<[Buffer, Buffer, number]>;
    lastRow: Database.Statement<[], { position: number; logged: number }>;
    nextPosition: Database.Statement<[], { next: number }>;
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
    ({ unsalted: this.unsaltedPrefix, tableLeaves: this.tableLeaves, rowNodes: this.rowNodesThrough } = migrate(db));
    this.statements = {
      node: db.prepare(`SELECT hash FROM ${AUDIT_TREE_TABLE} WHERE level = ? AND idx = ?`),
      insertNode: db.prepare(`INSERT OR IGNORE INTO ${AUDIT_TREE_TABLE} (level, idx, hash) VALUES (?, ?, ?)`),
      lastNodeGroup: db.prepare(
        `SELECT idx FROM ${AUDIT_TREE_TABLE} WHERE level = ${STRIDE} ORDER BY idx DESC LIMIT 1`,
      ),
      nodes: db.prepare(`SELECT hash FROM ${AUDIT_TREE_TABLE} WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx`),
      rowLeaf: db.prepare(`SELECT leaf_hash AS hash FROM events WHERE position = ?`),
      rowLeaves: db.prepare(
        `SELECT leaf_hash AS hash FROM events WHERE position > ? AND position <= ? ORDER BY position`,
      ),
      rowNodes: db.prepare(`SELECT tree_nodes AS nodes FROM events WHERE position = ?`),
      setRowLeaf: db.prepare(`UPDATE events SET leaf_hash = ?, leaf_salt = ? WHERE position = ?`),
      lastRow: db.prepare(
        `SELECT position, leaf_hash IS NOT NULL AS logged FROM events ORDER BY position DESC LIMIT 1`,
      ),
      // AUTOINCREMENT never reuses a position: the next one is the sequence's, not MAX(position) + 1.
      nextPosition: db.prepare(
        `SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) + 1 AS next`,
      ),
      byEventId: db.prepare(
        `SELECT e.*, ${LEAF_SALT} AS salt FROM events e ${LEAF_JOIN} WHERE e.event_id = ? ORDER BY e.position LIMIT 1`,
      ),
      byPosition: db.prepare(`SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      byRange: db.prepare(
        `SELECT e.*, ${LEAF_SALT} AS salt FROM events e ${LEAF_JOIN} WHERE e.position > ? AND e.position <= ? ORDER BY e.position`,
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
  /** Leaves [0, tableLeaves) are level-0 rows of audit_tree (a log from before leaves moved into the events' rows). */
  readonly tableLeaves: number;
  /** Nodes ending in leaves (tableLeaves, rowNodesThrough] are in their last event's row (`tree_nodes`); the rest in audit_tree. */
  readonly rowNodesThrough: number;

  /**
   * Begins an append, inside its transaction and before its inserts: logs any earlier events stored
   * without the log (a store opened with audit off) and returns what each new event's row carries,
   * in position order from the sequence's next position.
   */
  beginAppend(): LeafWriter {
    const next = this.statements.nextPosition.get()!.next;
    // The last event is this process's own, committed with its leaf: nothing to look up.
    if (next - 1 !== this.committedThrough && !this.isLogged(next - 1)) this.logStored(next - 1);
    return new LeafWriter(next, this.hasher);
  }
  /**
   * Leaf hashes this process committed, consecutive from position `freshFirst`: the follower folds
   * them from memory instead of reading them back from the rows (the very hashes those rows hold).
   */
  private fresh: Hash[] = [];
  private freshFirst = 0;

  /** Hashes a big append's leaves on a second thread while its rows are inserted. */
  private readonly hasher = new LeafHasher();

  /** How many leaves of big appends each thread hashed (the bench's figure). */
  leafHashing(): { helper: number; appender: number } {
    return { ...this.hasher.counts };
  }

  /** Stops the hashing thread (the store is closing). */
  close(): Promise<void> {
    return this.hasher.close();
  }

  /** The last position this process committed with its leaf (positions are never reused). */
  private committedThrough = -1;

  /**
   * Called once a transaction has committed, with its last position and the writers of its appends
   * (in order; only appends that committed — not one rolled back to its savepoint).
   */
  committed(position: number, writers: readonly LeafWriter[] = []): void {
    this.committedThrough = position;
    for (const writer of writers) {
      if (writer.hashes.length === 0) continue;
      if (this.fresh.length === 0 || writer.first !== this.freshFirst + this.fresh.length) {
        this.fresh = [];
        this.freshFirst = writer.first;
      }
      for (const hash of writer.hashes) this.fresh.push(hash);
    }
    this.forgetFresh(this.freshFirst + this.fresh.length - 1 - FRESH_KEPT);
  }

  /** Drops the fresh leaves up to `position` (their nodes are stored, or they are too many to keep). */
  private forgetFresh(position: number): void {
    const drop = Math.min(this.fresh.length, position - this.freshFirst + 1);
    if (drop <= 0) return;
    this.fresh = this.fresh.slice(drop);
    this.freshFirst += drop;
  }

  /** Whether the event at `position` has its leaf (position 0: the empty log; a missing row has nothing to log). */
  private isLogged(position: number): boolean {
    if (position <= this.tableLeaves) return true;
    const row = this.statements.rowLeaf.get(position);
    return !row || row.hash !== null;
  }

  /** Gives the stored events up to `upTo` that have no leaf theirs (salted), in order, with their nodes. */
  private logStored(upTo: number): number {
    const size = this.sizeNow();
    if (size >= upTo) return 0;
    const rows = this.statements.byPosition.all(size, upTo - size).map(this.toStored);
    const writer = new LeafWriter(size + 1);
    for (const event of rows) {
      const { hash, salt } = writer.next(event);
      this.statements.setRowLeaf.run(hash, salt, event.position);
    }
    return rows.length;
  }

  /** The stored node (level a multiple of STRIDE, > 0) that ends at leaf (index + 1) · 2^level − 1, if stored yet. */
  storedNode(level: number, index: number): Hash | undefined {
    const end = (index + 1) * 2 ** level;
    if (end <= this.tableLeaves || end > this.rowNodesThrough) return this.statements.node.get(level, index)?.hash;
    const nodes = this.statements.rowNodes.get(end)?.nodes;
    const at = (level / STRIDE - 1) * 32;
    return nodes && nodes.length >= at + 32 ? nodes.subarray(at, at + 32) : undefined;
  }

  /**
   * A node of a stored level (a multiple of STRIDE, > 0): as stored, or — when the follower has not
   * reached it yet — folded from the level below (and leaves), not stored. Null if the log lacks a leaf.
   */
  private nodeAt(level: number, index: number): Hash | undefined {
    const stored = this.storedNode(level, index);
    if (stored) return stored;
    const below = level - STRIDE;
    const children: Hash[] = [];
    if (below === 0) children.push(...this.leaves(index * GROUP, (index + 1) * GROUP));
    else
      for (let i = index * GROUP; i < (index + 1) * GROUP; i++) {
        const child = this.nodeAt(below, i);
        if (!child) return undefined;
        children.push(child);
      }
    return children.length === GROUP ? fold(children) : undefined;
  }

  /** Leaves whose stored nodes are all stored (a multiple of GROUP), as last read; only ever grows. */
  private nodesThrough = -1;

  private readNodesThrough(): number {
    const group = this.statements.lastNodeGroup.get();
    const floor = Math.max(this.rowNodesThrough, this.tableLeaves - (this.tableLeaves % GROUP));
    this.nodesThrough = Math.max(this.nodesThrough, floor, group ? (group.idx + 1) * GROUP : 0);
    return this.nodesThrough;
  }

  /** Whether the leaves without their nodes have reached FOLLOW_AFTER_LEAVES (as last read: cheap, may be stale). */
  followerDue(size: number): boolean {
    if (this.nodesThrough < 0) this.readNodesThrough();
    return size - this.nodesThrough >= FOLLOW_AFTER_LEAVES;
  }

  /**
   * The node follower: stores the nodes of every whole group of leaves in the first `upTo` (default:
   * all) that has none yet — level STRIDE, and 2·STRIDE, … where a group completes them — as rows of
   * audit_tree, in one write transaction. Nodes are a pure function of committed leaves, so any
   * process may run it, as often as it likes (under the write lock it re-reads how far the log is;
   * a node stored twice is the same row). Returns how many leaves it covered.
   */
  completeNodes(upTo = Number.MAX_SAFE_INTEGER): number {
    if (this.nodesThrough >= 0 && Math.floor(upTo / GROUP) * GROUP <= this.nodesThrough) return 0;
    const run = this.db.transaction(() => {
      const from = this.readNodesThrough();
      const to = Math.floor(Math.min(upTo, this.sizeNow()) / GROUP) * GROUP;
      for (let page = from; page < to; page += 64 * GROUP) {
        const leaves = this.leaves(page, Math.min(to, page + 64 * GROUP));
        if (leaves.length !== Math.min(to, page + 64 * GROUP) - page)
          throw new RangeError(`The audit log lacks leaves in [${page}, ${page + 64 * GROUP})`);
        for (let at = 0; at < leaves.length; at += GROUP)
          this.storeGroup((page + at) / GROUP, leaves.slice(at, at + GROUP));
      }
      this.nodesThrough = Math.max(this.nodesThrough, to);
      this.forgetFresh(this.nodesThrough);
      return Math.max(0, to - from);
    });
    return run.immediate();
  }

  /** Stores the level-STRIDE node of one group of leaves and every higher stored node it completes. */
  private storeGroup(group: number, leaves: Hash[]): void {
    let node = fold(leaves);
    this.statements.insertNode.run(STRIDE, group, node);
    let index = group;
    for (let level = 2 * STRIDE; (index + 1) % GROUP === 0; level += STRIDE) {
      const below = level - STRIDE;
      const children: Hash[] = [];
      for (let i = index - GROUP + 1; i < index; i++) {
        const child = this.storedNode(below, i);
        if (!child) throw new RangeError(`The audit log has no node at level ${below}, index ${i}`);
        children.push(child);
      }
      children.push(node);
      node = fold(children);
      index = (index + 1) / GROUP - 1;
      this.statements.insertNode.run(level, index, node);
    }
  }

  /** Leaf hashes of indexes [from, to), from audit_tree (the old log's) and the events' rows; a missing one is skipped. */
  leaves(from: number, to: number): Hash[] {
    // Leaf i is the event at position i + 1.
    const fresh = from + 1 - this.freshFirst;
    if (fresh >= 0 && to + 1 - this.freshFirst <= this.fresh.length) return this.fresh.slice(fresh, fresh + to - from);
    const out: Hash[] = [];
    if (from < this.tableLeaves)
      for (const row of this.statements.nodes.all(0, from, Math.min(to, this.tableLeaves))) out.push(row.hash);
    if (to > this.tableLeaves)
      for (const row of this.statements.rowLeaves.all(Math.max(from, this.tableLeaves), to))
        if (row.hash) out.push(row.hash);
    return out;
  }

  /** Nodes of one stored level (> 0), indexes [from, to); a missing one is skipped. */
  private nodes(level: number, from: number, to: number): Hash[] {
    const out: Hash[] = [];
    for (let index = from; index < to; index++) {
      const hash = this.nodeAt(level, index);
      if (hash) out.push(hash);
    }
    return out;
  }

  /**
   * Logs the events stored before the log existed (a store from an earlier version, or written with
   * audit off), in pages, each page in its own write transaction, then stores their nodes if the
   * follower is due. Returns how many leaves were added.
   */
  backfill(pageSize = 5_000): number {
    let added = 0;
    for (;;) {
      const page = this.db.transaction(() => {
        const last = this.statements.lastRow.get();
        return last ? this.logStored(Math.min(last.position, this.sizeNow() + pageSize)) : 0;
      });
      const n = page.immediate();
      added += n;
      if (n < pageSize) break;
    }
    // And their nodes, when many lack them (a store seeded or written with audit off, or a follower behind).
    if (this.followerDue(this.sizeNow())) this.completeNodes();
    return added;
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
    const row = level === 0 ? this.leaves(index, index + 1)[0] : this.nodeAt(level, index);
    if (!row) throw new RangeError(`The audit log has no node at level ${level}, index ${index}`);
    return row;
  }

  private fold(level: number, index: number, stored: number): Hash {
    const width = 2 ** (level - stored);
    const from = index * width;
    const children = stored === 0 ? this.leaves(from, from + width) : this.nodes(stored, from, from + width);
    if (children.length !== width) throw new RangeError(`The audit log has no node at level ${level}, index ${index}`);
    return fold(children);
  }

  /**
   * Leaves in the log: the position of the last event with its leaf. The last row tells at once when
   * the log is up to date; else (events stored with audit off) a binary search for the end of the
   * logged prefix, O(log n) row reads.
   */
  private sizeNow(): number {
    const last = this.statements.lastRow.get();
    if (!last) return this.tableLeaves;
    if (last.logged || last.position <= this.tableLeaves) return Math.max(last.position, this.tableLeaves);
    let lo = this.tableLeaves; // logged
    let hi = last.position; // not logged
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.isLogged(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  async size(): Promise<number> {
    return this.sizeNow();
  }

  async root(treeSize: number): Promise<Hash> {
    await this.assertWithin(treeSize);
    this.completeNodes(treeSize);
    return rootHash(this, treeSize);
  }

  async leafHash(index: number): Promise<Hash> {
    return this.perfect(0, index);
  }

  async leafHashes(fromIndex: number, count: number): Promise<Hash[]> {
    return this.leaves(fromIndex, fromIndex + count);
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

  async readStoredLeaves(fromIndex: number, count: number): Promise<StoredLeaf[]> {
    return this.statements.byRange.all(fromIndex, fromIndex + count).map((row) => {
      const envelope = this.toStored(row);
      return {
        index: envelope.position - 1,
        envelope,
        recordedAt: row.recorded_at as string,
        salt: row.salt ?? undefined,
      };
    });
  }

  async inclusionProof(index: number, treeSize: number): Promise<Hash[]> {
    await this.assertWithin(treeSize);
    this.completeNodes(treeSize);
    return inclusionProof(this, index, treeSize);
  }

  async consistencyProof(fromSize: number, toSize: number): Promise<Hash[]> {
    await this.assertWithin(toSize);
    this.completeNodes(toSize);
    return consistencyProof(this, fromSize, toSize);
  }

  async frontier(size: number): Promise<Hash[]> {
    await this.assertWithin(size);
    this.completeNodes(size);
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

/**
 * What each new event's row carries, in position order: its salt and leaf hash. Nothing else: the
 * nodes above the leaves are the follower's (`SqliteAuditLog.completeNodes`), after the commit.
 */
export class LeafWriter {
  private count = 0;
  /** The hashes handed out so far, in position order from `first`. */
  readonly hashes: Hash[] = [];

  constructor(
    /** Position of the first event written. */
    readonly first: number,
    private readonly hasher?: LeafHasher,
  ) {}

  /** The next event's leaf; `event.position` must be the next position. */
  next(event: StoredEnvelope): { hash: Hash; salt: Buffer } {
    this.expect(event, this.count);
    const salt = newLeafSalt();
    const hash = saltedLeafHash(event, salt);
    this.hashes[this.count++] = hash;
    return { hash, salt };
  }

  /**
   * The leaves of the next events, in order: their salts now, leaf i's hash when `hash(i)` is read —
   * for a big batch computed meanwhile on the hasher's thread (same bytes, same hash).
   */
  batch(events: readonly StoredEnvelope[]): { salts: Buffer[]; hash(i: number): Hash } {
    events.forEach((event, i) => this.expect(event, this.count + i));
    const base = this.count;
    this.count += events.length;
    const salts = events.map(() => newLeafSalt());
    const leaves = this.hasher ? this.hasher.batch(events, salts) : inlineLeaves(events, salts);
    return {
      salts,
      hash: (i) => {
        const hash = leaves.hash(i);
        this.hashes[base + i] = hash;
        return hash;
      },
    };
  }

  private expect(event: StoredEnvelope, offset: number): void {
    const position = this.first + offset;
    if (event.position !== position) throw new RangeError(`Leaf for position ${event.position}, expected ${position}`);
  }
}

const LEAF_JOIN = `LEFT JOIN ${AUDIT_TREE_TABLE} t ON t.level = 0 AND t.idx = e.position - 1`;
/** A leaf's salt: its audit_tree row's when it has one (an older log: null for a v1 leaf), else its event row's. */
const LEAF_SALT = `CASE WHEN t.idx IS NULL THEN e.leaf_salt ELSE t.salt END`;

/**
 * Creates the log's tables and the events' leaf columns, or brings a log from before salting up to
 * date: its leaves so far stay v1 (unsalted; rehashing them would break every checkpoint already
 * signed), the count is recorded, and every leaf after them is salted. Returns that count and how
 * many leaves are rows of audit_tree (none in a log begun with leaves in the events' rows). One
 * process does it (write lock).
 */
function migrate(db: Database.Database): { unsalted: number; tableLeaves: number; rowNodes: number } {
  return db
    .transaction(() => {
      const existed = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(AUDIT_TREE_TABLE);
      db.exec(AUDIT_SCHEMA);
      const eventColumns = db.prepare(`PRAGMA table_info(events)`).all() as { name: string }[];
      for (const column of LEAF_COLUMNS)
        if (!eventColumns.some((c) => c.name === column)) db.exec(`ALTER TABLE events ADD COLUMN ${column} BLOB`);
      // ORDER BY … LIMIT 1 seeks the end of the key range (MAX() with a WHERE would scan the level).
      const tableLeaves =
        db
          .prepare<[], { size: number }>(
            `SELECT COALESCE((SELECT idx + 1 FROM ${AUDIT_TREE_TABLE} WHERE level = 0 ORDER BY idx DESC LIMIT 1), 0) AS size`,
          )
          .get()?.size ?? 0;
      const meta = db.prepare<[string], { value: string }>(`SELECT value FROM ${AUDIT_META_TABLE} WHERE key = ?`);
      const rowNodes = rowNodesThrough(db, meta.get(ROW_NODES_KEY)?.value);
      const recorded = meta.get(UNSALTED_PREFIX_KEY);
      if (recorded) return { unsalted: Number(recorded.value), tableLeaves, rowNodes };
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
      return { unsalted, tableLeaves, rowNodes };
    })
    .immediate();
}

/**
 * Where the nodes in events' rows end: recorded once, when a log written by a version that kept them
 * there (every whole group of its logged leaves has them) is first opened by this one. A log begun
 * with the follower has none.
 */
function rowNodesThrough(db: Database.Database, recorded: string | undefined): number {
  if (recorded !== undefined) return Number(recorded);
  const last = db
    .prepare<[], { position: number }>(
      `SELECT position FROM events WHERE tree_nodes IS NOT NULL ORDER BY position DESC LIMIT 1`,
    )
    .get();
  const through = last?.position ?? 0;
  db.prepare(`INSERT INTO ${AUDIT_META_TABLE} (key, value) VALUES (?, ?)`).run(ROW_NODES_KEY, String(through));
  return through;
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
