/**
 * The adapter's mapping onto the real client's types and errors, checked without a server (none can
 * run here): a small in-memory stand-in answers the handful of client calls the adapter makes, the
 * way EventStoreDB does. The behaviour against a real server is the contract suite's job
 * (test/event-store, when EVENTSTORE_CONNECTION_STRING is set).
 */
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { PassThrough } from 'node:stream';
import { ConcurrencyError, type EventToAppend } from '../event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

interface Stored {
  id: string;
  type: string;
  streamId: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  position: { commit: bigint; prepare: bigint };
  created: Date;
}

/** Streams with revisions and a $all log whose positions grow by a record size, like ESDB's. */
class InMemoryEsdb {
  readonly log: Stored[] = [];
  readonly appends: { stream: string; expectedRevision: AppendExpectedRevision }[] = [];
  private nextPosition = 1_000n;

  asClient(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  async appendToStream(
    stream: string,
    events: { id: string; type: string; data: unknown; metadata: unknown }[],
    options: { expectedRevision: AppendExpectedRevision },
  ) {
    this.appends.push({ stream, expectedRevision: options.expectedRevision });
    const current = this.current(stream);
    const expected = options.expectedRevision;
    const ok =
      expected === ANY ||
      (expected === NO_STREAM && current === -1n) ||
      (expected === STREAM_EXISTS && current >= 0n) ||
      (typeof expected === 'bigint' && expected === current);
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, {
        streamName: stream,
        expected,
        current: current === -1n ? NO_STREAM : current,
      });
    }
    events.forEach((e, i) => {
      const position = (this.nextPosition += 137n);
      this.log.push({
        ...e,
        streamId: stream,
        revision: current + 1n + BigInt(i),
        position: { commit: position, prepare: position },
        created: new Date(),
      });
    });
    return { success: true, nextExpectedRevision: current + BigInt(events.length) };
  }

  readStream(stream: string, options: { direction: string; fromRevision: bigint | string; maxCount: number }) {
    const events = this.log.filter((e) => e.streamId === stream);
    const from =
      typeof options.fromRevision === 'bigint'
        ? options.fromRevision
        : options.fromRevision === 'end'
          ? BigInt(events.length - 1)
          : 0n;
    const selected =
      options.direction === 'forwards'
        ? events.filter((e) => e.revision >= from)
        : events.filter((e) => e.revision <= from).reverse();
    return (async function* () {
      if (events.length === 0) throw new StreamNotFoundError(undefined, stream);
      for (const event of selected.slice(0, options.maxCount)) yield { event };
    })();
  }

  readAll(options: { direction: string; fromPosition: { commit: bigint } | string; maxCount: number }) {
    const from = options.fromPosition;
    const forwards = options.direction === 'forwards';
    const selected = forwards
      ? this.log.filter((e) => from === 'start' || (typeof from !== 'string' && e.position.commit >= from.commit))
      : [...this.log]
          .reverse()
          .filter((e) => from === 'end' || (typeof from !== 'string' && e.position.commit <= from.commit));
    return (async function* () {
      for (const event of selected.slice(0, options.maxCount)) yield { event };
    })();
  }

  /** The live subscription the adapter opened: events are pushed by the test, as the server would. */
  live?: PassThrough & {
    unsubscribe(): Promise<void>;
    filter: { checkpointReached(s: unknown, p: { commit: bigint; prepare: bigint }): Promise<void> };
  };

  subscribeToAll(options: {
    filter: { checkpointReached(s: unknown, p: { commit: bigint; prepare: bigint }): Promise<void> };
  }) {
    const live = Object.assign(new PassThrough({ objectMode: true }), {
      unsubscribe: async () => void live.end(),
      filter: options.filter,
    });
    this.live = live;
    return live;
  }

  /** Appends without telling the live subscription (the test pushes what the server would send). */
  async appendQuietly(stream: string, events: EventToAppend[]): Promise<Stored[]> {
    const before = this.log.length;
    await this.appendToStream(stream, events, { expectedRevision: ANY });
    return this.log.slice(before);
  }

  async dispose() {}

  private current(stream: string): bigint {
    const events = this.log.filter((e) => e.streamId === stream);
    return events.length ? events[events.length - 1].revision : -1n;
  }
}

const event = (n: number): EventToAppend => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'NominationDrafted',
  data: { n },
  metadata: {
    actorId: 'canbo.donvi1',
    actorRole: 'UNIT_OFFICER',
    occurredAt: '2026-11-02T02:00:00.000Z',
    correlationId: 'c',
    schemaVersion: 1,
  },
});

