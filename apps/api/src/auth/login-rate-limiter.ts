/**
 * Failed logins are limited per (username, client address): after `maxFailures` failures within
 * `windowMs`, further attempts are refused (429) until the window since the first failure passes.
 * A success clears the counter. In memory: one API process; behind several replicas each keeps
 * its own count (the limit per replica still stops guessing at speed).
 */
export interface LoginRateLimitOptions {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitOptions = { maxFailures: 5, windowMs: 15 * 60_000 };

export class LoginRateLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly options: LoginRateLimitOptions = DEFAULT_LOGIN_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  private key(username: string, ip: string) {
    return `${username.trim().toLowerCase()}|${ip}`;
  }

  /** Seconds until a new attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(username: string, ip: string): number {
    const entry = this.failures.get(this.key(username, ip));
    if (!entry) return 0;
    const elapsed = this.now() - entry.since;
    if (elapsed >= this.options.windowMs) {
      this.failures.delete(this.key(username, ip));
      return 0;
    }
    return entry.count >= this.options.maxFailures ? Math.ceil((this.options.windowMs - elapsed) / 1000) : 0;
  }

  recordFailure(username: string, ip: string): void {
    const key = this.key(username, ip);
    const entry = this.failures.get(key);
    const now = this.now();
    if (!entry || now - entry.since >= this.options.windowMs) this.failures.set(key, { count: 1, since: now });
    else entry.count++;
    if (this.failures.size > 100_000) this.prune(now);
  }

  recordSuccess(username: string, ip: string): void {
    this.failures.delete(this.key(username, ip));
  }

  private prune(now: number) {
    for (const [k, v] of this.failures) if (now - v.since >= this.options.windowMs) this.failures.delete(k);
  }
}
