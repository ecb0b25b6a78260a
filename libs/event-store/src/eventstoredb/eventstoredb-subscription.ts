import type { AllStreamSubscription, EventStoreDBClient, Filter, Position } from '@eventstore/db-client';
import { eventTypeFilter, excludeSystemEvents, streamNameFilter } from '@eventstore/db-client';
import type { EventStore, SubscribeOptions, Subscription } from '../event-store.port';
import { EventFilter, hasPrefixes, matchesFilter } from '../event-filter';
import { isSystemEvent, toEsdbPosition, toRecordedEvent } from './eventstoredb-records';

/** What the catch-up reads through: the store's own paged, filtered reads of $all. */
export type PagedLog = Pick<EventStore, 'headPosition' | 'readAll'>;

/**
 * Catch-up by paged reads (in order, awaited one by one), then a live server-filtered subscription
 * whose checkpoints (the server has scanned this far, nothing more matched) reach `onCheckpoint`.
 */
export class EventStoreDbSubscription implements Subscription {
  private closed = false;
  private live?: AllStreamSubscription;
  /** A handler is running for an event taken from the live subscription. */
  private handling = false;
  /** Position of the last event handled or checkpoint reported: never deliver at or before it. */
  private position: number;
  private readonly done: Promise<void>;

  constructor(
    private readonly store: PagedLog,
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
    const filter: EventFilter = {
      eventTypePrefixes: this.options.eventTypePrefixes,
      streamPrefixes: this.options.streamPrefixes,
    };
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
      while (!this.closed && (this.handling || (this.live?.readableLength ?? 0) > 0))
        await new Promise((r) => setTimeout(r, 5));
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

/** Server-side filter; a checkpoint every 32 events scanned (the server counts in windows of 32). */
function serverFilter(
  filter: EventFilter,
  checkpointReached: (subscription: AllStreamSubscription, position: Position) => Promise<void>,
): Filter {
  const checkpoints = { checkpointInterval: 1, checkpointReached };
  if (hasPrefixes(filter.eventTypePrefixes))
    return eventTypeFilter({ prefixes: filter.eventTypePrefixes, ...checkpoints });
  if (hasPrefixes(filter.streamPrefixes)) return streamNameFilter({ prefixes: filter.streamPrefixes, ...checkpoints });
  return excludeSystemEvents(checkpoints);
}
