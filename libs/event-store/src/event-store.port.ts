/**
 * The one port every event store adapter implements (SQLite embedded, EventStoreDB in production).
 * Semantics follow EventStoreDB: per-stream revisions from 0, a global position across all streams,
 * optimistic concurrency on append, idempotence by event id.
 */

export interface EventMetadata {
  actorId: string;
  actorRole: string;
  actorUnitId?: string;
  actorClusterId?: string;
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  /** The human reason or comment given with the command, if any. */
  reason?: string;
  schemaVersion: number;
  [key: string]: unknown;
}

/** An event to append. `id` is a UUID; callers derive it deterministically so retries deduplicate. */
export interface EventToAppend<Data = unknown> {
  id: string;
  type: string;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored: the envelope. */
export interface RecordedEvent<Data = unknown> extends EventToAppend<Data> {
  stream: string;
  /** 0-based position within its stream. */
  revision: number;
  /** Strictly increasing position across all streams (1-based; 0 means "before everything"). */
  position: number;
  recordedAt: string;
}

/** Expected revision: `any`, `no_stream` (must not exist), `stream_exists`, or the exact last revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  /** Revision of the last event of this append (or of the original events, on an idempotent re-append). */
  nextExpectedRevision: number;
  /** Global position of the last event of this append. */
  position: number;
  /** Positions of each event, in order. */
  positions: number[];
  /** True when every event was already stored with these ids: nothing was written. */
  idempotent: boolean;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with position > fromPosition. 0 reads from the start. */
  fromPosition?: number;
  maxCount?: number;
  /** Only events whose type starts with one of these prefixes. */
  eventTypePrefixes?: string[];
  /** Only events whose stream name starts with one of these prefixes. */
  streamPrefixes?: string[];
}

export interface SubscribeOptions extends Omit<ReadAllOptions, 'maxCount'> {
  /** Called for each event in global order: catch-up first, then live. Awaited before the next one. */
  onEvent(event: RecordedEvent): Promise<void> | void;
  /** Called once when the catch-up has reached the head of the log. */
  onCaughtUp?(position: number): void;
  /**
   * With a filter: the log has been scanned up to `position` and everything matching up to there
   * has been handled (awaited), so a consumer may store it as its checkpoint even when nothing
   * matched for a long while. Never ahead of an event not yet delivered.
   */
  onCheckpoint?(position: number): Promise<void> | void;
  onError?(error: Error): void;
}

export interface Subscription {
  /** Stops delivery; resolves once no handler is running. */
  close(): Promise<void>;
}

export class ConcurrencyError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Wrong expected revision on ${stream}: expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'ConcurrencyError';
  }
}

export interface EventStore {
  append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; an empty array when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Current last revision of the stream, or -1 when it does not exist. */
  streamRevision(stream: string): Promise<number>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Global position of the last stored event (0 for an empty store). */
  headPosition(): Promise<number>;
  /**
   * The store's identity: generated when the store was created and kept in it (it survives a
   * restart and travels with a backup). Read models record it beside their checkpoints, so a
   * checkpoint of another store is never taken for one of this store.
   */
  storeId(): Promise<string>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
