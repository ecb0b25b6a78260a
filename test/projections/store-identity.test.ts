/**
 * Read models know which event store they follow. Pointed at another store (a mistyped
 * DATABASE_URL, a fresh store) or at a store whose head is behind their checkpoint (restored from
 * an older backup), they are rebuilt from that store — or, when told to refuse, the runner does
 * not start and says why. Never a silent skip of the store's first events.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftNomination, submitNomination } from '@tdkt/domain/testing/fixtures';
import { SqliteEventStore } from '@tdkt/event-store';
import {
  ProjectionRunner,
  ReadModelQueries,
  ReadModelStoreMismatchError,
  SOURCE_TABLE,
  type ReadModelDb,
  type StoreMismatchPolicy,
  type StoreSourceCheck,
} from '@tdkt/projections';
import { backends, snapshot, type BackendFactory, type ReadModelBackend } from './support/read-model-backends';
import { NominationLog } from './support/nomination-log';
import { N, writeLaterEvents, writeScenario } from './support/scenario';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-store-identity-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Catches up once (no live subscription); returns the source check the runner reported. */
async function catchUp(db: ReadModelDb, store: SqliteEventStore, onMismatch?: StoreMismatchPolicy) {
  let check: StoreSourceCheck | undefined;
  const runner = new ProjectionRunner(db, store, {
    live: false,
    source: { onMismatch, onChecked: (c) => (check = c) },
  });
  try {
    await runner.start();
    await runner.ready;
  } finally {
    await runner.stop();
  }
  return { check: check!, position: runner.currentPosition() };
}

/** What a rebuild from zero of this store gives (a throw-away database of the same kind). */
async function reference(factory: BackendFactory, store: SqliteEventStore) {
  const backend = factory();
  const db = await backend.open();
  try {
    await catchUp(db, store);
    return await snapshot(db);
  } finally {
    await db.close();
    await backend.dispose();
  }
}

/** Another store: a few drafts of its own, so its positions mean other events. */
async function otherStoreWithDrafts(): Promise<SqliteEventStore> {
  const store = SqliteEventStore.open(join(tempDir(), 'other-events.sqlite'));
  const log = new NominationLog(store);
  for (let i = 0; i < 8; i++) {
    const nominationId = `nom-other-${i}`;
    await log.run(
      draftNomination({ nominationId, at: '2026-10-01T02:00:00.000Z' }),
      submitNomination({ nominationId, at: '2026-10-02T02:00:00.000Z' }),
    );
  }
  return store;
}

describe.each(backends)('Read models on %s and the event store they follow', (_name, factory) => {
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  const stores: SqliteEventStore[] = [];
  const track = (s: SqliteEventStore) => (stores.push(s), s);

  beforeEach(async () => {
    backend = factory();
    db = await backend.open();
  });
  afterEach(async () => {
    await db.close();
    for (const s of stores.splice(0)) await s.close();
    await backend.dispose();
  });

  test('pointed at a fresh store after following another, they are rebuilt from the new store', async () => {
    const old = track(await otherStoreWithDrafts());
    const first = await catchUp(db, old);
    expect(first.check.outcome).toBe('new');
    expect(first.position).toBe(await old.headPosition());

    const fresh = track(SqliteEventStore.open(join(tempDir(), 'events.sqlite')));
    await writeScenario(new NominationLog(fresh));
    // The situation of the report: the old checkpoint lies inside the new store's log.
    expect(await fresh.headPosition()).toBeGreaterThan(first.position);

    const second = await catchUp(db, fresh);
    expect(second.check).toMatchObject({
      outcome: 'rebuilt',
      storeId: await fresh.storeId(),
      recordedStoreId: await old.storeId(),
      checkpoint: first.position,
    });
    expect(await snapshot(db)).toEqual(await reference(factory, fresh));
    const queries = new ReadModelQueries(db);
    expect(await queries.getNomination('nom-other-0')).toBeNull();
    expect((await queries.getNomination(N.an))?.status).toBe('AWARDED');
    // The first events of the new store reached the audit trail too.
    expect((await queries.getAuditTrail(N.an))[0]).toMatchObject({ eventType: 'NominationDrafted' });

    // Started again on the same store: nothing is rebuilt.
    const third = await catchUp(db, fresh);
    expect(third.check.outcome).toBe('same');
  });

  test('told to refuse, the runner does not start on another store and names both stores; nothing is touched', async () => {
    const old = track(await otherStoreWithDrafts());
    await catchUp(db, old);
    const before = await snapshot(db);
    const fresh = track(SqliteEventStore.open(join(tempDir(), 'events.sqlite')));
    await writeScenario(new NominationLog(fresh));

    const runner = new ProjectionRunner(db, fresh, { live: false, source: { onMismatch: 'refuse' } });
    const started = runner.start();
    await expect(started).rejects.toBeInstanceOf(ReadModelStoreMismatchError);
    await expect(started).rejects.toThrow(await old.storeId());
    await expect(started).rejects.toThrow(await fresh.storeId());
    await expect(started).rejects.toThrow(/Refusing to serve/);
    await runner.stop();
    expect(await snapshot(db)).toEqual(before);
  });

  test('a store restored from an older backup (same identity, head behind the checkpoint) is detected', async () => {
    const dir = tempDir();
    const file = join(dir, 'events.sqlite');
    const live = track(SqliteEventStore.open(file));
    const log = new NominationLog(live);
    await writeScenario(log);
    // A backup of the idle store: the database file with its write-ahead log.
    copyFileSync(file, join(dir, 'backup.sqlite'));
    copyFileSync(`${file}-wal`, join(dir, 'backup.sqlite-wal'));
    await writeLaterEvents(log);
    const followed = await catchUp(db, live);

    const restored = track(SqliteEventStore.open(join(dir, 'backup.sqlite')));
    expect(await restored.storeId()).toBe(await live.storeId());
    const head = await restored.headPosition();
    expect(followed.position).toBeGreaterThan(head);

    const refused = new ProjectionRunner(db, restored, { live: false, source: { onMismatch: 'refuse' } });
    await expect(refused.start()).rejects.toThrow(
      new RegExp(`checkpoint ${followed.position} is beyond the head ${head}`),
    );
    await refused.stop();

    const rebuilt = await catchUp(db, restored, 'rebuild');
    expect(rebuilt.check.outcome).toBe('rebuilt');
    expect(rebuilt.position).toBe(head);
    expect(await snapshot(db)).toEqual(await reference(factory, restored));
  });

  test('read models from before the identity was recorded are kept and adopted when within the head', async () => {
    const store = track(SqliteEventStore.open(join(tempDir(), 'events.sqlite')));
    await writeScenario(new NominationLog(store));
    const first = await catchUp(db, store);
    await db.run(`DROP TABLE ${SOURCE_TABLE}`); // as an older version left them
    const before = await snapshot(db);

    const again = await catchUp(db, store);
    expect(again.check).toMatchObject({ outcome: 'adopted', checkpoint: first.position });
    expect(await snapshot(db)).toEqual(before);
  });
});

test('a SQLite event store keeps its identity across reopening, and two stores never share one', async () => {
  const dir = tempDir();
  const a = SqliteEventStore.open(join(dir, 'a.sqlite'));
  const id = await a.storeId();
  await a.close();
  const reopened = SqliteEventStore.open(join(dir, 'a.sqlite'));
  const b = SqliteEventStore.open(join(dir, 'b.sqlite'));
  try {
    expect(await reopened.storeId()).toBe(id);
    expect(await b.storeId()).not.toBe(id);
  } finally {
    await reopened.close();
    await b.close();
  }
});
