/**
 * The API's kept registry pages (CheckpointCache over the award-registry checkpoint) against the live
 * projection, on SQLite and PostgreSQL: a repeated search is answered from memory while the registry
 * checkpoint stays — reads of personal data append to the access log, which must not empty it — and
 * once the runner has projected new awards, the same search equals a fresh one, never the kept page.
 */
import { SqliteEventStore } from '@tdkt/event-store';
import {
  ACCESS_LOG_STREAM,
  AwardRegistryProjection,
  PERSONAL_DATA_READ,
  ProjectionRunner,
  ReadModelQueries,
  type ReadModelDb,
  type SearchRegistryQuery,
} from '@tdkt/projections';
import { NominationGenerator, REGISTRY_MIX } from '../../bench/seed/nomination-generator';
import { AWARD_REGISTRY_PROJECTION, CheckpointCache } from '../../apps/api/src/read-cache/checkpoint-cache';
import { backends, type ReadModelBackend } from '../projections/support/read-model-backends';
import { appendGenerated } from '../projections/support/generated-events';

describe.each(backends)('kept registry pages (%s)', (_name, makeBackend) => {
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  let store: SqliteEventStore;
  let runner: ProjectionRunner;
  const generator = new NominationGenerator({ expectedEvents: 6_000, mix: REGISTRY_MIX, idPrefix: 'rc' });

  const appendEvents = (n: number) => appendGenerated(store, generator, n);
  const caughtUp = async () => runner.waitForPosition(await store.headPosition(), 60_000);

  beforeAll(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    await appendEvents(3_000);
    backend = makeBackend();
    db = await backend.open();
    runner = new ProjectionRunner(db, store, { projections: [new AwardRegistryProjection()] });
    await runner.start();
    await caughtUp();
  }, 120_000);
  afterAll(async () => {
    await runner?.stop();
    await db?.close();
    await backend?.dispose();
    await store?.close();
  });

  it('answers from memory while the registry checkpoint stays, access-log appends included, and as a fresh search once awards were projected', async () => {
    const queries = new ReadModelQueries(db);
    const cache = new CheckpointCache<Awaited<ReturnType<ReadModelQueries['searchRegistry']>>>(
      db,
      AWARD_REGISTRY_PROJECTION,
    );
    const query: SearchRegistryQuery = { includeRevoked: true, pageSize: 100 };
    let computed = 0;
    const ask = () => cache.get(JSON.stringify(query), () => (computed++, queries.searchRegistry(query)));
    const before = await ask();
    expect(before.total).toBeGreaterThan(0);

    // A personal-data read's record: another stream, so the registry's stored checkpoint stays.
    await store.append(
      ACCESS_LOG_STREAM,
      [
        {
          id: 'rc-read-1',
          type: PERSONAL_DATA_READ,
          data: { resource: 'registry' },
          metadata: {
            actorId: 'thanhtra',
            actorRole: 'AUDITOR',
            occurredAt: new Date().toISOString(),
            correlationId: 'rc',
            schemaVersion: 1,
          },
        },
      ],
      'any',
    );
    await caughtUp();
    expect(await ask()).toBe(before);
    expect(computed).toBe(1);

    await appendEvents(1_500);
    await caughtUp();
    const after = await ask();
    expect(computed).toBe(2);
    expect(after.total).toBeGreaterThan(before.total);
    expect(after).toEqual(await queries.searchRegistry(query));
  }, 120_000);
});
