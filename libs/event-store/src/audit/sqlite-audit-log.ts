import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';
import type { AuditLog, LoggedEvent, SignedCheckpoint, StoredLeaf } from './audit-log.port';
import { LEAF_SALT_BYTES, LEAF_SALT_KEY_BYTES, LeafSalts, saltedLeafHash, type StoredEnvelope } from './leaf';
import { LeafHashingThread } from './leaf-hasher';
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
/** Leaf hashes logged after the commit: one row per GROUP leaves from `derived_from` (`first`: its first leaf index). */
export const AUDIT_LEAVES_TABLE = 'audit_leaves';
/** The log's columns in the events table: where logs before `derived_from` kept each event's leaf (`tree_nodes`: older logs' nodes). */
export const LEAF_COLUMNS = ['leaf_hash', 'leaf_salt', 'tree_nodes'] as const;
/** audit_meta key: the number of unsalted (v1) leaves the log began with (0 for a log salted from the start). */
const UNSALTED_PREFIX_KEY = 'unsalted_prefix';
/**
 * audit_meta key: leaves whose stored nodes an append wrote into its events' rows (`tree_nodes`), as
 * versions before the node follower did; every node after them is a row of audit_tree.
 */
const ROW_NODES_KEY = 'row_nodes_through';
/**
 * audit_meta key: the first leaf hashed after the commit (the log's layout since then): its salt is
 * derived from the log's key (leaf.ts `LeafSalts`), its hash a row of audit_leaves. Leaves before it
 * are where earlier versions wrote them, with the salts they drew.
 */
const DERIVED_FROM_KEY = 'derived_from';
/** audit_meta key: the secret key (hex) the salts of leaves from `derived_from` on are derived from. */
const SALT_KEY_KEY = 'salt_key';
/** Leaves per level-STRIDE node: the follower completes nodes in whole groups. */
const GROUP = 2 ** STRIDE;
/** The follower runs once the leaves hashed and not stored reach this many (bounds the work a proof may find left). */
export const FOLLOW_AFTER_LEAVES = 1_024;
/** …or this long after leaves arrived, when fewer came (appends slowed down): the delay before a leaf is stored. */
export const FOLLOW_IDLE_MS = 1_000;
/** Leaves the follower stores, and rows it hashes, per step (bounds its memory). */
const LEAF_PAGE = 4_096;
/**
 * The least events a commit has for its leaves to go to the hashing thread. The thread's round trip
 * (a request, a read on its own connection, a message back) cost ~0.1 ms of CPU on 2 cores, more than
 * the follower spends hashing a few leaves from the rows in bulk: single-event appends ran ~20 % slower
 * with it and at twice the CPU, while 100-event batches ran ~30 % faster (bench/append-leaf-thread.ts).
 */
