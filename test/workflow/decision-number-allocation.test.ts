/**
 * Decision-number allocation (libs/temporal/src/activities/records.ts) against a real SQLite store:
 * each worker process keeps the folded sequence per store instance and reads only the stream's
 * tail, while the store (expected revision on append) stays what makes numbers unique and gap-free.
 * Two store instances on one file stand for two worker processes, each with its own cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decisionNumberStreamName } from '@tdkt/domain';
import {
  SqliteEventStore,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '@tdkt/event-store';
import { allocateDecisionNumber } from '@tdkt/temporal';

const NOW = '2026-11-23T03:00:00.000Z';
const STREAM = decisionNumberStreamName('UBND', 2026);
const actor = { userId: 'chutich', roles: ['CHAIRMAN' as const] };

/** Delegates to a store, counting the events readStream returns and running a hook before appends. */
class ObservedStore implements EventStore {
  eventsRead = 0;
  beforeAppend?: () => Promise<void>;
  constructor(private readonly inner: EventStore) {}
  async append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const hook = this.beforeAppend;
    this.beforeAppend = undefined;
    if (hook) await hook();
    return this.inner.append(stream, events, expected);
  }
  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events = await this.inner.readStream(stream, options);
    this.eventsRead += events.length;
    return events;
  }
  streamRevision(stream: string) {
    return this.inner.streamRevision(stream);
  }
  readAll(options?: ReadAllOptions) {
    return this.inner.readAll(options);
  }
  headPosition() {
    return this.inner.headPosition();
  }
  storeId() {
    return this.inner.storeId();
  }
  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }
  close() {
    return this.inner.close();
  }
}

const numberOf = (decisionNumber: string) => Number(decisionNumber.split('/')[0]);
const allocate = (store: EventStore, nominationId: string) =>
  allocateDecisionNumber(store, {
    authority: 'UBND',
    nominationId,
    now: NOW,
    actor,
    commandId: `sign-${nominationId}`,
  });

describe('Decision numbers allocated by several workers, each with its own cache of the sequence', () => {
  let dir: string;
  let stores: SqliteEventStore[];
  const open = () => {
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-decision-numbers-'));
    stores = [];
  });

  afterEach(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the store holds: every number once, 1..n, each nomination once. */
  async function expectGapFree(store: EventStore, n: number) {
    const events = await store.readStream(STREAM);
    const data = events.map((e) => e.data as { sequence: number; nominationId: string });
    expect(data.map((d) => d.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(new Set(data.map((d) => d.nominationId)).size).toBe(n);
  }

  it('two workers taking turns hand out 1, 2, 3, … with no number twice and none skipped', async () => {
    const a = open();
    const b = open();
    const numbers: number[] = [];
    for (let i = 0; i < 20; i++) numbers.push(numberOf(await allocate(i % 3 === 0 ? b : a, `nom-${i}`)));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await expectGapFree(a, 20);
  });

  it('two workers signing at the same time still give unique, gap-free numbers (conflicts are retried)', async () => {
    const a = open();
    const b = open();
    await allocate(a, 'warm-up'); // both caches start behind the other's appends from here on
    const numbers = await Promise.all(Array.from({ length: 40 }, (_, i) => allocate(i % 2 ? a : b, `nom-${i}`)));
    expect(numbers.map(numberOf).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    await expectGapFree(b, 41);
  });

  it('a stale cache (another worker appended meanwhile) fails its append, catches up and takes the next number', async () => {
    const a = new ObservedStore(open());
    const b = open();
    expect(await allocate(a, 'nom-1')).toBe('1/QĐ-UBND');
    a.beforeAppend = async () => void (await allocate(b, 'nom-2'));
    expect(await allocate(a, 'nom-3')).toBe('3/QĐ-UBND');
    await expectGapFree(b, 3);
  });

  it('a retried signature gets the number its nomination already holds, from either worker, and writes nothing', async () => {
    const a = open();
    const b = open();
    for (let i = 1; i <= 5; i++) await allocate(a, `nom-${i}`);
    expect(await allocate(a, 'nom-3')).toBe('3/QĐ-UBND');
    expect(await allocate(b, 'nom-3')).toBe('3/QĐ-UBND');
    expect(await a.streamRevision(STREAM)).toBe(4);
    expect(await allocate(b, 'nom-6')).toBe('6/QĐ-UBND');
  });

  it('when a concurrent retry of the same signature stored its number first, the loser reports the stored number', async () => {
    const a = new ObservedStore(open());
    const b = open();
    await allocate(a, 'nom-1');
    // a decides 2 for nom-x; before its append lands, the other worker numbers nom-y (2) and nom-x (3).
    a.beforeAppend = async () => {
      await allocate(b, 'nom-y');
      await allocate(b, 'nom-x');
    };
    expect(await allocate(a, 'nom-x')).toBe('3/QĐ-UBND');
    await expectGapFree(b, 3);
  });

  it('after the first allocation a worker reads only the tail of the year, not the whole stream', async () => {
    const seeder = open();
    for (let i = 0; i < 300; i++) await allocate(seeder, `earlier-${i}`);
    const worker = new ObservedStore(open());

    expect(await allocate(worker, 'nom-a')).toBe('301/QĐ-UBND');
    expect(worker.eventsRead).toBe(300); // a cold cache folds the year once

    worker.eventsRead = 0;
    expect(await allocate(worker, 'nom-b')).toBe('302/QĐ-UBND');
    expect(worker.eventsRead).toBe(1); // only its own previous append

    for (let i = 0; i < 4; i++) await allocate(seeder, `elsewhere-${i}`);
    worker.eventsRead = 0;
    expect(await allocate(worker, 'nom-c')).toBe('307/QĐ-UBND');
    expect(worker.eventsRead).toBe(5); // its own last append and the other worker's four
  });

  it('a cache never answers for another store: a fresh store numbers from 1', async () => {
    const first = open();
    for (let i = 0; i < 3; i++) await allocate(first, `nom-${i}`);
    await first.close();
    rmSync(join(dir, 'events.sqlite'), { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, `events.sqlite${suffix}`), { force: true });
    const fresh = open();
    expect(await allocate(fresh, 'nom-other')).toBe('1/QĐ-UBND');
  });
});
