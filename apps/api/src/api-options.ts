import type { LoginRateLimitOptions } from './auth/login-rate-limiter';
import type { NotificationOptions } from './notifications/notification-options';
import type { CommentRateLimitOptions } from './public-notices/comment-rate-limiter';

export interface ApiOptions {
  /** How long a command waits for the read models to show its write (default 10 s). */
  readYourWritesTimeoutMs?: number;
  loginRateLimit?: LoginRateLimitOptions;
  /** Access-token (JWT) lifetime, e.g. `15m` (default: TDKT_ACCESS_TOKEN_TTL, 15m). */
  tokenTtl?: string;
  /** How long a command waits for the workflow before answering 503 (default 60 s; see NominationGateway). */
  commandTimeoutMs?: number;
  /** Peers trusted to set X-Forwarded-For (Express 'trust proxy'; default TDKT_TRUST_PROXY or `loopback`). */
  trustProxy?: string;
  /** Timing of mail retries, the digest clock and the live stream (tests shorten them, inject a clock). */
  notifications?: NotificationOptions;
  /** Public comments on a notice per client address (default 5 an hour). */
  commentRateLimit?: CommentRateLimitOptions;
}
