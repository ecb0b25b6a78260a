import type { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { hasPrefixes, type EventFilter } from '../event-filter';

/** What a subscription needs from the store: the head, pages of the log, and a wake-up on append. */
export interface PolledLog {
  headPosition(): number;
  /** Events with after < position <= upTo matching the filter, in global order. */
  page(after: number, upTo: number, limit: number, filter: EventFilter): RecordedEvent[];
  /** Resolves on the next append by this instance, or after `timeoutMs` (appends by other processes). */
  waitForAppend(timeoutMs: number): Promise<void>;
}

export interface PollingOptions {
  pollIntervalMs: number;
  pageSize: number;
}

/**
 * Catch-up then live delivery over a log that other processes may append to.
 * One loop, one handler at a time: events are delivered strictly in order, and a failing handler
 * stops the subscription (reported through onError) rather than skipping the event.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private wake: () => void = () => undefined;
  private readonly closing = new Promise<void>((resolve) => (this.wake = resolve));
  private readonly done: Promise<void>;

  constructor(
    private readonly log: PolledLog,
    private readonly options: SubscribeOptions,
    private readonly polling: PollingOptions,
    onFinished: () => void,
  ) {
    this.done = Promise.resolve()
      .then(() => this.run())
      .finally(onFinished);
  }

  /** Waits for the running handler, so do not await it from inside that handler. */
  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    await this.done;
  }

  private async run(): Promise<void> {
    const { onEvent, onCaughtUp, eventTypePrefixes, streamPrefixes } = this.options;
    const filter: EventFilter = { eventTypePrefixes, streamPrefixes };
    const filtered = hasPrefixes(eventTypePrefixes) || hasPrefixes(streamPrefixes);
    let position = this.options.fromPosition ?? 0;
    let caughtUp = false;
    try {
      while (!this.closed) {
        const head = this.log.headPosition();
        while (position < head && !this.closed) {
          const page = this.log.page(position, head, this.polling.pageSize, filter);
          for (const event of page) {
            if (this.closed) return;
            await onEvent(event);
            position = event.position;
          }
          // A short page means nothing else up to head matches: skip the filtered-out tail.
          if (page.length < this.polling.pageSize && !this.closed && position < head) {
            position = head;
            if (filtered) await this.options.onCheckpoint?.(position);
          }
        }
        if (this.closed) return;
        if (!caughtUp) {
          caughtUp = true;
          onCaughtUp?.(position);
        }
        await Promise.race([this.log.waitForAppend(this.polling.pollIntervalMs), this.closing]);
      }
    } catch (error) {
      this.closed = true;
      this.report(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private report(error: Error): void {
    if (this.options.onError) this.options.onError(error);
    // Never stop silently: without an onError the failure must at least be visible.
    else console.error('Event store subscription stopped:', error);
  }
}
