import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError as EsdbStreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  type JSONType,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  ConcurrencyError,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { matchesFilter } from '../event-filter';
import { actualRevision, assertDistinctIds, meetsExpectation } from '../append-rules';
import { isSystemEvent, samePosition, toEsdbPosition, toRecordedEvent } from './eventstoredb-records';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

/** The metadata stream holding the store's identity: one event, written by the first process that finds none. */
export const STORE_IDENTITY_STREAM = 'tdkt-store-identity';

export interface EventStoreDbOptions {
  /** Events per read when paging through $all or a stream. */
  pageSize?: number;
}

/**
 * The production adapter: a thin mapping of the port onto EventStoreDB (≥ 22.10, which returns the
 * $all position of events read from a stream). Positions are $all commit positions.
 * Client v6's readAll has no server-side filter, so readAll filters while paging; live
 * subscriptions filter on the server.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly pageSize: number;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private closing?: Promise<void>;
  private identity?: Promise<string>;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbOptions = {},
  ) {
    // At least 2: a page restarts at its predecessor's last record, which it skips.
    this.pageSize = Math.max(2, options.pageSize ?? 500);
  }

  static connect(connectionString: string, options?: EventStoreDbOptions): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    assertDistinctIds(stream, events);
    if (events.length === 0) {
      // Nothing to write: only the expectation to check.
      const current = await this.streamRevision(stream);
      if (!meetsExpectation(expected, current)) throw new ConcurrencyError(stream, expected, actualRevision(current));
      return { nextExpectedRevision: current, position: await this.headPosition(), positions: [], idempotent: false };
    }
    // ESDB deduplicates by id only in some cases (and never partially), so settle retries ourselves.
    const retried = await this.findRetry(stream, events, expected);
    if (retried) return retried;
    let next: number;
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        expectedRevision: toEsdbExpected(expected),
      });
      next = Number(result.nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // A concurrent retry of this same append may have won the race: answer as it did.
      const raced = await this.findRetry(stream, events, expected);
      if (raced) return raced;
      throw new ConcurrencyError(stream, expected, fromEsdbCurrent(error.actualVersion));
    }
    // The append result carries only the last position: read the batch back for every position.
    const written = await this.readStream(stream, { fromRevision: next - events.length + 1, maxCount: events.length });
    const positions = written.map((event) => event.position);
    return { nextExpectedRevision: next, position: positions[positions.length - 1], positions, idempotent: false };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: FORWARDS,
        fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved.event));
    } catch (error) {
      if (error instanceof EsdbStreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async streamRevision(stream: string): Promise<number> {
    try {
      const read = this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      for await (const resolved of read) if (resolved.event) return Number(resolved.event.revision);
      return -1;
    } catch (error) {
      if (error instanceof EsdbStreamNotFoundError) return -1;
      throw error;
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const after = options.fromPosition ?? 0;
    const events: RecordedEvent[] = [];
    let from = toEsdbPosition(after);
    while (events.length < maxCount) {
      const page = await this.readAllPage(from, after);
      for (const event of page.events) {
        if (matchesFilter(event, options)) events.push(event);
        if (events.length === maxCount) break;
      }
      if (!page.next) break;
      from = page.next;
    }
    return events;
  }

  storeId(): Promise<string> {
    this.identity ??= this.readOrCreateStoreId().catch((error: unknown) => {
      this.identity = undefined; // a transient failure is retried on the next call
      throw error;
    });
    return this.identity;
  }

  /** The identity event of STORE_IDENTITY_STREAM; appended (expected: no stream) when missing. */
  private async readOrCreateStoreId(): Promise<string> {
    const stored = async () => {
      const [event] = await this.readStream(STORE_IDENTITY_STREAM, { maxCount: 1 });
      return (event?.data as { storeId?: string } | undefined)?.storeId;
    };
    const found = await stored();
    if (found) return found;
    const storeId = randomUUID();
    const metadata = {
      actorId: 'system',
      actorRole: 'SYSTEM',
      occurredAt: new Date().toISOString(),
      correlationId: storeId,
      schemaVersion: 1,
    };
    try {
      await this.append(
        STORE_IDENTITY_STREAM,
        [{ id: storeId, type: 'StoreIdentified', data: { storeId }, metadata }],
        'no_stream',
      );
      return storeId;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const raced = await stored(); // another process created it first
      if (raced) return raced;
      throw error;
    }
  }

  async headPosition(): Promise<number> {
    // The very last record may be a system event: the head is the last of ours.
    let from: ReadPosition = END;
    for (;;) {
      let last: Position | undefined;
      let count = 0;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: from,
        maxCount: this.pageSize,
      })) {
        count += 1;
        const event = resolved.event;
        if (!event) continue;
        if (!isSystemEvent(event)) return Number(event.position.commit);
        last = event.position;
      }
      if (count < this.pageSize || !last) return 0;
      from = last;
    }
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription: EventStoreDbSubscription = new EventStoreDbSubscription(
      this,
      this.client,
      options,
      this.pageSize,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
      await this.client.dispose();
    })();
    return this.closing;
  }

  /**
   * One page of $all: our (non-system) events with position > after, and where the next page starts
   * (undefined at the end of the log). ESDB reads from a position inclusively, so the record at
   * `from` itself is skipped.
   */
  private async readAllPage(from: ReadPosition, after: number): Promise<{ events: RecordedEvent[]; next?: Position }> {
    const events: RecordedEvent[] = [];
    let count = 0;
    let last: Position | undefined;
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: from,
      maxCount: this.pageSize,
    })) {
      count += 1;
      const event = resolved.event;
      if (!event) continue;
      last = event.position;
      if (typeof from !== 'string' && samePosition(event.position, from)) continue;
      if (Number(event.position.commit) <= after || isSystemEvent(event)) continue;
      events.push(toRecordedEvent(event));
    }
    return { events, next: count < this.pageSize ? undefined : last };
  }

  /**
   * The original result when every event id is already in the stream, consecutively and in order
   * (whatever was expected); a ConcurrencyError when only some are; undefined for a new append.
   */
  private async findRetry(
    stream: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | undefined> {
    if (events.length === 0) return undefined;
    const ids = new Set(events.map((event) => event.id));
    const stored = await this.readStream(stream);
    const byId = new Map(stored.filter((event) => ids.has(event.id)).map((event) => [event.id, event]));
    if (byId.size === 0) return undefined;
    const originals = events.map((event) => byId.get(event.id));
    const complete = originals.every(
      (original, index) => original && original.revision === originals[0]!.revision + index,
    );
    const current = stored.length ? stored[stored.length - 1].revision : -1;
    if (!complete) throw new ConcurrencyError(stream, expected, actualRevision(current));
    const positions = originals.map((original) => original!.position);
    return {
      nextExpectedRevision: originals[originals.length - 1]!.revision,
      position: positions[positions.length - 1],
      positions,
      idempotent: true,
    };
  }
}

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

function fromEsdbCurrent(current: CurrentRevision): number | 'no_stream' {
  return current === NO_STREAM ? 'no_stream' : Number(current);
}

function toEventData(event: EventToAppend) {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as JSONType,
  });
}
