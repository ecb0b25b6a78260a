import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ConcurrencyError,
  createEventStore,
  eventLeafHash,
  FollowingAuditLog,
  inclusionProofIsSalted,
  leafHashOf,
  verifyInclusion,
  CheckpointSigner,
  verifyCheckpointSignature,
  MemoryTree,
  consistencyProof,
  inclusionProof,
  rootHash,
  saltedLeafHash,
  SqliteEventStore,
  type SqliteAuditLog,
  type EventToAppend,
  type StoredEnvelope,
} from '@tdkt/event-store';
import { runEventStoreContract } from './event-store.contract';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tdkt-event-store-'));
}

runEventStoreContract('SQLite adapter', () => {
  const dir = tempDir();
  const filename = join(dir, 'events.sqlite');
  return {
    open: () => new SqliteEventStore({ filename }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
});

// The $all follower EventStoreDB uses, held to the same contract on a SQLite store without its own log.
runEventStoreContract('Audit log following $all (over SQLite)', () => {
  const dir = tempDir();
  const filename = join(dir, 'events.sqlite');
  return {
    open: () => new SqliteEventStore({ filename, audit: false }),
    auditLog: (store) => new FollowingAuditLog(store),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite adapter — one file shared by several processes', () => {
  let dir: string;
  let stores: SqliteEventStore[];
  const open = (filename: string, pollIntervalMs?: number) => {
    const store = new SqliteEventStore({ filename, pollIntervalMs });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dir = tempDir();
    stores = [];
  });

  /** The log's first `size` leaves are those of the rows, whoever hashed them, and another store reads their root. */
  const expectLeavesOfTheRows = async (log: SqliteAuditLog, filename: string, size: number) => {
    const hashes = (await log.readLeaves(0, size)).map((l) => leafHashOf(l.event, l.salt));
    expect(await log.leafHashes(0, size)).toEqual(hashes);
    expect(await open(filename).auditLog().root(size)).toEqual(rootHash(new MemoryTree(hashes), size));
  };

  afterEach(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers live to a subscription on one instance what another instance appends', async () => {
    const filename = join(dir, 'events.sqlite');
    const api = open(filename);
    const worker = open(filename, 20);
    const seen: number[] = [];
    let caughtUp = false;
    const subscription = worker.subscribeToAll({
      onEvent: (e) => void seen.push((e.data as { n: number }).n),
      onCaughtUp: () => (caughtUp = true),
    });
    await waitFor(() => caughtUp);

    await api.append('nomination-1', [drafted(1), drafted(2)], 'no_stream');
    await api.append('nomination-2', [drafted(3)], 'no_stream');
    await waitFor(() => seen.length === 3);

    expect(seen).toEqual([1, 2, 3]);
    await subscription.close();
  });

  it('lets two instances contend for the same stream without losing or duplicating a revision', async () => {
    const filename = join(dir, 'events.sqlite');
    const [a, b] = [open(filename), open(filename)];
    const write = async (store: SqliteEventStore, n: number) => {
      for (;;) {
        const revision = await store.streamRevision('council-votes');
        try {
          return await store.append('council-votes', [drafted(n)], revision === -1 ? 'no_stream' : revision);
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    };

    await Promise.all(Array.from({ length: 40 }, (_, n) => write(n % 2 ? a : b, n)));

    const events = await b.readStream('council-votes');
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('shares the file with a real second process: both append, and the subscription here sees all', async () => {
    const filename = join(dir, 'events.sqlite');
    const here = open(filename);
    const seen: string[] = [];
    const subscription = here.subscribeToAll({ onEvent: (e) => void seen.push(e.stream) });

    // Keep appending here for as long as the child appends there, so the two really contend.
    let childDone = false;
    const child = runInAnotherProcess(filename, 'nomination-from-child', 20).finally(() => (childDone = true));
    let n = 0;
    for (; !childDone || n < 200; n++) {
      await here.append('nomination-from-here', [drafted(n)], n === 0 ? 'no_stream' : n - 1);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await child;
    await waitFor(() => seen.length === n + 1_000, 10_000);

    expect(seen.filter((s) => s === 'nomination-from-child')).toHaveLength(1_000);
    const all = await here.readAll();
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
    expect((await here.readStream('nomination-from-child')).map((e) => e.revision)).toEqual(
      Array.from({ length: 1_000 }, (_, i) => i),
    );
    await subscription.close();
  }, 60_000);

  it('keeps the file in WAL mode and a fresh store at head 0', async () => {
    const filename = join(dir, 'nested', 'events.sqlite');
    const store = open(filename);

    expect(await store.headPosition()).toBe(0);
    const raw = new Database(filename, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('reports the exact head position after an append', async () => {
    const store = open(join(dir, 'events.sqlite'));

    const result = await store.append('nomination-1', [drafted(1), drafted(2)], 'no_stream');

    expect(result.positions).toEqual([1, 2]);
    expect(await store.headPosition()).toBe(2);
  });

  it('works in memory, and the factory opens SQLite when no connection string is given', async () => {
    const memory = open(':memory:');
    await memory.append('nomination-1', [drafted(1)], 'no_stream');
    expect(await memory.readStream('nomination-1')).toHaveLength(1);

    const viaFactory = createEventStore({ sqliteFile: join(dir, 'factory.sqlite') });
    expect(viaFactory).toBeInstanceOf(SqliteEventStore);
    await viaFactory.close();
  });

  it('writes a batch in one transaction: an append failing half-way stores none of its events', async () => {
    const store = open(join(dir, 'events.sqlite'));
    await store.append('nomination-1', [drafted(1)], 'no_stream');
    const unserialisable = { ...drafted(4), data: { n: 4, amount: 10n } }; // JSON.stringify throws on a BigInt

    await expect(store.append('nomination-1', [drafted(2), drafted(3), unserialisable, drafted(5)], 0)).rejects.toThrow(
      /BigInt/,
    );

    expect((await store.readStream('nomination-1')).map((e) => (e.data as { n: number }).n)).toEqual([1]);
    expect(await store.headPosition()).toBe(1);
    await expect(store.append('nomination-1', [drafted(2), drafted(3)], 0)).resolves.toMatchObject({
      nextExpectedRevision: 2,
      positions: [2, 3],
    });
  });

  it('commits the appends asked for in one turn together, each decided alone: a refused one stores nothing, the others stand', async () => {
    const store = open(join(dir, 'events.sqlite'));
    await store.append('nomination-0', [drafted(0)], 'no_stream');
    const before = store.appendStats();

    // Not awaited in between: the three wait for the same commit.
    const outcomes = await Promise.allSettled([
      store.append('nomination-1', [drafted(1)], 'no_stream'),
      store.append('nomination-2', [drafted(2)], 5), // wrong expected revision
      store.append('nomination-1', [drafted(3), drafted(4)], 0), // sees the first one, in the same transaction
      store.append('nomination-0', [drafted(0)], 'no_stream'), // a retry of a stored append: its first answer
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : undefined))).toEqual([
      { nextExpectedRevision: 0, position: 2, positions: [2], idempotent: false },
      undefined,
      { nextExpectedRevision: 2, position: 4, positions: [3, 4], idempotent: false },
      { nextExpectedRevision: 0, position: 1, positions: [1], idempotent: true },
    ]);
    expect(store.appendStats()).toEqual({ appends: before.appends + 4, commits: before.commits + 1 });
    expect((await store.readStream('nomination-1')).map((e) => (e.data as { n: number }).n)).toEqual([1, 3, 4]);
    expect(await store.readStream('nomination-2')).toEqual([]);
    // Each event of the group has its leaf, as if appended one by one.
    const log = store.auditLog();
    const reference = new MemoryTree((await log.readLeaves(0, 4)).map((l) => leafHashOf(l.event, l.salt)));
    expect(await log.size()).toBe(4);
    expect(await log.root(4)).toEqual(rootHash(reference, 4));
  });

  it('writes the appends asked for just before a close, and refuses those asked for after it', async () => {
    const store = open(join(dir, 'events.sqlite'));
    const asked = store.append('nomination-1', [drafted(1)], 'no_stream');
    await store.close();

    await expect(asked).resolves.toMatchObject({ positions: [1] });
    await expect(store.append('nomination-1', [drafted(2)], 0)).rejects.toThrow('closed');
    const reopened = open(join(dir, 'events.sqlite'));
    expect(await reopened.headPosition()).toBe(1);
  });

  it('logs the events of a store written before its audit log (or without it) on open and on the next append', async () => {
    const filename = join(dir, 'events.sqlite');
    const unaudited = open(filename);
    await unaudited.close();
    const raw = new Database(filename);
    raw.exec('DROP TABLE audit_tree');
    raw.close();
    const older = new SqliteEventStore({ filename, audit: false });
    stores.push(older);
    await older.append('nomination-1', [drafted(1), drafted(2)], 'no_stream');

    const audited = open(filename);
    expect(await audited.auditLog().size()).toBe(2);
    await older.append('nomination-1', [drafted(3)], 1);
    await audited.append('nomination-1', [drafted(4)], 2);

    const log = audited.auditLog();
    expect(await log.size()).toBe(4);
    const leaves = await log.readLeaves(0, 4);
    expect(await log.root(4)).toEqual(new MemoryTree(leaves.map((l) => leafHashOf(l.event, l.salt))).root());
  });

  it('keeps the unsalted (v1) leaves of a log written before salting, so its old checkpoints still verify, and salts every later leaf', async () => {
    // A log as the previous version wrote it: v1 leaves (canonical JSON, no salt) as audit_tree rows, no salt
    // column, no meta, no leaf columns in the events table.
    const filename = join(dir, 'events.sqlite');
    const before = open(filename);
    await before.append(
      'nomination-1',
      Array.from({ length: 5 }, (_, i) => drafted(i + 1)),
      'no_stream',
    );
    await before.close();
    const raw = new Database(filename);
    const rows = raw.prepare('SELECT * FROM events ORDER BY position').all() as Record<string, any>[];
    raw.exec('DROP TABLE audit_tree; DROP TABLE audit_meta');
    raw.exec('ALTER TABLE events DROP COLUMN leaf_hash; ALTER TABLE events DROP COLUMN leaf_salt');
    raw.exec(
      'CREATE TABLE audit_tree (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID',
    );
    const v1 = rows.map((r) =>
      eventLeafHash({
        id: r.event_id,
        stream: r.stream,
        revision: r.revision,
        position: r.position,
        type: r.type,
        data: JSON.parse(r.data),
        metadata: JSON.parse(r.metadata),
      }),
    );
    v1.forEach((hash, idx) => raw.prepare('INSERT INTO audit_tree (level, idx, hash) VALUES (0, ?, ?)').run(idx, hash));
    raw.close();
    const signer = CheckpointSigner.generate();
    const oldCheckpoint = signer.sign(5, new MemoryTree(v1).root());

    const store = open(filename);
    const log = store.auditLog();
    await log.saveCheckpoint(oldCheckpoint);
    await store.append(
      'nomination-1',
      Array.from({ length: 40 }, (_, i) => drafted(i + 6)),
      4,
    );

    expect(await log.unsaltedLeaves()).toBe(5);
    const leaves = await log.readLeaves(0, 45);
    expect(leaves.map((l) => l.salt !== undefined)).toEqual([...Array(5).fill(false), ...Array(40).fill(true)]);
    // Every leaf recomputes from its event (and salt): v1 for the old ones, v2 after.
    expect(await log.leafHashes(0, 45)).toEqual(leaves.map((l) => leafHashOf(l.event, l.salt)));
    // The checkpoint signed before the upgrade still holds, and the log grew from it consistently.
    expect((await log.root(5)).toString('hex')).toBe(oldCheckpoint.rootHash);
    expect(verifyCheckpointSignature(oldCheckpoint, signer.publicKey)).toBe(true);
    expect(verifyInclusion(v1[2], 2, 5, await log.inclusionProof(2, 5), await log.root(5))).toBe(true);

    // A proof shows only salted hashes when the leaf is salted and no hash of its path covers v1 leaves alone.
    expect(inclusionProofIsSalted(3, 45, 5)).toBe(false); // a v1 leaf
    expect(inclusionProofIsSalted(5, 45, 5)).toBe(false); // its sibling is v1 leaf 4
    expect(inclusionProofIsSalted(6, 45, 5)).toBe(false); // [0, 4) is all v1
    expect(inclusionProofIsSalted(9, 45, 5)).toBe(true); // [0, 8) holds salted leaves 5–7
    expect(inclusionProofIsSalted(44, 45, 5)).toBe(true);
    expect(inclusionProofIsSalted(0, 45, 0)).toBe(true);
  });

  it('keeps a tree whose roots and proofs equal the in-memory reference at every size (levels folded on read)', async () => {
    const store = open(join(dir, 'events.sqlite'));
    for (let batch = 0; batch < 7; batch++)
      await store.append(
        'nomination-1',
        Array.from({ length: 97 }, (_, i) => drafted(batch * 97 + i)),
        batch === 0 ? 'no_stream' : batch * 97 - 1,
      );
    const log = store.auditLog();
    const reference = new MemoryTree((await log.readLeaves(0, 679)).map((l) => leafHashOf(l.event, l.salt)));
    expect(await log.size()).toBe(679);
    for (const size of [1, 2, 15, 16, 17, 255, 256, 257, 512, 678, 679]) {
      expect(await log.root(size)).toEqual(rootHash(reference, size));
      for (const index of [0, size >> 1, size - 1])
        expect(await log.inclusionProof(index, size)).toEqual(inclusionProof(reference, index, size));
      expect(await log.consistencyProof(size >> 1, size)).toEqual(consistencyProof(reference, size >> 1, size));
    }
  });

  it('commits only the rows of an append: their leaves are hashed on a second thread after the commit and stored, with the nodes above, within a second', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = open(filename);
    await store.append(
      'nomination-1',
      Array.from({ length: 300 }, (_, i) => drafted(i + 1)),
      'no_stream',
    );
    const raw = new Database(filename, { readonly: true });
    const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    // The append wrote what the store without its log writes: no leaf, no salt, no node.
    expect(count('SELECT COUNT(*) AS n FROM events WHERE leaf_hash IS NOT NULL OR leaf_salt IS NOT NULL')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM audit_leaves')).toBe(0);

    const log = store.auditLog();
    await waitFor(() => log.leafHashing().helper === 300);
    await waitFor(() => count('SELECT COUNT(*) AS n FROM audit_tree WHERE level > 0') === 19, 10_000);
    expect(count('SELECT SUM(length(hashes)) / 32 AS n FROM audit_leaves')).toBe(300);
    expect(log.leafHashing().appender).toBe(0); // every leaf was the thread's
    await expectLeavesOfTheRows(log, filename, 300);
    raw.close();
  });

  it('without the hashing thread, hashes every leaf on the appending thread after the commit: the same leaves and root', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ filename, leafHashingThread: false });
    stores.push(store);
    for (let i = 0; i < 40; i++) await store.append(`nomination-${i}`, [drafted(i + 1)], 'no_stream');
    await store.append(
      'nomination-batch',
      Array.from({ length: 260 }, (_, i) => drafted(i + 1)),
      'no_stream',
    );
    const raw = new Database(filename, { readonly: true });
    const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    // The follower stores them within a second of the last commit, from the rows.
    await waitFor(() => count('SELECT COUNT(*) AS n FROM audit_tree WHERE level > 0') === 19, 10_000);
    const log = store.auditLog();
    expect(log.leafHashing()).toEqual({ helper: 0, appender: 300 });
    await expectLeavesOfTheRows(log, filename, 300);
    raw.close();
  });

  it('asks the hashing thread for big commits only: small ones are hashed by the follower, and every leaf is stored', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = open(filename);
    for (let i = 0; i < 20; i++) await store.append(`nomination-${i}`, [drafted(i + 1)], 'no_stream');
    const log = store.auditLog();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.leafHashing().helper).toBe(0); // not asked for single events
    await store.append(
      'nomination-batch',
      Array.from({ length: 100 }, (_, i) => drafted(i + 1)),
      'no_stream',
    );
    for (let i = 20; i < 40; i++) await store.append(`nomination-${i}`, [drafted(i + 1)], 'no_stream');
    const raw = new Database(filename, { readonly: true });
    const stored = () =>
      (raw.prepare('SELECT SUM(length(hashes)) / 32 AS n FROM audit_leaves').get() as { n: number }).n;
    await waitFor(() => stored() === 140, 10_000); // within the follower's second after the last commit
    const { helper, appender } = log.leafHashing();
    // Asked once, for the batch: it hashes every row since its last (the 20 before it too, unless the
    // follower stored them first); the 20 after it are the follower's.
    expect(helper).toBeGreaterThanOrEqual(100);
    expect(helper).toBeLessThanOrEqual(120);
    expect(appender).toBeGreaterThanOrEqual(20);
    await expectLeavesOfTheRows(log, filename, 140);
    raw.close();
  });

  it('lets any process store the leaves and nodes: the same bytes whoever computes them, from memory or from the rows', async () => {
    const filename = join(dir, 'events.sqlite');
    const [a, b] = [open(filename), open(filename)];
    await a.append(
      'nomination-1',
      Array.from({ length: 300 }, (_, i) => drafted(i + 1)),
      'no_stream',
    );
    const raw = new Database(filename, { readonly: true });
    const nodeRows = () =>
      (raw.prepare('SELECT COUNT(*) AS n FROM audit_tree WHERE level > 0').get() as { n: number }).n;
    expect(nodeRows()).toBe(0);

    // Before the follower: every root and proof is folded from the leaves, and equals the reference.
    const log = a.auditLog();
    const reference = new MemoryTree((await log.readLeaves(0, 300)).map((l) => leafHashOf(l.event, l.salt)));
    for (const size of [16, 256, 300]) expect(rootHash(log, size)).toEqual(rootHash(reference, size));

    // Another process's follower hashes them from the rows and stores them (300 leaves, 18 groups of 16
    // and the level-8 node of the first 256); a second run, from either process, finds nothing left.
    expect(b.auditLog().completeNodes()).toBe(300);
    expect(nodeRows()).toBe(19);
    expect(log.completeNodes()).toBe(0);
    await waitFor(() => log.leafHashing().helper === 300); // the appender's thread, later: the same leaves
    expect(await log.leafHashes(0, 300)).toEqual(await b.auditLog().leafHashes(0, 300));
    expect(await log.root(300)).toEqual(rootHash(reference, 300));
    expect(await log.inclusionProof(5, 300)).toEqual(inclusionProof(reference, 5, 300));
    raw.close();
  });

  it("reads the leaves a log kept in its events' rows (random salts), and logs every later event after the commit", async () => {
    // A log as the previous version wrote it: each event's leaf and salt in its own row.
    const filename = join(dir, 'events.sqlite');
    const before = open(filename);
    await before.append(
      'nomination-1',
      Array.from({ length: 37 }, (_, i) => drafted(i + 1)),
      'no_stream',
    );
    await before.close();
    const raw = new Database(filename);
    const rows = raw.prepare('SELECT * FROM events ORDER BY position').all() as Record<string, any>[];
    const inRow = rows.map((r) => {
      const salt = randomBytes(16);
      const envelope = { ...r, id: r.event_id } as unknown as StoredEnvelope;
      return { salt, hash: saltedLeafHash(envelope, salt) };
    });
    const setLeaf = raw.prepare('UPDATE events SET leaf_hash = ?, leaf_salt = ? WHERE position = ?');
    inRow.forEach((leaf, i) => setLeaf.run(leaf.hash, leaf.salt, i + 1));
    raw.exec(
      "DELETE FROM audit_leaves; DELETE FROM audit_tree; DELETE FROM audit_meta WHERE key IN ('derived_from', 'salt_key')",
    );
    raw.close();
    const signer = CheckpointSigner.generate();
    const oldCheckpoint = signer.sign(37, new MemoryTree(inRow.map((l) => l.hash)).root());

    const store = open(filename);
    const log = store.auditLog();
    expect(log.derivedFrom).toBe(37);
    await store.append(
      'nomination-1',
      Array.from({ length: 50 }, (_, i) => drafted(i + 38)),
      36,
    );
    const leaves = await log.readLeaves(0, 87);
    expect(leaves.slice(0, 37).map((l) => l.salt)).toEqual(inRow.map((l) => l.salt));
    const reference = new MemoryTree(leaves.map((l) => leafHashOf(l.event, l.salt)));
    expect(await log.leafHashes(0, 37)).toEqual(inRow.map((l) => l.hash));
    // The checkpoint signed before the upgrade still holds; groups that mix both layouts fold as one tree.
    expect((await log.root(37)).toString('hex')).toBe(oldCheckpoint.rootHash);
    for (const size of [38, 48, 64, 87]) {
      expect(await log.root(size)).toEqual(rootHash(reference, size));
      expect(await log.consistencyProof(37, size)).toEqual(consistencyProof(reference, 37, size));
    }
    await store.close();
    const check = new Database(filename, { readonly: true });
    expect(check.prepare('SELECT first, length(hashes) / 32 AS n FROM audit_leaves ORDER BY first').all()).toEqual([
      { first: 37, n: 16 },
      { first: 53, n: 16 },
      { first: 69, n: 16 },
      { first: 85, n: 2 },
    ]);
    check.close();
  });

  it('stores the leaves of what it committed when it closes, and the next process computes any left from the rows', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = open(filename);
    await store.append(
      'nomination-1',
      Array.from({ length: 40 }, (_, i) => drafted(i + 1)),
      'no_stream',
    );
    await store.close();
    const raw = new Database(filename);
    expect(raw.prepare('SELECT SUM(length(hashes)) / 32 AS n FROM audit_leaves').get()).toEqual({ n: 40 });
    // A process that died before storing them: its rows are all the next one needs.
    raw.exec('DELETE FROM audit_leaves WHERE first >= 16; DELETE FROM audit_tree');
    raw.close();
    const next = open(filename);
    const log = next.auditLog();
    const hashes = (await log.readLeaves(0, 40)).map((l) => leafHashOf(l.event, l.salt));
    expect(await log.root(40)).toEqual(rootHash(new MemoryTree(hashes), 40));
    expect(await log.leafHashes(0, 40)).toEqual(hashes);
  });

  it('runs the follower after appends once enough leaves lack their nodes, and completes them before a root', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = open(filename);
    const raw = new Database(filename, { readonly: true });
    const lastGroup = () =>
      (raw.prepare('SELECT MAX(idx) AS idx FROM audit_tree WHERE level = 4').get() as { idx: number | null }).idx;
    await store.append(
      'nomination-1',
      Array.from({ length: 100 }, (_, i) => drafted(i + 1)),
      'no_stream',
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(lastGroup()).toBeNull(); // 100 leaves: not due yet
    await store.append(
      'nomination-1',
      Array.from({ length: 1_000 }, (_, i) => drafted(i + 101)),
      99,
    );
    await waitFor(() => lastGroup() === 1_088 / 16 - 1);
    const log = store.auditLog();
    await log.root(1_100);
    expect(lastGroup()).toBe(1_088 / 16 - 1);
    await store.append('nomination-1', [drafted(1_101), drafted(1_102)], 1_099);
    await log.root(1_102);
    expect(lastGroup()).toBe(1_088 / 16 - 1); // no new whole group
    raw.close();
  });

  it('stores, from the leaves the appending process just hashed, the nodes the rows give', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = open(filename);
    for (let batch = 0; batch < 23; batch++)
      await store.append(
        'nomination-1',
        Array.from({ length: 100 }, (_, i) => drafted(batch * 100 + i + 1)),
        batch === 0 ? 'no_stream' : batch * 100 - 1,
      );
    // The appending process's follower (after the appends, or now) folds the leaves it kept in memory.
    store.auditLog().completeNodes();
    await new Promise((resolve) => setImmediate(resolve));
    // Another process reads the leaves from the rows, and the nodes stored.
    const other = open(filename).auditLog();
    const reference = new MemoryTree((await other.readLeaves(0, 2_300)).map((l) => leafHashOf(l.event, l.salt)));
    for (const size of [2_048, 2_300]) {
      expect(await other.root(size)).toEqual(rootHash(reference, size));
      expect(await store.auditLog().root(size)).toEqual(rootHash(reference, size));
    }
    expect(await other.inclusionProof(1_234, 2_300)).toEqual(inclusionProof(reference, 1_234, 2_300));
  });

  it("reads the nodes a log kept in its events' rows (before the follower), and stores later ones in audit_tree", async () => {
    // A log as the previous version wrote it: each 16th event's row holds the nodes it completed.
    const filename = join(dir, 'events.sqlite');
    const before = open(filename);
    await before.append(
      'nomination-1',
      Array.from({ length: 520 }, (_, i) => drafted(i + 1)),
      'no_stream',
    );
    before.auditLog().completeNodes();
    await before.close();
    const raw = new Database(filename);
    const node = raw.prepare('SELECT hash FROM audit_tree WHERE level = ? AND idx = ?');
    for (let end = 16; end <= 512; end += 16) {
      const nodes = [node.get(4, end / 16 - 1) as { hash: Buffer }];
      if (end % 256 === 0) nodes.push(node.get(8, end / 256 - 1) as { hash: Buffer });
      raw
        .prepare('UPDATE events SET tree_nodes = ? WHERE position = ?')
        .run(Buffer.concat(nodes.map((n) => n.hash)), end);
    }
    raw.exec("DELETE FROM audit_tree WHERE level > 0; DELETE FROM audit_meta WHERE key = 'row_nodes_through'");
    raw.close();

    const store = open(filename);
    const log = store.auditLog();
    expect(log.rowNodesThrough).toBe(512);
    await store.append(
      'nomination-1',
      Array.from({ length: 300 }, (_, i) => drafted(i + 521)),
      519,
    );
    const reference = new MemoryTree((await log.readLeaves(0, 820)).map((l) => leafHashOf(l.event, l.salt)));
    for (const size of [256, 512, 513, 767, 768, 820]) {
      expect(await log.root(size)).toEqual(rootHash(reference, size));
      expect(await log.inclusionProof(size - 1, size)).toEqual(inclusionProof(reference, size - 1, size));
      expect(await log.consistencyProof(size >> 1, size)).toEqual(consistencyProof(reference, size >> 1, size));
    }
    const check = new Database(filename, { readonly: true });
    // Nodes after the rows' are audit_tree rows: groups 32–50 at level 4, and the level-8 node of [512, 768).
    expect(check.prepare('SELECT MIN(idx) AS lo, MAX(idx) AS hi FROM audit_tree WHERE level = 4').get()).toEqual({
      lo: 32,
      hi: 50,
    });
    expect(check.prepare('SELECT idx FROM audit_tree WHERE level = 8').all()).toEqual([{ idx: 2 }]);
    check.close();
  });

  it('refuses to work once closed', async () => {
    const store = open(join(dir, 'events.sqlite'));
    await store.close();

    await expect(store.readStream('nomination-1')).rejects.toThrow('closed');
  });
});

function runInAnotherProcess(filename: string, stream: string, batches: number): Promise<void> {
  const script = join(__dirname, 'support', 'append-from-another-process.ts');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', script, filename, stream, String(batches)],
      { cwd: join(__dirname, '..', '..') },
      (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()),
    );
  });
}

function drafted(n: number): EventToAppend {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'NominationDrafted',
    data: { n },
    metadata: {
      actorId: 'officer-1',
      actorRole: 'UNIT_OFFICER',
      occurredAt: '2025-01-15T08:00:00.000Z',
      correlationId: 'c-1',
      schemaVersion: 1,
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
