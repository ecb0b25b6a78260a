import type { OrganisationDirectory } from '@tdkt/config';
import { queueDigests, vietnamDay, vietnamInstant, type ReadModelDb } from '@tdkt/projections';
import type { ResolvedNotificationOptions } from './notification-options';

/**
 * Once a day at the configured time (Vietnam time), the overdue items of those who chose the daily
 * digest become one mail each (queued in the outbox; `queueDigests` makes it once per person and
 * day across restarts and replicas). Checked every `digestCheckMs`; `runDue()` is the check.
 */
export class DigestClock {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: ReadModelDb,
    private readonly directory: OrganisationDirectory,
    private readonly digestTime: string,
    private readonly options: ResolvedNotificationOptions,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runDue().catch((e: Error) => this.onError(e)), this.options.digestCheckMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Queues today's digests if the digest time has passed; returns how many were queued. */
  async runDue(): Promise<number> {
    const now = this.options.now();
    const day = vietnamDay(now);
    if (now < vietnamInstant(day, this.digestTime)) return 0;
    return queueDigests(this.db, day, now, (username) => this.directory.user(username));
  }
}
