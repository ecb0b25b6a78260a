/**
 * The API's kept statistics answers (CheckpointCache) against the live projection, on SQLite and
 * PostgreSQL: while the statistics checkpoint stays, a repeated query is answered from memory; once
 * the runner has projected new events (what a command waits for before it answers), the same query
 * equals a fresh one over the new cells, never the kept one.
 */
import { SqliteEventStore } from '@tdkt/event-store';
import {
  ProjectionRunner,
  queryStatistics,
  StatisticsProjection,
  type ReadModelDb,
  type StatisticsQuery,
} from '@tdkt/projections';
import { NominationGenerator, REALISTIC_MIX } from '../../bench/seed/nomination-generator';
import { CheckpointCache, STATISTICS_PROJECTION } from '../../apps/api/src/read-cache/checkpoint-cache';
import { backends, type ReadModelBackend } from '../projections/support/read-model-backends';
import { appendGenerated } from '../projections/support/generated-events';

const baseSalary = [{ from: '2019-01-01', amountVnd: 1_490_000, source: '' }];

describe.each(backends)('kept statistics answers (%s)', (_name, makeBackend) => {
  let backend: ReadModelBackend;
  let db: ReadModelDb;
  let store: SqliteEventStore;
  let runner: ProjectionRunner;
  const generator = new NominationGenerator({ expectedEvents: 6_000, mix: REALISTIC_MIX, idPrefix: 'kc' });

  const appendEvents = (n: number) => appendGenerated(store, generator, n);

  beforeAll(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    await appendEvents(3_000);
    backend = makeBackend();
    db = await backend.open();
    runner = new ProjectionRunner(db, store, { projections: [new StatisticsProjection()] });
    await runner.start();
    await runner.waitForPosition(await store.headPosition(), 60_000);
  }, 120_000);
  afterAll(async () => {
    await runner?.stop();
    await db?.close();
    await backend?.dispose();
    await store?.close();
  });

  it('answer from memory while the checkpoint stays, and as a fresh query once the projection moved on', async () => {
    const cache = new CheckpointCache<Awaited<ReturnType<typeof queryStatistics>>>(db, STATISTICS_PROJECTION);
    const query: StatisticsQuery = { scope: { all: true }, baseSalary, groupBy: 'year' };
    let computed = 0;
    const ask = () => cache.get('year', () => (computed++, queryStatistics(db, query)));
    const before = await ask();
    expect(await ask()).toBe(before);
    expect(computed).toBe(1);

    await appendEvents(1_500);
    await runner.waitForPosition(await store.headPosition(), 60_000);
    const after = await ask();
    expect(computed).toBe(2);
    expect(after.total.nominations!.total).toBeGreaterThan(before.total.nominations!.total);
    expect(after).toEqual(await queryStatistics(db, query));
  }, 120_000);
});