export const THREAD_MIN_EVENTS = 32;
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
  CREATE TABLE IF NOT EXISTS ${AUDIT_LEAVES_TABLE} (
    first  INTEGER PRIMARY KEY,
    hashes BLOB    NOT NULL
  );
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
 * positions are dense). **An append writes nothing for the log**: an event's leaf is a pure function
 * of its row (the stored JSON text, its position, and a salt derived from the log's secret key), so
 * the row committed is the leaf committed. The hashes are computed after the commit, on a second
 * thread with its own connection (`LeafHashingThread`; by this thread from the rows if that one is
 * not running), and stored by the follower (`completeNodes`) with the nodes above them — leaf hashes
 * in groups of 16 (audit_leaves), nodes of levels 4, 8, 12, … (audit_tree) — within FOLLOW_IDLE_MS,
 * or as soon as FOLLOW_AFTER_LEAVES wait. What a checkpoint signs is always stored first: roots and
 * proofs complete the log up to the size they need. As in Certificate Transparency's merge delay,
 * a leaf is stored shortly after its event is committed; a checkpoint covers only stored leaves, so
 * an edit of a row after the checkpoint that covers it is named, exactly as before. Other levels are
 * folded on read from at most 2^(STRIDE−1) stored nodes. Older layouts are read as they are (nothing
 * is rewritten, old checkpoints stay valid): a log from before leaves moved into the rows keeps its
 * first `tableLeaves` leaves in audit_tree; one from before leaves were hashed after the commit keeps
 * leaves [tableLeaves, derivedFrom) in their events' rows (`leaf_hash`, `leaf_salt`, random salts);
 * one from before the follower keeps the nodes of its first `rowNodesThrough` leaves in the row of
 * every 16th event (`tree_nodes`).
 */
export class SqliteAuditLog implements AuditLog, PerfectSubtrees {
  private readonly statements: {
    node: Database.Statement<[number, number], { hash: Buffer }>;
    insertNode: Database.Statement<[number, number, Buffer]>;
    lastNodeGroup: Database.Statement<[], { idx: number }>;
    nodes: Database.Statement<[number, number, number], { hash: Buffer }>;
    rowLeaves: Database.Statement<[number, number], { hash: Buffer | null }>;
    rowNodes: Database.Statement<[number], { nodes: Buffer | null }>;
    lastRow: Database.Statement<[], { position: number }>;
    leafGroups: Database.Statement<[number, number], { first: number; hashes: Buffer }>;
    lastLeafGroup: Database.Statement<[], { first: number; bytes: number }>;
    storeLeafGroup: Database.Statement<[number, Buffer]>;
    rows: Database.Statement<[number, number], Record<string, unknown>>;
    byEventId: Database.Statement<[string], Row>;
    byRange: Database.Statement<[number, number], Row>;
    insertCheckpoint: Database.Statement<[number, string, string, string, string]>;
    checkpoints: Database.Statement<[number, number, number], CheckpointRow>;
    latest: Database.Statement<[], CheckpointRow>;
  };
  /** The salts of leaves from derivedFrom on. */
  private readonly salts: LeafSalts;
  /** Hashes the leaves of committed rows on a second thread (none for an in-memory store). */
  private readonly thread?: LeafHashingThread;

  constructor(
    private readonly db: Database.Database,
    private readonly toRecordedEvent: (row: Record<string, unknown>) => RecordedEvent,
    private readonly toStored: (row: Record<string, unknown>) => StoredEnvelope,
    /**
     * Commits of at least this many events have their leaves hashed on a second thread; smaller ones,
     * and all of them when Infinity, are hashed by the follower from the rows on this thread.
     */
    private readonly threadMinEvents = THREAD_MIN_EVENTS,
  ) {
    const layout = migrate(db);
    this.unsaltedPrefix = layout.unsalted;
    this.tableLeaves = layout.tableLeaves;
    this.rowNodesThrough = layout.rowNodes;
    this.derivedFrom = layout.derivedFrom;
    this.salts = new LeafSalts(layout.key);
    this.statements = {
      node: db.prepare(`SELECT hash FROM ${AUDIT_TREE_TABLE} WHERE level = ? AND idx = ?`),
      insertNode: db.prepare(`INSERT OR IGNORE INTO ${AUDIT_TREE_TABLE} (level, idx, hash) VALUES (?, ?, ?)`),
      lastNodeGroup: db.prepare(
        `SELECT idx FROM ${AUDIT_TREE_TABLE} WHERE level = ${STRIDE} ORDER BY idx DESC LIMIT 1`,
      ),
      nodes: db.prepare(`SELECT hash FROM ${AUDIT_TREE_TABLE} WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx`),
      rowLeaves: db.prepare(
        `SELECT leaf_hash AS hash FROM events WHERE position > ? AND position <= ? ORDER BY position`,
      ),
      rowNodes: db.prepare(`SELECT tree_nodes AS nodes FROM events WHERE position = ?`),
      lastRow: db.prepare(`SELECT position FROM events ORDER BY position DESC LIMIT 1`),
      leafGroups: db.prepare(
        `SELECT first, hashes FROM ${AUDIT_LEAVES_TABLE} WHERE first >= ? AND first < ? ORDER BY first`,
      ),
      lastLeafGroup: db.prepare(
        `SELECT first, length(hashes) AS bytes FROM ${AUDIT_LEAVES_TABLE} ORDER BY first DESC LIMIT 1`,
      ),
      // A group grows as its leaves come (never shrinks: another process may have stored more of it).
      storeLeafGroup: db.prepare(
        `INSERT INTO ${AUDIT_LEAVES_TABLE} (first, hashes) VALUES (?, ?)
         ON CONFLICT (first) DO UPDATE SET hashes = excluded.hashes WHERE length(excluded.hashes) > length(hashes)`,
      ),
      rows: db.prepare(`SELECT * FROM events WHERE position > ? AND position <= ? ORDER BY position`),
      byEventId: db.prepare(
        `SELECT e.*, ${LEAF_SALT} AS salt FROM events e ${LEAF_JOIN} WHERE e.event_id = ? ORDER BY e.position LIMIT 1`,
      ),
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
    if (!db.memory && Number.isFinite(threadMinEvents))
      this.thread = new LeafHashingThread({
        filename: db.name,
        key: layout.key,
        from: this.sizeNow(),
        onLeaves: (first, hashes) => this.hashed(first - 1, hashes),
      });
  }

  /** Leaves [0, unsaltedPrefix) are v1 (unsalted, from before salting); every later leaf is salted. */
  readonly unsaltedPrefix: number;
  /** Leaves [0, tableLeaves) are level-0 rows of audit_tree (a log from before leaves moved into the events' rows). */
  readonly tableLeaves: number;
  /** Nodes ending in leaves (tableLeaves, rowNodesThrough] are in their last event's row (`tree_nodes`); the rest in audit_tree. */
  readonly rowNodesThrough: number;
  /** Leaves [tableLeaves, derivedFrom) are in their events' rows; from derivedFrom on, hashed after the commit. */
  readonly derivedFrom: number;

  /**
   * Leaf hashes computed and maybe not stored yet, consecutive from leaf index `freshFirst`: the
   * follower stores them, and folds their nodes, from memory.
   */
  private fresh: Hash[] = [];
  private freshFirst = 0;
  /** Leaves hashed by each thread since the store opened (the bench's figure; tests check the helper helps). */
  private readonly counts = { helper: 0, appender: 0 };
  private closed = false;
  /** The last position committed and not handed to the hashing thread: the follower hashes up to it from the rows. */
  private unrequestedThrough = 0;
  private followQueued = false;
  private idleTimer?: NodeJS.Timeout;

  /** How many leaves the hashing thread and this one computed. */
  leafHashing(): { helper: number; appender: number } {
    return { ...this.counts };
  }

  /**
   * Called once a transaction has committed, with its last position and how many events it wrote: the
   * hashing thread reads the rows up to it (a big commit). Otherwise the follower hashes them itself
   * when enough wait, or a second after the last.
   */
  committed(position: number, events: number): void {
    if (this.closed) return;
    if (events >= this.threadMinEvents && this.thread?.request(position)) return;
    this.unrequestedThrough = Math.max(this.unrequestedThrough, position);
    this.followWhenDue(position);
  }

  /** Stores the leaves hashed and not yet stored, with their nodes; the rest is computed. Stops the hashing thread. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    try {
      this.completeNodes();
    } catch {
      // The lock busy or the file read-only: the leaves are the rows' — whoever follows next stores them.
    }
    await this.thread?.close();
  }

  /** Leaf hashes from the hashing thread, of leaves first, first + 1, … */
  private hashed(first: number, hashes: Buffer): void {
    const count = hashes.length / 32;
    this.counts.helper += count;
    let end = this.freshFirst + this.fresh.length;
    if (this.fresh.length === 0 || first > end) {
      this.fresh = [];
      this.freshFirst = end = first;
    }
    for (let i = end - first; i < count; i++) this.fresh.push(hashes.subarray(32 * i, 32 * i + 32));
    this.forgetFresh(this.freshFirst + this.fresh.length - 1 - FRESH_KEPT);
    if (!this.closed) this.followWhenDue(this.freshFirst + this.fresh.length);
  }

  /** Runs the follower now when `size` leaves leave FOLLOW_AFTER_LEAVES unstored, else within FOLLOW_IDLE_MS. */
  private followWhenDue(size: number): void {
    if (size - this.storedThrough >= FOLLOW_AFTER_LEAVES) {
      if (this.followQueued) return;
      this.followQueued = true;
      // Off the append's turn, and never inside another transaction (better-sqlite3's are synchronous).
      setImmediate(() => {
        this.followQueued = false;
        this.follow();
      });
    } else if (!this.idleTimer) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = undefined;
        this.follow();
      }, FOLLOW_IDLE_MS);
      this.idleTimer.unref();
    }
  }

  /** The follower's run: what the hashing thread has given (all, without it). A failure leaves it to the next run. */
  private follow(): void {
    if (this.closed) return;
    try {
      // With the thread running: what it has hashed, and every leaf of a commit it was not asked for.
      this.completeNodes(
        this.thread?.running ? Math.max(this.freshFirst + this.fresh.length, this.unrequestedThrough) : undefined,
      );
    } catch {
      // The lock busy past its timeout, the store closing: the leaves are the rows' — the next run stores them.
    }
  }

  /** Drops the fresh leaves up to index `last` (stored with their nodes, or too many to keep). */
  private forgetFresh(last: number): void {
    const drop = Math.min(this.fresh.length, last - this.freshFirst + 1);
    if (drop <= 0) return;
    this.fresh = this.fresh.slice(drop);
    this.freshFirst += drop;
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

  /** Leaves stored (where they stay), as last read; only ever grows. */
  private storedThrough = 0;

  private readStoredThrough(): number {
    const last = this.statements.lastLeafGroup.get();
    this.storedThrough = Math.max(this.storedThrough, this.derivedFrom, last ? last.first + last.bytes / 32 : 0);
    return this.storedThrough;
  }

  /**
   * The follower: stores the leaves of the first `upTo` (default: all) not stored yet — those hashed
   * already from memory, the others computed from their rows — and the nodes of every whole group of
   * leaves that has none yet (level STRIDE, and 2·STRIDE, … where a group completes them), in one
   * write transaction. Leaves and nodes are a pure function of the committed rows, so any process may
   * run it, as often as it likes (under the write lock it re-reads how far the log is; a leaf or node
   * stored twice is the same bytes). Returns how many leaves it stored.
   */
  completeNodes(upTo = Number.MAX_SAFE_INTEGER): number {
    if (this.nodesThrough >= 0 && upTo <= this.storedThrough && Math.floor(upTo / GROUP) * GROUP <= this.nodesThrough)
      return 0;
    const run = this.db.transaction(() => {
      const size = Math.min(upTo, this.sizeNow());
      const stored = this.readStoredThrough();
      // In pages: a store logged for the first time (written with the log off) may hold millions.
      for (let page = stored; page < size; page += LEAF_PAGE) {
        const end = Math.min(size, page + LEAF_PAGE);
        const leaves = this.leaves(page, end);
        if (leaves.length !== end - page)
          throw new RangeError(`The audit log lacks leaves in [${page}, ${end}): an event is missing`);
        this.storeLeaves(page, leaves);
      }
      const from = this.readNodesThrough();
      const to = Math.floor(size / GROUP) * GROUP;
      for (let page = from; page < to; page += 64 * GROUP) {
        const leaves = this.leaves(page, Math.min(to, page + 64 * GROUP));
        if (leaves.length !== Math.min(to, page + 64 * GROUP) - page)
          throw new RangeError(`The audit log lacks leaves in [${page}, ${page + 64 * GROUP})`);
        for (let at = 0; at < leaves.length; at += GROUP)
          this.storeGroup((page + at) / GROUP, leaves.slice(at, at + GROUP));
      }
      this.nodesThrough = Math.max(this.nodesThrough, to);
      this.forgetFresh(Math.min(this.storedThrough, this.nodesThrough) - 1);
      return Math.max(0, size - stored);
    });
    return run.immediate();
  }

  /** Stores leaves from index `from` (the first not stored) into their groups of audit_leaves. */
  private storeLeaves(from: number, leaves: Hash[]): void {
    for (let i = 0; i < leaves.length;) {
      const index = from + i;
      const first = this.leafGroupOf(index);
      const count = Math.min(leaves.length - i, first + GROUP - index);
      const parts: Buffer[] = [];
      if (index > first) {
        const kept = this.statements.leafGroups.get(first, first + 1)?.hashes;
        if (!kept || kept.length < (index - first) * 32)
          throw new RangeError(`The audit log lacks stored leaves in [${first}, ${index})`);
        parts.push(kept.subarray(0, (index - first) * 32));
      }
      for (let k = 0; k < count; k++) parts.push(leaves[i + k]);
      this.statements.storeLeafGroup.run(first, Buffer.concat(parts));
      i += count;
    }
    this.storedThrough = Math.max(this.storedThrough, from + leaves.length);
  }

  /** The first leaf of the audit_leaves row that holds leaf `index` (≥ derivedFrom). */
  private leafGroupOf(index: number): number {
    return this.derivedFrom + Math.floor((index - this.derivedFrom) / GROUP) * GROUP;
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

  /**
   * Leaf hashes of indexes [from, to), in order: audit_tree's (the oldest layout), the events' rows'
   * (before derivedFrom), then those just hashed (memory), stored (audit_leaves), or computed now from
   * their rows. A leaf whose event is missing is skipped.
   */
  leaves(from: number, to: number): Hash[] {
    const out: Hash[] = [];
    if (from < this.tableLeaves)
      for (const row of this.statements.nodes.all(0, from, Math.min(to, this.tableLeaves))) out.push(row.hash);
    if (to > this.tableLeaves && from < this.derivedFrom)
      for (const row of this.statements.rowLeaves.all(Math.max(from, this.tableLeaves), Math.min(to, this.derivedFrom)))
        if (row.hash) out.push(row.hash);
    for (let at = Math.max(from, this.derivedFrom); at < to;) {
      const inFresh = at - this.freshFirst;
      if (inFresh >= 0 && inFresh < this.fresh.length) {
        const end = Math.min(to, this.freshFirst + this.fresh.length);
        for (let i = inFresh; i < inFresh + end - at; i++) out.push(this.fresh[i]);
        at = end;
        continue;
      }
      // Up to the fresh leaves, if they come later in the range.
      const before = this.freshFirst > at && this.fresh.length > 0 ? Math.min(to, this.freshFirst) : to;
      const stored = at < this.storedThrough ? this.storedThrough : this.readStoredThrough();
      const end = at < stored ? Math.min(before, stored) : before;
      for (const hash of at < stored ? this.storedLeaves(at, end) : this.hashRows(at, end)) out.push(hash);
      at = end;
    }
    return out;
  }

  /** Stored leaf hashes of [from, to) (all stored; one missing is skipped). */
  private storedLeaves(from: number, to: number): Hash[] {
    const out: Hash[] = [];
    for (const { first, hashes } of this.statements.leafGroups.all(this.leafGroupOf(from), to))
      for (let i = Math.max(from, first); i < Math.min(to, first + hashes.length / 32); i++)
        out.push(hashes.subarray((i - first) * 32, (i - first + 1) * 32));
    return out;
  }

  /** Leaf hashes of [from, to) (≥ derivedFrom) computed from their events' rows, a page at a time; a missing event is skipped. */
  private hashRows(from: number, to: number): Hash[] {
    const out: Hash[] = [];
    for (let page = from; page < to; page += LEAF_PAGE) {
      const end = Math.min(to, page + LEAF_PAGE);
      const salts = this.salts.of(page + 1, end - page);
      for (const row of this.statements.rows.all(page, end)) {
        const envelope = this.toStored(row);
        const at = (envelope.position - 1 - page) * LEAF_SALT_BYTES;
        this.counts.appender++;
        out.push(saltedLeafHash(envelope, salts.subarray(at, at + LEAF_SALT_BYTES)));
      }
    }
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

  /** Leaves in the log: every committed event is one (the last position), and never fewer than the older layouts hold. */
  private sizeNow(): number {
    return Math.max(this.statements.lastRow.get()?.position ?? 0, this.tableLeaves, this.derivedFrom);
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
    return { index: event.position - 1, event, salt: this.saltOf(row, event.position) };
  }

  async unsaltedLeaves(): Promise<number> {
    return this.unsaltedPrefix;
  }

  async readLeaves(fromIndex: number, count: number): Promise<LoggedEvent[]> {
    // Leaf i is the event at position i + 1; an event missing from the table is simply absent here.
    const salts = this.saltsOf(fromIndex, count);
    return this.statements.byRange.all(fromIndex, fromIndex + count).map((row) => {
      const event = this.toRecordedEvent(row);
      return { index: event.position - 1, event, salt: this.saltOf(row, event.position, salts) };
    });
  }

  async readStoredLeaves(fromIndex: number, count: number): Promise<StoredLeaf[]> {
    const salts = this.saltsOf(fromIndex, count);
    return this.statements.byRange.all(fromIndex, fromIndex + count).map((row) => {
      const envelope = this.toStored(row);
      return {
        index: envelope.position - 1,
        envelope,
        recordedAt: row.recorded_at as string,
        salt: this.saltOf(row, envelope.position, salts),
      };
    });
  }

  /** The derived salts of leaves [fromIndex, fromIndex + count) ∩ [derivedFrom, …), from leaf `first`. */
  private saltsOf(fromIndex: number, count: number): { first: number; bytes: Buffer } | undefined {
    const first = Math.max(fromIndex, this.derivedFrom);
    const end = fromIndex + count;
    return end > first ? { first, bytes: this.salts.of(first + 1, end - first) } : undefined;
  }

  /** A leaf's salt: the row's (older layouts: null for a v1 leaf), else derived from the log's key. */
  private saltOf(row: Row, position: number, derived?: { first: number; bytes: Buffer }): Buffer | undefined {
    if (row.salt) return row.salt;
    const index = position - 1;
    if (index < this.derivedFrom) return undefined;
    if (!derived || index < derived.first) return this.salts.of(position, 1);
    const at = (index - derived.first) * LEAF_SALT_BYTES;
    return derived.bytes.subarray(at, at + LEAF_SALT_BYTES);
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
function migrate(db: Database.Database): {
  unsalted: number;
  tableLeaves: number;
  rowNodes: number;
  derivedFrom: number;
  key: Buffer;
} {
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
      const derived = derivedLayout(db, meta, tableLeaves);
      const recorded = meta.get(UNSALTED_PREFIX_KEY);
      if (recorded) return { unsalted: Number(recorded.value), tableLeaves, rowNodes, ...derived };
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
      return { unsalted, tableLeaves, rowNodes, ...derived };
    })
    .immediate();
}

/**
 * Where leaves hashed after the commit begin, and the key of their salts: recorded once, when the log
 * is created (0) or first opened by this version — after the leaves earlier versions wrote into the
 * events' rows (a logged prefix; events stored with audit off after it are simply logged from here).
 */
function derivedLayout(
  db: Database.Database,
  meta: Database.Statement<[string], { value: string }>,
  tableLeaves: number,
): { derivedFrom: number; key: Buffer } {
  const insert = db.prepare(`INSERT INTO ${AUDIT_META_TABLE} (key, value) VALUES (?, ?)`);
  let from = meta.get(DERIVED_FROM_KEY)?.value;
  if (from === undefined) {
    const lastInRow = db
      .prepare<[], { position: number }>(
        `SELECT position FROM events WHERE leaf_hash IS NOT NULL ORDER BY position DESC LIMIT 1`,
      )
      .get();
    from = String(Math.max(tableLeaves, lastInRow?.position ?? 0));
    insert.run(DERIVED_FROM_KEY, from);
  }
  let key = meta.get(SALT_KEY_KEY)?.value;
  if (key === undefined) {
    key = randomBytes(LEAF_SALT_KEY_BYTES).toString('hex');
    insert.run(SALT_KEY_KEY, key);
  }
  return { derivedFrom: Number(from), key: Buffer.from(key, 'hex') };
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
