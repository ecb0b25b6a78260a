/** Timing of the notification machinery; defaults for production, tests shorten them. */
export interface NotificationOptions {
  /** The clock (tests inject one to drive the digest and the back-off). */
  now?: () => Date;
  /** How often the outbox is looked at for mail due (default 2 s). */
  mailPollMs?: number;
  /** First retry after a failed attempt; doubles each time (default 30 s). */
  retryBaseMs?: number;
  /** Longest wait between attempts (default 1 h). */
  retryMaxMs?: number;
  /** Attempts before a mail is given up as `failed` (default 12: about half a day of retries). */
  maxAttempts?: number;
  /** How long a claimed mail is held by this sender before another may take it (default 2 min). */
  leaseMs?: number;
  /** How often the digest clock is checked (default 60 s). */
  digestCheckMs?: number;
  /** How often the live stream looks for new notifications (default 250 ms; an in-memory check). */
  streamPollMs?: number;
  /** Keep-alive comment and re-count of unread on every stream (default 15 s). */
  streamHeartbeatMs?: number;
  /**
   * A stream is ended after this long (default 10 min); EventSource reconnects at once and resumes
   * with Last-Event-ID. So the token is checked again (a stream outlives no revoked or expired
   * token for long) and no connection is held forever.
   */
  streamMaxMs?: number;
}

export type ResolvedNotificationOptions = Required<Omit<NotificationOptions, 'now'>> & { now: () => Date };

export function resolveNotificationOptions(o: NotificationOptions = {}): ResolvedNotificationOptions {
  return {
    now: o.now ?? (() => new Date()),
    mailPollMs: o.mailPollMs ?? 2_000,
    retryBaseMs: o.retryBaseMs ?? 30_000,
    retryMaxMs: o.retryMaxMs ?? 3_600_000,
    maxAttempts: o.maxAttempts ?? 12,
    leaseMs: o.leaseMs ?? 120_000,
    digestCheckMs: o.digestCheckMs ?? 60_000,
    streamPollMs: o.streamPollMs ?? 250,
    streamHeartbeatMs: o.streamHeartbeatMs ?? 15_000,
    streamMaxMs: o.streamMaxMs ?? 600_000,
  };
}

/** Wait before attempt `attempts + 1`: base × 2^(attempts − 1), capped. */
export const retryDelay = (attempts: number, baseMs: number, maxMs: number) =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
