import type { EventStore, RecordedEvent, Subscription } from '@tdkt/event-store';
import type { ReadModelDb } from './db/read-model-db';
import { applyExactlyOnce, readCheckpoints } from './checkpoints';
import { matchesStreams, Projection } from './projection';
import { prepareProjections } from './projection-schema';
import type { StoreSourceOptions } from './store-source';
import { defaultProjections } from './read-models';

export interface CatchUpProgress {
  /** Global position every projection has processed. */
  position: number;
  /** Head of the log when the catch-up started (the target; appends during the catch-up move it on). */
  head: number;
  /** Events read so far in this catch-up. */
  events: number;
  elapsedMs: number;
}

export interface ProjectionRunnerOptions {
  /** Default: the four read models (status board, audit trail, award registry, inbox). */
  projections?: Projection[];
  /** Events per transaction, catch-up and live (default 500). */
  batchSize?: number;
  /** Keep following the log after the catch-up (default true). `false`: stop once caught up (rebuild). */
  live?: boolean;
  /** Catch-up progress, after every batch. */
  onProgress?(progress: CatchUpProgress): void;
  /** Called once when the runner fails for good (after retries); the runner stops. */
  onError?(error: Error): void;
  /** Attempts per batch before failing (transient database errors; default 5, with backoff). */
  maxAttempts?: number;
  /**
   * At start, read models that followed another store (or stand beyond this store's head) are
   * rebuilt (default) or refused: `start()` rejects with ReadModelStoreMismatchError.
   */
  source?: StoreSourceOptions;
}

interface Waiter {
  position: number;
  resolve(): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

export class ProjectionTimeoutError extends Error {
  constructor(
    readonly position: number,
    readonly reached: number,
    timeoutMs: number,
  ) {
    super(`Read models did not reach position ${position} within ${timeoutMs} ms (they are at ${reached})`);
    this.name = 'ProjectionTimeoutError';
  }
}

/**
 * Feeds the projections from the event log, exactly once: a batch of events and the projections'
 * checkpoints are written in ONE transaction (each stored checkpoint is re-read, and locked on
 * PostgreSQL, inside it, so a restart or a second runner never applies an event twice).
 *
 * Catch-up reads pages with `readAll` (filtered to the projections' streams; the next page is read
 * while the current one is applied), then follows the log live with `subscribeToAll`, grouping
 * events that arrive together into one transaction. Events of streams no projection reads advance
 * the in-memory position without a write, so `waitForPosition` works for any position.
 */
export class ProjectionRunner {
  /** Resolves once the catch-up has reached the head of the log (rejects if the runner fails or stops first). */
  readonly ready: Promise<void>;
  readonly projections: readonly Projection[];
  private resolveReady!: () => void;
  private rejectReady!: (error: Error) => void;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly positions = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  private state: 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed' = 'idle';
  private failure?: Error;
  private subscription?: Subscription;
  private loop?: Promise<void>;
  private buffer: RecordedEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  /** Highest position handed to the live buffer (dedupes a subscription's overlap with the catch-up). */
  private seen = 0;

  constructor(
    private readonly db: ReadModelDb,
    private readonly store: EventStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.projections = options.projections ?? defaultProjections();
    const names = new Set(this.projections.map((p) => p.name));
    if (names.size !== this.projections.length) throw new Error('ProjectionRunner: two projections share a name');
    this.batchSize = Math.max(1, options.batchSize ?? 500);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.ready = new Promise<void>((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
  }

  /** Creates the tables, loads the checkpoints and starts catching up (in the background: await `ready`). */
  async start(): Promise<void> {
    if (this.state !== 'idle') throw new Error(`ProjectionRunner cannot start: it is ${this.state}`);
    this.state = 'starting';
    try {
      const check = await prepareProjections(this.db, this.projections, {
        store: this.store,
        ...this.options.source,
      });
      if (check) this.options.source?.onChecked?.(check);
      for (const [name, position] of await readCheckpoints(this.db, this.projections))
        this.positions.set(name, position);
    } catch (error) {
      this.fail(error as Error);
      throw error;
    }
    if (this.state !== 'starting') return; // stopped meanwhile
    this.state = 'running';
    this.loop = this.run().catch((error: Error) => this.fail(error));
  }

  /** Stops reading; resolves once the batch in flight is committed. Safe to call more than once. */
  async stop(): Promise<void> {
    if (this.state === 'stopped' || this.state === 'failed') {
      await this.loop;
      return;
    }
    this.state = 'stopping';
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
    await this.loop;
    await this.flush().catch(() => undefined);
    this.state = 'stopped';
    const error = new Error('Projection runner stopped');
    this.rejectReady(error);
    for (const w of [...this.waiters]) this.settle(w, error);
  }

  /** The global position every projection has processed (the slowest one's). */
  currentPosition(): number {
    let min = Number.POSITIVE_INFINITY;
    for (const p of this.projections) min = Math.min(min, this.positions.get(p.name) ?? 0);
    return Number.isFinite(min) ? min : 0;
  }

  /** Per projection, the position processed. */
  checkpoints(): Record<string, number> {
    return Object.fromEntries(this.projections.map((p) => [p.name, this.positions.get(p.name) ?? 0]));
  }

  /** The error that stopped the runner, if any. */
  get error(): Error | undefined {
    return this.failure;
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /**
   * Resolves when EVERY projection has processed at least `position` (so a caller reads its own
   * write); rejects after `timeoutMs`, or when the runner fails or stops.
   */
  waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.currentPosition() >= position) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    if (this.state === 'stopped' || this.state === 'stopping')
      return Promise.reject(new Error('Projection runner stopped'));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { position, resolve, reject };
      waiter.timer = setTimeout(
        () => this.settle(waiter, new ProjectionTimeoutError(position, this.currentPosition(), timeoutMs)),
        timeoutMs,
      );
      this.waiters.add(waiter);
    });
  }

