/**
 * Failed logins are limited three ways, each over `windowMs` since its first failure:
 * - per (username, client address): `maxFailures` — one person mistyping, one guesser;
 * - per account, from any address: `maxAccountFailures` — guessing one password from rotating
 *   addresses. Addresses that signed in to the account successfully (within `knownAddressMs`) are
 *   exempt, so an attacker can lock the account only for strangers, never for its owner at their
 *   usual place;
 * - per address, over all accounts: `maxAddressFailures` — password spraying (one guess per account).
 * Back-off: a (username, address) pair or an address that reaches its limit again within a day of
 * its last lock waits twice as long each time (15 min, 30 min, 1 h, … at most `maxLockMs`), so a
 * guesser gets fewer tries per day than per window. The per-account lock never grows: it is the
 * one a stranger can impose on someone else, so it stays one window (and the owner's addresses are
 * exempt from it).
 * A refused attempt is not counted (it never reached the password check). A success clears its
 * (username, address) count and marks the address known. In memory: one API process; behind
 * several replicas each keeps its own count (the limit per replica still stops guessing at speed).
 */
export interface LoginRateLimitOptions {
  maxFailures: number;
  windowMs: number;
  maxAccountFailures?: number;
  maxAddressFailures?: number;
  knownAddressMs?: number;
  /** Longest lock the back-off reaches (default 24 h); locks are forgotten after a quiet day. */
  maxLockMs?: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitOptions = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  maxAccountFailures: 20,
  maxAddressFailures: 30,
  knownAddressMs: 30 * 24 * 3600_000,
};

interface Count {
  count: number;
  since: number;
  /** Set when the count reaches its limit: no attempt before then. */
  lockedUntil?: number;
}

const DAY_MS = 24 * 3600_000;

export class LoginRateLimiter {
  private readonly failures = new Map<string, Count>();
  private readonly known = new Map<string, number>();
  /** How many times in a row a key was locked, and when the last lock ended. */
  private readonly strikes = new Map<string, { level: number; until: number }>();

  constructor(
    private readonly options: LoginRateLimitOptions = DEFAULT_LOGIN_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until a new attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(username: string, ip: string): number {
    const user = normalise(username);
    const limits: [string, number | undefined][] = [
      [`pair|${user}|${ip}`, this.options.maxFailures],
      [`address|${ip}`, this.options.maxAddressFailures],
    ];
    if (!this.isKnown(user, ip)) limits.push([`account|${user}`, this.options.maxAccountFailures]);
    return Math.max(0, ...limits.map(([key, max]) => this.wait(key, max)));
  }

  recordFailure(username: string, ip: string): void {
    const user = normalise(username);
    const now = this.now();
    const keys: [string, number | undefined, boolean][] = [
      [`pair|${user}|${ip}`, this.options.maxFailures, true],
      [`account|${user}`, this.options.maxAccountFailures, false],
      [`address|${ip}`, this.options.maxAddressFailures, true],
    ];
    for (const [key, max, backOff] of keys) {
      let entry = this.failures.get(key);
      if (!entry || (now - entry.since >= this.options.windowMs && (entry.lockedUntil ?? 0) <= now))
        this.failures.set(key, (entry = { count: 1, since: now }));
      else entry.count++;
      if (max !== undefined && entry.count === max) entry.lockedUntil = this.lockEnd(key, entry.since, now, backOff);
    }
    if (this.failures.size > 100_000) this.prune(now);
  }

  /** The first lock ends with its window; each further one within a day of the last lasts twice as long. */
  private lockEnd(key: string, since: number, now: number, backOff: boolean): number {
    const last = this.strikes.get(key);
    const level = backOff && last && now - last.until < DAY_MS ? last.level + 1 : 1;
    const until = Math.min(since + this.options.windowMs * 2 ** (level - 1), now + (this.options.maxLockMs ?? DAY_MS));
    this.strikes.set(key, { level, until });
    return until;
  }

  recordSuccess(username: string, ip: string): void {
    const user = normalise(username);
    this.failures.delete(`pair|${user}|${ip}`);
    this.known.set(`${user}|${ip}`, this.now());
    if (this.known.size > 100_000 || this.strikes.size > 100_000) this.prune(this.now());
  }

  private isKnown(user: string, ip: string): boolean {
    const at = this.known.get(`${user}|${ip}`);
    return at !== undefined && this.now() - at < (this.options.knownAddressMs ?? 0);
  }

  private wait(key: string, max: number | undefined): number {
    const entry = this.failures.get(key);
    if (!entry || max === undefined) return 0;
    const now = this.now();
    if (entry.lockedUntil !== undefined) {
      if (now < entry.lockedUntil) return Math.ceil((entry.lockedUntil - now) / 1000);
      this.failures.delete(key);
      return 0;
    }
    if (now - entry.since >= this.options.windowMs) this.failures.delete(key);
    return 0;
  }

  private prune(now: number) {
    for (const [k, v] of this.failures)
      if (now - v.since >= this.options.windowMs && (v.lockedUntil ?? 0) <= now) this.failures.delete(k);
    for (const [k, s] of this.strikes) if (now - s.until >= DAY_MS) this.strikes.delete(k);
    for (const [k, at] of this.known) if (now - at >= (this.options.knownAddressMs ?? 0)) this.known.delete(k);
  }
}

const normalise = (username: string) => username.trim().toLowerCase();
