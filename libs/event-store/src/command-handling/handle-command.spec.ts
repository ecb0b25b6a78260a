import { deterministicEventId } from '../event-id';
import { ConcurrencyError, type EventMetadata } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { handleCommand, loadStream } from './handle-command';

// A counter that only counts up to a limit: enough to show load → decide → append → retry.
type Added = { type: 'Added'; data: { by: number } };
const counter = {
  decide: (c: { add: number; max: number }, total: number): Added[] =>
    total + c.add > c.max ? [] : [{ type: 'Added', data: { by: c.add } }],
  evolve: (total: number, e: Added) => total + e.data.by,
  initialState: () => 0,
};
const metadata: EventMetadata = {
  actorId: 'u',
  actorRole: 'SYSTEM',
  occurredAt: '2025-01-01T00:00:00Z',
  correlationId: 'c',
  schemaVersion: 1,
};
const envelope = (commandId: string) => (_: Added, i: number) => ({
  id: deterministicEventId('counter', commandId, String(i)),
  metadata,
});

describe('handleCommand: load, decide, append with the expected revision, retry on a conflict', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore({ filename: ':memory:' })));
  afterEach(() => store.close());

  it('appends what the decider decides on the folded stream, and nothing when it decides nothing', async () => {
    const first = await handleCommand(store, 'counter', counter, { add: 2, max: 3 }, { envelope: envelope('a') });
    expect(first).toMatchObject({ revision: 0, state: 0, idempotent: false });
    const refused = await handleCommand(store, 'counter', counter, { add: 2, max: 3 }, { envelope: envelope('b') });
    expect(refused).toMatchObject({ events: [], revision: 0, state: 2 });
    expect(refused.position).toBeUndefined();
    expect(await loadStream(store, 'counter', counter)).toEqual({ state: 2, revision: 0 });
  });

  it('a repeated command re-appends the same ids: the store writes nothing', async () => {
    await handleCommand(store, 'counter', counter, { add: 1, max: 9 }, { envelope: envelope('a') });
    const again = await handleCommand(
      store,
      'counter',
      counter,
      { add: 1, max: 9 },
      { envelope: envelope('a'), load: async () => ({ state: 0, revision: -1 }) },
    );
    expect(again.idempotent).toBe(true);
    expect(await store.readStream('counter')).toHaveLength(1);
  });

  it('a conflict re-loads and re-decides when retries are allowed, and is thrown otherwise', async () => {
    await handleCommand(store, 'counter', counter, { add: 1, max: 9 }, { envelope: envelope('a') });
    const stale = async () => ({ state: 0, revision: -1 });
    await expect(
      handleCommand(store, 'counter', counter, { add: 1, max: 9 }, { envelope: envelope('b'), load: stale }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    let loads = 0;
    const staleOnce = async () => (loads++ === 0 ? stale() : loadStream(store, 'counter', counter));
    const retried = await handleCommand(
      store,
      'counter',
      counter,
      { add: 1, max: 9 },
      { envelope: envelope('b'), load: staleOnce, maxAttempts: 3 },
    );
    expect(retried).toMatchObject({ state: 1, revision: 1 });
    expect(loads).toBe(2);
  });
});
