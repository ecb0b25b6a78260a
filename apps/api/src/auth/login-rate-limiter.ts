/**
 * Failed logins are limited three ways, each over `windowMs` since its first failure:
 * - per (username, client address): `maxFailures` — one person mistyping, one guesser;
 * - per account, from any address: `maxAccountFailures` — guessing one password from rotating
 *   addresses. Addresses that signed in to the account successfully (within `knownAddressMs`) are
 *   exempt, so an attacker can lock the account only for strangers, never for its owner at their
 *   usual place;
 * - per address, over all accounts: `maxAddressFailures` — password spraying (one guess per account).
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
}

export class LoginRateLimiter {
  private readonly failures = new Map<string, Count>();
  private readonly known = new Map<string, number>();

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
    for (const key of [`pair|${user}|${ip}`, `account|${user}`, `address|${ip}`]) {
      const entry = this.failures.get(key);
      if (!entry || now - entry.since >= this.options.windowMs) this.failures.set(key, { count: 1, since: now });
      else entry.count++;
    }
    if (this.failures.size > 100_000) this.prune(now);
  }

  recordSuccess(username: string, ip: string): void {
    const user = normalise(username);
    this.failures.delete(`pair|${user}|${ip}`);
    this.known.set(`${user}|${ip}`, this.now());
    if (this.known.size > 100_000) this.prune(this.now());
  }

  private isKnown(user: string, ip: string): boolean {
    const at = this.known.get(`${user}|${ip}`);
    return at !== undefined && this.now() - at < (this.options.knownAddressMs ?? 0);
  }

  private wait(key: string, max: number | undefined): number {
    const entry = this.failures.get(key);
    if (!entry || max === undefined) return 0;
    const elapsed = this.now() - entry.since;
    if (elapsed >= this.options.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= max ? Math.ceil((this.options.windowMs - elapsed) / 1000) : 0;
  }

  private prune(now: number) {
    for (const [k, v] of this.failures) if (now - v.since >= this.options.windowMs) this.failures.delete(k);
    for (const [k, at] of this.known) if (now - at >= (this.options.knownAddressMs ?? 0)) this.known.delete(k);
  }
}

const normalise = (username: string) => username.trim().toLowerCase();
