/**
 * The people read model (issue 12) on SQLite and PostgreSQL: each person folded by the domain's
 * evolve, listed by the unit they work in now (a move changes it), found by name without diacritics
 * and by the citizen ID's keyed hash, whatever the batch size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR, type PersonCommand } from '@tdkt/domain';
import { SqliteEventStore } from '@tdkt/event-store';
import { listPeople, peopleByCitizenIdHash, peopleByIds, ProjectionRunner, type ReadModelDb } from '@tdkt/projections';
import { handlePersonCommand } from '../../apps/api/src/people/people-writes';
import { backends, type BackendFactory, type ReadModelBackend } from './support/read-model-backends';

const AT = '2026-03-02T02:00:00.000Z';
const register = (personId: string, fullName: string, unitId: string, hash?: string): PersonCommand => ({
  type: 'RegisterPerson',
  personId,
  unitId,
  details: { fullName, gender: 'male' },
  ...(hash ? { citizenId: { hash, sealed: 'iv.tag.data' } } : {}),
  actor: SYSTEM_ACTOR,
  now: AT,
});

describe.each(backends)('people read model on %s', (_name, createBackend: BackendFactory) => {
  let dir: string;
  let store: SqliteEventStore;
  let backend: ReadModelBackend;
  let db: ReadModelDb;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-people-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    backend = createBackend();
    db = await backend.open();
  });
  afterEach(async () => {
    await db.close();
    await backend.dispose();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const catchUp = async (batchSize: number) => {
    const runner = new ProjectionRunner(db, store, { live: false, batchSize });
    await runner.start();
    await runner.ready;
    await runner.stop();
  };

  it.each([1, 100])('lists people by their unit now, by name and by citizen ID hash (batch %i)', async (batchSize) => {
    await handlePersonCommand(store, register('p-1', 'Phạm Văn Toàn', 'donvi1', 'h1'), 'register');
    await handlePersonCommand(store, register('p-2', 'Phạm Văn Toàn', 'donvi3'), 'register');
    await handlePersonCommand(store, register('p-3', 'Lê Minh Thành', 'donvi3'), 'register');
    await handlePersonCommand(
      store,
      { type: 'MovePerson', personId: 'p-3', toUnitId: 'donvi1', actor: SYSTEM_ACTOR, now: '2026-06-01T00:00:00.000Z' },
      'move',
    );
    await catchUp(batchSize);
    const ids = async (q: Parameters<typeof listPeople>[1]) =>
      (await listPeople(db, q)).items.map((r) => r.state.personId);
    expect(await ids({ unitIds: ['donvi1'] })).toEqual(['p-3', 'p-1']);
    expect(await ids({ unitIds: ['donvi3'] })).toEqual(['p-2']);
    expect(await ids({ unitIds: [] })).toEqual([]);
    expect((await ids({ q: 'pham van toan' })).sort()).toEqual(['p-1', 'p-2']);
    expect((await listPeople(db, { q: 'toan' })).total).toBe(2);
    expect([...(await peopleByCitizenIdHash(db, ['h1'])).keys()]).toEqual(['h1']);
    const moved = (await peopleByIds(db, ['p-3'])).get('p-3');
    expect(moved?.units.map((u) => u.unitId)).toEqual(['donvi3', 'donvi1']);
  });
});