describe('EventStoreDB adapter: mapping onto @eventstore/db-client', () => {
  let esdb: InMemoryEsdb;
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    esdb = new InMemoryEsdb();
    store = new EventStoreDbEventStore(esdb.asClient(), { pageSize: 3 });
  });

  it('maps each expected revision to the client constant or a bigint revision', async () => {
    await store.append('nomination-1', [event(1)], 'no_stream');
    await store.append('nomination-1', [event(2)], 0);
    await store.append('nomination-1', [event(3)], 'stream_exists');
    await store.append('nomination-1', [event(4)], 'any');

    expect(esdb.appends.map((a) => a.expectedRevision)).toEqual([NO_STREAM, 0n, STREAM_EXISTS, ANY]);
  });

  it('turns WrongExpectedVersionError into the port ConcurrencyError with the actual revision', async () => {
    await store.append('nomination-1', [event(1), event(2)], 'no_stream');

    const stale = await store.append('nomination-1', [event(3)], 0).catch((e: unknown) => e);
    const missing = await store.append('nomination-2', [event(4)], 'stream_exists').catch((e: unknown) => e);

    expect(stale).toBeInstanceOf(ConcurrencyError);
    expect(stale).toMatchObject({ stream: 'nomination-1', expected: 0, actual: 1 });
    expect(missing).toBeInstanceOf(ConcurrencyError);
    expect(missing).toMatchObject({ stream: 'nomination-2', expected: 'stream_exists', actual: 'no_stream' });
  });

  it('answers a re-append of stored ids with the original $all positions, writing nothing', async () => {
    const original = await store.append('nomination-1', [event(1), event(2)], 'no_stream');
    await store.append('nomination-1', [event(3)], 1);

    const retry = await store.append('nomination-1', [event(1), event(2)], 'no_stream');

    expect(retry).toEqual({ ...original, idempotent: true });
    expect(original.positions).toEqual(esdb.log.slice(0, 2).map((e) => Number(e.position.commit)));
    expect(esdb.appends).toHaveLength(2);
    await expect(store.append('nomination-1', [event(3), event(4)], 2)).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('pages through $all in order after an exclusive position, skipping system records', async () => {
    await store.append('nomination-1', [event(1), event(2)], 'no_stream');
    await store.append('$$nomination-1', [{ ...event(9), type: '$metadata' }], 'any');
    const b = await store.append('nomination-2', [event(3), event(4), event(5)], 'no_stream');

    const all = await store.readAll();
    expect(all.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4, 5]);
    expect((await store.readAll({ fromPosition: b.positions[0] })).map((e) => (e.data as { n: number }).n)).toEqual([
      4, 5,
    ]);
    expect(await store.headPosition()).toBe(b.position);
    expect(await store.streamRevision('nomination-2')).toBe(2);
    expect(await store.streamRevision('nomination-3')).toBe(-1);
    expect(await store.readStream('nomination-3')).toEqual([]);
  });

  it('refuses events without a real $all position (servers before 22.10 send 2^64-1)', async () => {
    await store.append('nomination-1', [event(1)], 'no_stream');
    esdb.log[0].position = { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };

    await expect(store.readStream('nomination-1')).rejects.toThrow('older than 22.10');
  });

  it('holds a server checkpoint until the events buffered before it have been handled', async () => {
    const handled: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const subscription = store.subscribeToAll({
      streamPrefixes: ['nomination-'],
      onEvent: async (e) => {
        if ((e.data as { n: number }).n === 1) await gate;
        handled.push(`event ${(e.data as { n: number }).n}`);
      },
      onCheckpoint: (position) => void handled.push(`checkpoint ${position}`),
    });
    while (!esdb.live) await new Promise((r) => setTimeout(r, 5));

    const [first, second] = await esdb.appendQuietly('nomination-1', [event(1), event(2)]);
    const [other] = await esdb.appendQuietly('nominee-1', [event(3)]);
    esdb.live.write({ event: first });
    esdb.live.write({ event: second });
    const checkpoint = esdb.live.filter.checkpointReached(esdb.live, other.position);
    await new Promise((r) => setTimeout(r, 50));
    expect(handled).toEqual([]); // event 1 is still being handled: the checkpoint must wait

    release();
    await checkpoint;
    expect(handled).toEqual(['event 1', 'event 2', `checkpoint ${Number(other.position.commit)}`]);
    await subscription.close();
  });
});
