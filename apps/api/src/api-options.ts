import type { LoginRateLimitOptions } from './auth/login-rate-limiter';

export interface ApiOptions {
  /** How long a command waits for the read models to show its write (default 10 s). */
  readYourWritesTimeoutMs?: number;
  loginRateLimit?: LoginRateLimitOptions;
  /** JWT lifetime (default 8h). */
  tokenTtl?: string;
}