  // ---------------------------------------------------------------------------------------------

  private async run(): Promise<void> {
    const from = await this.catchUp();
    if (from === undefined) return; // stopped during the catch-up
    this.resolveReady();
    if (this.options.live === false) {
      this.state = 'stopped';
      return;
    }
    this.seen = from;
    this.subscription = this.store.subscribeToAll({
      fromPosition: from,
      onEvent: (event) => this.onLiveEvent(event),
      onError: (error) => this.fail(error),
    });
    if (this.state !== 'running') {
      const s = this.subscription;
      this.subscription = undefined;
      await s.close();
    }
  }

  /** Reads pages until the head; returns the position reached, or undefined when stopped first. */
  private async catchUp(): Promise<number | undefined> {
    const started = Date.now();
    let from = this.currentPosition();
    const target = await this.store.headPosition();
    let events = 0;
    const prefixes = this.unionPrefixes();
    const readPage = async (after: number) => {
      const head = await this.store.headPosition();
      const page = await this.store.readAll({
        fromPosition: after,
        maxCount: this.batchSize,
        ...(prefixes ? { streamPrefixes: prefixes } : {}),
      });
      return { head, page };
    };
    let next = readPage(from);
    for (;;) {
      const { head, page } = await next;
      if (this.state !== 'running') return undefined;
      const full = page.length >= this.batchSize;
      const last = page.length ? page[page.length - 1].position : from;
      // A short page holds every matching event up to the moment it was read, which is after `head`.
      const upTo = full ? last : Math.max(head, last);
      if (full) next = readPage(last); // read ahead while this page is applied
      await this.process(page, upTo);
      events += page.length;
      from = upTo;
      this.options.onProgress?.({
        position: from,
        head: Math.max(target, from),
        events,
        elapsedMs: Date.now() - started,
      });
      if (!full) return from;
    }
  }

  private async onLiveEvent(event: RecordedEvent): Promise<void> {
    if (this.state !== 'running' || event.position <= this.seen) return;
    this.seen = event.position;
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) await this.flush();
    else this.scheduleFlush();
  }

  private scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush().catch(() => undefined);
    });
  }

  /** Applies what the live subscription buffered; serialised. */
  private flush(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.buffer.length === 0 || this.failure) return;
      const events = this.buffer;
      this.buffer = [];
      try {
        await this.process(events, events[events.length - 1].position);
      } catch (error) {
        this.fail(error as Error);
      }
    });
    return this.chain;
  }

  /**
   * One transaction for the batch: each projection applies its events above its own checkpoint and
   * advances it to `upTo`. All or nothing, so a failure leaves every read model at its checkpoint
   * (and one commit per batch instead of one per projection).
   */
  private async process(events: readonly RecordedEvent[], upTo: number): Promise<void> {
    const work: { projection: Projection; relevant: RecordedEvent[] }[] = [];
    for (const projection of this.projections) {
      const at = this.positions.get(projection.name) ?? 0;
      if (upTo <= at) continue;
      const relevant = events.filter((e) => e.position > at && matchesStreams(projection, e.stream));
      // Nothing to write: replaying these on restart is harmless.
      if (relevant.length === 0) this.positions.set(projection.name, upTo);
      else work.push({ projection, relevant });
    }
    if (work.length > 0) {
      const reached = await this.withRetry(() =>
        this.db.transaction(async (tx) => {
          const out: number[] = [];
          for (const { projection, relevant } of work) {
            try {
              out.push(await applyExactlyOnce(this.db, tx, projection, relevant, upTo));
            } catch (error) {
              throw named(projection.name, error);
            }
          }
          return out;
        }),
      );
      work.forEach(({ projection }, i) => this.positions.set(projection.name, reached[i]));
    }
    this.notifyWaiters();
  }

  private async withRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= this.maxAttempts || this.state !== 'running') throw error;
        await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)));
      }
    }
  }

  private unionPrefixes(): string[] | undefined {
    if (this.projections.some((p) => p.streamPrefixes.length === 0)) return undefined;
    return [...new Set(this.projections.flatMap((p) => p.streamPrefixes))];
  }

  private notifyWaiters() {
    if (this.waiters.size === 0) return;
    const at = this.currentPosition();
    for (const w of [...this.waiters]) if (at >= w.position) this.settle(w);
  }

  private settle(w: Waiter, error?: Error) {
    if (!this.waiters.delete(w)) return;
    if (w.timer) clearTimeout(w.timer);
    if (error) w.reject(error);
    else w.resolve();
  }

  private fail(error: Error) {
    if (this.failure || this.state === 'stopped') return;
    this.failure = error;
    this.state = 'failed';
    const s = this.subscription;
    this.subscription = undefined;
    s?.close().catch(() => undefined);
    this.rejectReady(error);
    for (const w of [...this.waiters]) this.settle(w, error);
    this.options.onError?.(error);
  }
}

/** The error, its message prefixed with the projection that raised it. */
function named(projection: string, error: unknown): Error {
  const e = error instanceof Error ? error : new Error(String(error));
  e.message = `Projection ${projection}: ${e.message}`;
  return e;
}
