import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@tdkt/event-store';
import {
  ACCESS_LOG_STREAM,
  PERSONAL_DATA_READ,
  ProjectionRunner,
  ReadModelQueries,
  registryAtPosition,
  type PersonalDataReadData,
  type ReadModelDb,
} from '@tdkt/projections';
import { backends, type ReadModelBackend } from './support/read-model-backends';
import { NominationLog } from './support/nomination-log';
import { N, writeLaterEvents, writeScenario } from './support/scenario';

/**
 * Issue 13's read-model queries on SQLite and PostgreSQL alike: the registry as it stood (`asOf`, and at
 * a position of the log for the audit export) and the access log of personal-data reads with its filters.
 * The scenario signs Đào's award on 2026-11-26 and revokes it on 2027-03-01; Ân's is signed on 2026-11-25.
 */
describe.each(backends)('Audit queries on %s', (_name, createBackend) => {
  let dir: string;
  let store: SqliteEventStore;
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  let runner: ProjectionRunner;
  let queries: ReadModelQueries;

  const read = (userId: string, nominationId: string, at: string): PersonalDataReadData => ({
    resource: 'nomination',
    nominationId,
    fields: ['nominee.nomineeId'],
    route: 'GET /api/nominations/:id',
    address: '10.0.0.7',
    actor: { userId, roles: ['AUDITOR'] },
    at,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-audit-queries-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    const log = new NominationLog(store);
    await writeScenario(log);
    await writeLaterEvents(log);
    const meta = {
      actorId: 'system',
      actorRole: 'SYSTEM',
      occurredAt: '2027-03-05T00:00:00.000Z',
      correlationId: 'c',
      schemaVersion: 1,
    };
    await store.append(
      ACCESS_LOG_STREAM,
      [
        read('thanhtra', N.an, '2027-03-02T01:00:00.000Z'),
        read('thuky', N.an, '2027-03-03T01:00:00.000Z'),
        read('thanhtra', N.dao, '2027-03-04T01:00:00.000Z'),
      ].map((data, i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`,
        type: PERSONAL_DATA_READ,
        data,
        metadata: meta,
      })),
      'any',
    );
    backend = createBackend();
    db = await backend.open();
    runner = new ProjectionRunner(db, store, { batchSize: 7 });
    await runner.start();
    await runner.waitForPosition(await store.headPosition(), 30_000);
    queries = new ReadModelQueries(db);
  });

  afterAll(async () => {
    await runner?.stop();
    await db?.close();
    await backend?.dispose();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const registryAsOf = async (asOf: string, includeRevoked = false) =>
    (await queries.searchRegistry({ asOf, includeRevoked, pageSize: 100 })).items
      .filter((a) => a.nominationId === N.an || a.nominationId === N.dao)
      .map((a) => [a.nominationId, a.revoked]);

  it('shows the registry as it stood: not yet signed is absent, revoked later is valid then, revoked by then is hidden', async () => {
    expect(await registryAsOf('2026-11-25T12:00:00.000Z')).toEqual([[N.an, false]]);
    expect(await registryAsOf('2027-01-01T00:00:00.000Z')).toEqual(
      expect.arrayContaining([
        [N.an, false],
        [N.dao, false],
      ]),
    );
    expect(await registryAsOf('2027-03-02T00:00:00.000Z')).toEqual([[N.an, false]]);
    expect(await registryAsOf('2027-03-02T00:00:00.000Z', true)).toEqual(
      expect.arrayContaining([
        [N.an, false],
        [N.dao, true],
      ]),
    );
    // The same filters and search as the live registry.
    const found = await queries.searchRegistry({ q: 'tran thi dao', asOf: '2027-01-01T00:00:00.000Z' });
    expect(found.items.map((a) => [a.nominationId, a.revoked])).toEqual([[N.dao, false]]);
    expect(found.total).toBe(1);
  });

  it('rebuilds the registry as the first events of the log made it (the audit export’s registry)', async () => {
    const revocation = (await store.readStream(`nomination-${N.dao}`)).at(-1)!;
    expect(revocation.type).toBe('AwardRevoked');
    const before = await registryAtPosition(db, revocation.position - 1);
    const after = await registryAtPosition(db, revocation.position);
    expect(before.find((a) => a.nominationId === N.dao)).toMatchObject({ revoked: false, revokedAt: null });
    expect(after.find((a) => a.nominationId === N.dao)).toMatchObject({ revoked: true });
  });

  it('lists the reads of personal data, newest first, by nomination, reader and time', async () => {
    const all = await queries.listAccessLog();
    expect(all.total).toBe(3);
    expect(all.items.map((r) => [r.actorId, r.nominationId, r.readAt])).toEqual([
      ['thanhtra', N.dao, '2027-03-04T01:00:00.000Z'],
      ['thuky', N.an, '2027-03-03T01:00:00.000Z'],
      ['thanhtra', N.an, '2027-03-02T01:00:00.000Z'],
    ]);
    expect(all.items[0]).toMatchObject({ address: '10.0.0.7', fields: ['nominee.nomineeId'], actorRoles: ['AUDITOR'] });
    expect((await queries.listAccessLog({ nominationId: N.an })).items.map((r) => r.actorId)).toEqual([
      'thuky',
      'thanhtra',
    ]);
    expect((await queries.listAccessLog({ actorId: 'thanhtra' })).total).toBe(2);
    const window = await queries.listAccessLog({ from: '2027-03-03T00:00:00.000Z', to: '2027-03-03T23:59:59.999Z' });
    expect(window.items.map((r) => r.actorId)).toEqual(['thuky']);
    expect((await queries.listAccessLog({ pageSize: 1, page: 2 })).items.map((r) => r.actorId)).toEqual(['thuky']);
  });
});
