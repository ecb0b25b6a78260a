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
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type CurrentRevision,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  AppendResult,
  ConcurrencyError,
  EventMetadata,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { EventFilter, hasPrefixes, matchesFilter } from '../event-filter';
import { actualRevision, assertDistinctIds, meetsExpectation } from '../append-rules';

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

  async headPosition(): Promise<number> {
    // The very last record may be a system event: the head is the last of ours.
    let from: ReadPosition = END;
    for (;;) {
      let last: Position | undefined;
      let count = 0;
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: this.pageSize })) {
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
    const subscription: EventStoreDbSubscription = new EventStoreDbSubscription(this, this.client, options, this.pageSize, () =>
      this.subscriptions.delete(subscription),
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
    for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: this.pageSize })) {
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
  private async findRetry(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult | undefined> {
    if (events.length === 0) return undefined;
    const ids = new Set(events.map((event) => event.id));
    const stored = await this.readStream(stream);
    const byId = new Map(stored.filter((event) => ids.has(event.id)).map((event) => [event.id, event]));
    if (byId.size === 0) return undefined;
    const originals = events.map((event) => byId.get(event.id));
    const complete = originals.every((original, index) => original && original.revision === originals[0]!.revision + index);
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

/**
 * Catch-up by paged reads (in order, awaited one by one), then a live server-filtered subscription
 * whose checkpoints (the server has scanned this far, nothing more matched) reach `onCheckpoint`.
 */
class EventStoreDbSubscription implements Subscription {
  private closed = false;
  private live?: AllStreamSubscription;
  /** A handler is running for an event taken from the live subscription. */
  private handling = false;
  /** Position of the last event handled or checkpoint reported: never deliver at or before it. */
  private position: number;
  private readonly done: Promise<void>;

  constructor(
    private readonly store: EventStoreDbEventStore,
    private readonly client: EventStoreDBClient,
    private readonly options: SubscribeOptions,
    private readonly pageSize: number,
    onFinished: () => void,
  ) {
    this.position = options.fromPosition ?? 0;
    this.done = Promise.resolve()
      .then(() => this.run())
      .finally(onFinished);
  }

  /** Waits for the running handler, so do not await it from inside that handler. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.live) {
      await this.live.unsubscribe();
      this.live.destroy();
    }
    await this.done;
  }

  private async run(): Promise<void> {
    const { onEvent, onCaughtUp } = this.options;
    const filter: EventFilter = { eventTypePrefixes: this.options.eventTypePrefixes, streamPrefixes: this.options.streamPrefixes };
    try {
      const head = await this.store.headPosition();
      for (;;) {
        const page = await this.store.readAll({ ...filter, fromPosition: this.position, maxCount: this.pageSize });
        for (const event of page) {
          if (this.closed) return;
          await onEvent(event);
          this.position = event.position;
        }
        if (page.length < this.pageSize) break;
      }
      if (this.closed) return;
      // The last (short) page was read after `head`: everything matching up to it has been handled,
      // so the live subscription need not scan the filtered-out tail again.
      this.position = Math.max(this.position, head);
      onCaughtUp?.(this.position);
      // Subscriptions to $all start after the given position: nothing read above is delivered twice.
      this.live = this.client.subscribeToAll({
        fromPosition: toEsdbPosition(this.position),
        filter: serverFilter(filter, (_subscription, position) => this.checkpointReached(position)),
      });
      for await (const resolved of this.live) {
        if (this.closed) return;
        const event = resolved.event;
        if (!event || isSystemEvent(event)) continue;
        const recorded = toRecordedEvent(event);
        if (recorded.position <= this.position || !matchesFilter(recorded, filter)) continue;
        this.handling = true;
        try {
          await onEvent(recorded);
        } finally {
          this.handling = false;
        }
        this.position = recorded.position;
      }
      if (!this.closed) throw new Error(`EventStoreDB ended the subscription to $all after position ${this.position}`);
    } catch (error) {
      await this.fail(error);
    }
  }

  /**
   * The client calls this from its stream transform, before the events it already buffered reach
   * the loop above; and no further event is buffered until it resolves. So wait until the loop has
   * handled the buffered events, then report: the checkpoint is never ahead of an undelivered event.
   */
  private async checkpointReached(at: Position): Promise<void> {
    try {
      while (!this.closed && (this.handling || (this.live?.readableLength ?? 0) > 0)) await new Promise((r) => setTimeout(r, 5));
      const position = Number(at.commit);
      if (this.closed || position <= this.position) return;
      this.position = position;
      await this.options.onCheckpoint?.(position);
    } catch (error) {
      await this.fail(error);
    }
  }

  private async fail(error: unknown): Promise<void> {
    if (this.closed) return; // the stream ending because we closed it (or already failed) is not a failure
    this.closed = true;
    await this.live?.unsubscribe().catch(() => undefined);
    const failure = error instanceof Error ? error : new Error(String(error));
    if (this.options.onError) this.options.onError(failure);
    else console.error('Event store subscription stopped:', failure);
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

/** Our positions are commit positions; outside explicit transactions, prepare equals commit. */
function toEsdbPosition(position: number): ReadPosition {
  return position <= 0 ? START : { commit: BigInt(position), prepare: BigInt(position) };
}

function samePosition(a: Position, b: Position): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}

/** Server-side filter; a checkpoint every 32 events scanned (the server counts in windows of 32). */
function serverFilter(filter: EventFilter, checkpointReached: (subscription: AllStreamSubscription, position: Position) => Promise<void>): Filter {
  const checkpoints = { checkpointInterval: 1, checkpointReached };
  if (hasPrefixes(filter.eventTypePrefixes)) return eventTypeFilter({ prefixes: filter.eventTypePrefixes, ...checkpoints });
  if (hasPrefixes(filter.streamPrefixes)) return streamNameFilter({ prefixes: filter.streamPrefixes, ...checkpoints });
  return excludeSystemEvents(checkpoints);
}

/** Stream metadata, links, statistics: ESDB's own records, never ours. */
function isSystemEvent(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function toEventData(event: EventToAppend) {
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata as JSONType });
}

const NO_POSITION = 2n ** 64n - 1n;

function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  // Servers before 22.10 answer stream reads with no position, or with 2^64-1 in its place.
  if (!event.position || event.position.commit === NO_POSITION) {
    throw new Error(`EventStoreDB returned no $all position for ${event.streamId}@${event.revision}: the server is older than 22.10`);
  }
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: Number(event.position.commit),
    type: event.type,
    data: fromPayload(event.data),
    metadata: fromPayload(event.metadata) as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
}

/** JSON events arrive parsed; anything binary is decoded as JSON when it is JSON. */
function fromPayload(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  try {
    return JSON.parse(Buffer.from(value).toString('utf8'));
  } catch {
    return value;
  }
}
